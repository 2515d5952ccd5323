// The one schema both drivers (PGlite and postgres.js) and drizzle-kit read.
export * from "./auth.ts";
export * from "./invitations.ts";
export * from "./orgs.ts";
export * from "./training.ts";
export * from "./courses.ts";
export * from "./quizzes.ts";
export * from "./assignments.ts";
export * from "./records.ts";
