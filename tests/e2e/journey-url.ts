/** Where the set-up journey's own server (an empty database, no demo) answers. */
export const journeyPort = Number(process.env.E2E_JOURNEY_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1);
export const journeyURL = `http://localhost:${journeyPort}`;
