import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { courses, schoolClasses, users } from "#db/schema/index.ts";
import { courseRead } from "#app/modules/permissions/course-access.server.ts";
import { kindOffers } from "#app/modules/permissions/permissions.ts";
import { classRoster, teamRoster } from "#app/modules/permissions/rosters.server.ts";
import type { OrganizationKind } from "#app/modules/permissions/roles.ts";

export type RecipientChoice = { apprenticeIds: string[]; classId?: string | undefined; scope: "class" | "chosen" };

export type ResolvedRecipients =
  | { ok: true; apprenticeIds: string[]; classId: string | null }
  | { ok: false; field: "apprenticeIds" | "classId"; error: string };

/**
 * Who receives an assignment, proven to belong to the organisation inside the caller's
 * transaction: a company's own apprentices; a school's class (all of it, or chosen students of
 * it; a training centre may do either). Ids from the form that are not theirs are dropped, never trusted.
 */
export async function resolveRecipients(
  db: Database,
  organization: { id: string; kind: OrganizationKind },
  choice: RecipientChoice,
): Promise<ResolvedRecipients> {
  if (!choice.classId) {
    // Where there is no team (a school), apprentices are reached through classes only.
    if (!kindOffers(organization.kind, "team.view"))
      return { ok: false, field: "classId", error: "errors.assignment.classRequired" };
    if (choice.apprenticeIds.length === 0)
      return { ok: false, field: "apprenticeIds", error: "errors.assignment.recipientsRequired" };
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, choice.apprenticeIds), teamRoster.where(organization.id, users.id)));
    if (rows.length !== new Set(choice.apprenticeIds).size)
      return { ok: false, field: "apprenticeIds", error: "errors.assignment.recipientsUnknown" };
    return { ok: true, apprenticeIds: rows.map((row) => row.id), classId: null };
  }
  // An archived class is offered nowhere, so it cannot be chosen either.
  const [active] = await db
    .select({ id: schoolClasses.id })
    .from(schoolClasses)
    .where(
      and(
        eq(schoolClasses.id, choice.classId),
        eq(schoolClasses.schoolId, organization.id),
        isNull(schoolClasses.archivedAt),
      ),
    );
  if (!active) return { ok: false, field: "classId", error: "errors.assignment.classRequired" };
  const students = await db
    .select({ id: users.id })
    .from(users)
    .where(classRoster.inClass(organization.id, choice.classId, users.id));
  const enrolled = new Set(students.map((row) => row.id));
  if (enrolled.size === 0) return { ok: false, field: "classId", error: "errors.assignment.classEmpty" };
  if (choice.scope === "class") return { ok: true, apprenticeIds: [...enrolled], classId: choice.classId };
  if (choice.apprenticeIds.length === 0)
    return { ok: false, field: "apprenticeIds", error: "errors.assignment.recipientsRequired" };
  if (!choice.apprenticeIds.every((id) => enrolled.has(id)))
    return { ok: false, field: "apprenticeIds", error: "errors.assignment.recipientsUnknown" };
  return { ok: true, apprenticeIds: [...new Set(choice.apprenticeIds)], classId: choice.classId };
}

/** Recipients who could not open the assigned course themselves (the course read rule, per person). */
export async function recipientsWithoutAccess(
  db: Database,
  courseId: string,
  apprenticeIds: string[],
): Promise<number> {
  if (apprenticeIds.length === 0) return 0;
  const [row] = await db
    .select({ readers: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(courses, eq(courses.id, courseId))
    .where(and(inArray(users.id, apprenticeIds), courseRead.whereReader(users.id)));
  return new Set(apprenticeIds).size - (row?.readers ?? 0);
}
