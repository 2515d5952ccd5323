import type { deStaffClasses } from "./de-staff-classes.ts";

/** English twin of de-staff-classes.ts; must hold every key of it (tsc checks that). */
export const enStaffClasses: Record<keyof typeof deStaffClasses, string> = {};
