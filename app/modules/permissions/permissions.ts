import type { Actor } from "#app/modules/context.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { type OrganizationKind, type Role, rolesByKind } from "./roles.ts";

/**
 * The one place that answers "may this actor do X in organisation Y" (DESIGN.md, "Who sees
 * what"). Pure: it decides from the actor's memberships, which the session loaded.
 */
export const organizationPermissions = {
  /** Create, list and revoke invitation codes. */
  "invitations.manage": ["trainer", "teacher", "admin"],
  /** See everyone who belongs to the organisation. */
  "members.view": ["admin"],
  /** See the company's apprentices and their apprenticeships ("Mein Team"). */
  "team.view": ["trainer", "admin"],
  /** See the school's classes and who is enrolled ("Meine Klassen"). */
  "classes.view": ["teacher", "admin"],
  /** Write the organisation's own courses and copy library courses into it. */
  "courses.manage": ["trainer", "teacher"],
  /** Grade free-text answers of the organisation's own apprentices (company) or students (school). */
  "answers.grade": ["trainer", "teacher"],
  /** Give, change and withdraw assignments to the company's apprentices or the school's classes. */
  "assignments.manage": ["trainer", "teacher"],
} as const satisfies Record<string, readonly Role[]>;

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

export function can(actor: Actor, permission: OrganizationPermission, organizationId: string): boolean {
  const allowed: readonly Role[] = organizationPermissions[permission];
  return rolesIn(actor, organizationId).some((role) => allowed.includes(role));
}

/**
 * Throws unless the actor may. Outsiders get "not found" (they must not learn that the
 * organisation exists); members without the right role get "forbidden".
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

/** Organisations whose published courses the actor may read: every one they belong to. */
export function courseReaderOrganizations(actor: Actor): string[] {
  return [...new Set(actor.memberships.map((m) => m.organizationId))];
}

type CourseOwnership = { ownerOrganizationId: string | null; status: "draft" | "published" | "archived" };

export function canManageCourse(actor: Actor, course: { ownerOrganizationId: string | null }): boolean {
  return course.ownerOrganizationId !== null && can(actor, "courses.manage", course.ownerOrganizationId);
}

/**
 * Reading a course: library courses are for everyone signed in; an organisation's courses for its
 * members, and drafts or archived ones only for those who write them. Anything else is "not found".
 */
export function requireCourseRead(actor: Actor, course: CourseOwnership): void {
  if (course.ownerOrganizationId === null) {
    if (course.status !== "published") throw new NotFoundError("course");
    return;
  }
  if (rolesIn(actor, course.ownerOrganizationId).length === 0) throw new NotFoundError("course");
  if (course.status !== "published" && !canManageCourse(actor, course)) throw new NotFoundError("course");
}

/** Writing a course: only its organisation's trainers and teachers; the library is read-only. */
export function requireCourseManage(actor: Actor, course: { ownerOrganizationId: string | null }): void {
  if (course.ownerOrganizationId === null) throw new ForbiddenError("library.readOnly");
  requirePermission(actor, "courses.manage", course.ownerOrganizationId);
}

/** A picture is visible to everyone signed in if it is library media, else to its owners' members. */
export function requireMediaRead(actor: Actor, owners: (string | null)[]): void {
  const mine = new Set(courseReaderOrganizations(actor));
  if (!owners.some((owner) => owner === null || mine.has(owner))) throw new NotFoundError("media");
}

/**
 * An attempt belongs to the apprentice who made it; nobody else may open or change it as theirs.
 * Others get "not found", so attempt ids reveal nothing.
 */
export function requireOwnAttempt(actor: Actor, attempt: { userId: string }): void {
  if (attempt.userId !== actor.id) throw new NotFoundError("attempt");
}

/**
 * Grading an apprentice's answers: a trainer of a company the apprentice belongs to, or a teacher
 * of a school with a class the apprentice is enrolled in. `apprenticeOrganizations` are those
 * companies and schools (the queries load them).
 */
export function canGrade(actor: Actor, apprenticeOrganizations: string[]): boolean {
  return apprenticeOrganizations.some((organizationId) => can(actor, "answers.grade", organizationId));
}

export function requireGrader(actor: Actor, apprenticeOrganizations: string[]): void {
  if (!canGrade(actor, apprenticeOrganizations)) throw new NotFoundError("attempt");
}

/** Whether the actor grades free-text answers anywhere ("Zu bewerten" in the navigation). */
export function isGrader(actor: Actor): boolean {
  return organizationsWith(actor, "answers.grade").length > 0;
}

export function requireGraderSomewhere(actor: Actor): void {
  if (!isGrader(actor)) throw new ForbiddenError("answers.grade");
}

/**
 * Exporting a quiz as GIFT: the file holds the answer key, so only people who write courses
 * somewhere (trainers, teachers) may take a quiz they can read to Moodle.
 */
export function canExportQuiz(actor: Actor): boolean {
  return organizationsWith(actor, "courses.manage").length > 0;
}

export function requireQuizExport(actor: Actor): void {
  if (!canExportQuiz(actor)) throw new ForbiddenError("quiz.export");
}

/**
 * Following one apprentice's learning (dashboards, the per-apprentice page): the company's
 * trainers and admins (`team.view`), and the teachers and admins of a school with a class the
 * apprentice is in (`classes.view`). `apprenticeOrganizations` as for `canGrade`.
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
