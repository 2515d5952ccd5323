export const organizationKinds = ["company", "school", "training_centre"] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const roles = ["apprentice", "trainer", "teacher", "admin"] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Which roles exist in which kind of organisation. */
export const rolesByKind: Record<OrganizationKind, readonly Role[]> = {
  company: ["apprentice", "trainer", "admin"],
  school: ["apprentice", "teacher", "admin"],
  training_centre: ["apprentice", "trainer", "teacher", "admin"],
};
