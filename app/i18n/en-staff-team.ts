import type { deStaffTeam } from "./de-staff-team.ts";

/** English twin of de-staff-team.ts; must hold every key of it (tsc checks that). */
export const enStaffTeam: Record<keyof typeof deStaffTeam, string> = {};
