import type { deStaffAssignments } from "./de-staff-assignments.ts";

/** English twin of de-staff-assignments.ts; must hold every key of it (tsc checks that). */
export const enStaffAssignments: Record<keyof typeof deStaffAssignments, string> = {};
