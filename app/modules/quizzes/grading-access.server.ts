import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { classEnrollments, memberships, schoolClasses } from "#db/schema/index.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { organizationsWith } from "#app/modules/permissions/permissions.ts";

/** Companies the apprentice belongs to as apprentice, and schools with a class they are in. */
export async function apprenticeOrganizations(db: Database, apprenticeId: string): Promise<string[]> {
  const rows = await db
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.userId, apprenticeId), eq(memberships.role, "apprentice")))
    .union(
      db
        .select({ organizationId: schoolClasses.schoolId })
        .from(classEnrollments)
        .innerJoin(schoolClasses, eq(schoolClasses.id, classEnrollments.classId))
        .where(eq(classEnrollments.apprenticeId, apprenticeId)),
    );
  return rows.map((row) => row.organizationId);
}

/**
 * The grading rule of the permissions module (`canGrade`) as SQL over an apprentice id column:
 * true for apprentices of the actor's companies and students of the actor's schools' classes.
 */
export function gradableApprentice(actor: Actor, apprenticeId: SQL | unknown): SQL {
  const graderOrganizations = organizationsWith(actor, "answers.grade").map((m) => m.organizationId);
  if (graderOrganizations.length === 0) return sql`false`;
  return or(
    sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${apprenticeId} and ${memberships.role} = 'apprentice' and ${inArray(memberships.organizationId, graderOrganizations)})`,
    sql`exists (select 1 from ${classEnrollments} inner join ${schoolClasses} on ${schoolClasses.id} = ${classEnrollments.classId} where ${classEnrollments.apprenticeId} = ${apprenticeId} and ${inArray(schoolClasses.schoolId, graderOrganizations)})`,
  ) as SQL;
}
