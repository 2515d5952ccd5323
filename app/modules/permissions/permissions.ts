import type { Actor } from "#app/modules/context.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { type OrganizationKind, type Role, rolesByKind } from "./roles.ts";

type Grant = { roles: readonly Role[]; kinds: readonly OrganizationKind[] };
const everyKind = ["company", "school", "training_centre"] as const;

/**
 * The one place that answers "may this actor do X in organisation Y" (DESIGN.md, "Who sees
 * what"): which roles hold a permission, and in which kinds of organisation it exists at all. A
 * company has a team but no classes, a school classes but no team; a training centre has both.
 * Pure: it decides from the actor's memberships, which the session loaded.
 */
export const organizationPermissions = {
  /** Create, list and revoke invitation codes. */
  "invitations.manage": { roles: ["trainer", "teacher", "admin"], kinds: everyKind },
  /** See everyone who belongs to the organisation. */
  "members.view": { roles: ["admin"], kinds: everyKind },
  /** Open the people page: admins see everyone, trainers the apprentices (read-only but for password codes). */
  "people.view": { roles: ["trainer", "admin"], kinds: everyKind },
  /** Change roles, record leavers, edit apprenticeships, make password codes for anyone. */
  "people.manage": { roles: ["admin"], kinds: everyKind },
  /** Make one-time password codes: trainers for their apprentices, admins for every member. */
  "passwords.reset": { roles: ["trainer", "admin"], kinds: everyKind },
  /**
   * End an apprenticeship here and sign the apprentice out (Betriebswechsel, Abbruch): admins, and
   * trainers for people who are nothing but apprentices here (in a small company the Meister).
   */
  "apprenticeships.end": { roles: ["trainer", "admin"], kinds: ["company", "training_centre"] },
  /** Read the organisation's audit trail (who changed what). */
  "audit.view": { roles: ["admin"], kinds: everyKind },
  /**
   * Approve, return and reopen apprentices' weekly records (Berichtsheft). Trainers only: the
   * law puts the review on the Ausbildende and their trainers. Never one's own record
   * (record-access.server.ts).
   */
  "records.review": { roles: ["trainer"], kinds: ["company", "training_centre"] },
  /** See the company's apprentices and their apprenticeships ("Mein Team"). */
  "team.view": { roles: ["trainer", "admin"], kinds: ["company", "training_centre"] },
  /** See the school's classes and who is enrolled ("Meine Klassen"). */
  "classes.view": { roles: ["teacher", "admin"], kinds: ["school", "training_centre"] },
  /** Create, edit, archive and promote classes, choose their teachers, enrol and move students. */
  "classes.manage": { roles: ["teacher", "admin"], kinds: ["school", "training_centre"] },
  /** Write the organisation's own courses and copy library courses into it. */
  "courses.manage": { roles: ["trainer", "teacher"], kinds: everyKind },
  /** Grade free-text answers (which ones: `answerGradable` in grading-rule.server.ts). */
  "answers.grade": { roles: ["trainer", "teacher"], kinds: everyKind },
  /** Give, change and withdraw assignments to the company's apprentices or the school's classes. */
  "assignments.manage": { roles: ["trainer", "teacher"], kinds: everyKind },
} as const satisfies Record<string, Grant>;

export type OrganizationPermission = keyof typeof organizationPermissions;

/** Which roles each role may hand out by invitation (an admin: every role of the kind). */
const invitableBy: Record<Role, readonly Role[]> = {
  apprentice: [],
  trainer: ["apprentice", "trainer"],
  teacher: ["apprentice", "teacher"],
  admin: ["apprentice", "trainer", "teacher", "admin"],
};

export function rolesIn(actor: Actor, organizationId: string): Role[] {
  return actor.memberships.filter((m) => m.organizationId === organizationId).map((m) => m.role);
}

/** Whether the kind of organisation offers the permission at all (the matrix's second axis). */
export function kindOffers(kind: OrganizationKind, permission: OrganizationPermission): boolean {
  const grant: Grant = organizationPermissions[permission];
  return grant.kinds.includes(kind);
}

export function can(actor: Actor, permission: OrganizationPermission, organizationId: string): boolean {
  const grant: Grant = organizationPermissions[permission];
  return actor.memberships.some(
    (m) =>
      m.organizationId === organizationId && grant.roles.includes(m.role) && grant.kinds.includes(m.organizationKind),
  );
}

/**
 * Throws unless the actor may. Outsiders get "not found" (they must not learn that the
 * organisation exists); members without the right role, or of a kind without it, "forbidden".
 */
export function requirePermission(actor: Actor, permission: OrganizationPermission, organizationId: string): void {
  if (rolesIn(actor, organizationId).length === 0) throw new NotFoundError("organization");
  if (!can(actor, permission, organizationId)) throw new ForbiddenError(permission);
}

export function invitableRoles(actor: Actor, organization: { id: string; kind: OrganizationKind }): Role[] {
  const held = rolesIn(actor, organization.id);
  return rolesByKind[organization.kind].filter((role) => held.some((h) => invitableBy[h].includes(role)));
}

/** Organisations in which the actor holds the permission, for navigation and homes. */
export function organizationsWith(actor: Actor, permission: OrganizationPermission): Actor["memberships"] {
  const seen = new Set<string>();
  return actor.memberships.filter((m) => {
    if (seen.has(m.organizationId) || !can(actor, permission, m.organizationId)) return false;
    seen.add(m.organizationId);
    return true;
  });
}

/** The ids of `organizationsWith`, for SQL conditions. */
export function organizationIdsWith(actor: Actor, permission: OrganizationPermission): string[] {
  return organizationsWith(actor, permission).map((m) => m.organizationId);
}

/** Every organisation the actor belongs to, in whatever role. */
export function memberOrganizationIds(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.organizationId))];
}

/** Whether the actor grades free-text answers anywhere ("Zu bewerten" in the navigation). */
export function isGrader(actor: Actor): boolean {
  return organizationsWith(actor, "answers.grade").length > 0;
}

export function requireGraderSomewhere(actor: Actor): void {
  if (!isGrader(actor)) throw new ForbiddenError("answers.grade");
}

/**
 * An attempt belongs to the apprentice who made it; nobody else may open or change it as theirs.
 * Others get "not found", so attempt ids reveal nothing.
 */
export function requireOwnAttempt(actor: Actor, attempt: { userId: string }): void {
  if (attempt.userId !== actor.id) throw new NotFoundError("attempt");
}

/**
 * Following one apprentice's learning (dashboards, the per-apprentice page): the company's
 * trainers and admins (`team.view`), and the teachers and admins of a school with a class the
 * apprentice is in (`classes.view`). The ties come from `apprenticeTies` (assignments/apprentice-overview.server.ts).
 */
export function canFollowApprentice(
  actor: Actor,
  apprentice: { companies: string[]; schools: string[] },
): { asCompany: string[]; asSchool: string[] } {
  return {
    asCompany: apprentice.companies.filter((id) => can(actor, "team.view", id)),
    asSchool: apprentice.schools.filter((id) => can(actor, "classes.view", id)),
  };
}

/** Throws "not found" unless the actor follows the apprentice in at least one organisation. */
export function requireFollowApprentice(actor: Actor, apprentice: { companies: string[]; schools: string[] }) {
  const via = canFollowApprentice(actor, apprentice);
  if (via.asCompany.length === 0 && via.asSchool.length === 0) throw new NotFoundError("apprentice");
  return via;
}

/**
 * Managing one assignment: the trainers and teachers of the organisation that gave it. Others
 * get "not found", so assignment ids reveal nothing.
 */
export function requireAssignmentManage(actor: Actor, assignment: { organizationId: string }): void {
  if (!can(actor, "assignments.manage", assignment.organizationId)) throw new NotFoundError("assignment");
}

/** Whether the actor runs the instance (a platform role, outside every organisation). */
export function isOperator(actor: Actor): boolean {
  return actor.platformRole === "operator";
}

/**
 * The operator's pages (organisations, their first invitations): for operators only. Everyone
 * else gets "not found", so the pages do not reveal that they exist. Operators see counts and
 * names of organisations, never anyone's learning data, and hold no organisation permission
 * through this role.
 */
export function requireOperator(actor: Actor): void {
  if (!isOperator(actor)) throw new NotFoundError("operator");
}
