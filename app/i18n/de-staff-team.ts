/** German staff texts of one area, spread into de-staff.ts (own file so areas do not collide). */
export const deStaffTeam = {} as const;
