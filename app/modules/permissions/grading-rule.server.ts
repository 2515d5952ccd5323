import { and, eq, inArray, isNull, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { classEnrollments, memberships, schoolClasses } from "#db/schema/index.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { organizationIdsWith } from "./permissions.ts";
import { classRoster, teamRoster } from "./rosters.server.ts";

/**
 * Who may grade a free-text answer — one rule, as the check for one answer and as the SQL
 * condition of the queue, the counts and the dashboards:
 * - the quiz belongs to an organisation where the actor grades (`answers.grade`): its own staff;
 * - or it is a library quiz and the apprentice is theirs: an apprentice of a company where the
 *   actor grades, or a student of a class of a school where the actor grades.
 * Staff never grade another organisation's own quiz, whose course they could not open.
 */
export const answerGradable = {
  allows(actor: Actor, answer: { quizOwnerId: string | null; apprenticeOrganizations: string[] }): boolean {
    const graders = organizationIdsWith(actor, "answers.grade");
    if (answer.quizOwnerId !== null) return graders.includes(answer.quizOwnerId);
    return answer.apprenticeOrganizations.some((id) => graders.includes(id));
  },
  /** The same rule over SQL expressions: the apprentice's id and the quiz's owner organisation. */
  where(actor: Actor, answer: { apprenticeId: SQLWrapper; quizOwnerId: SQLWrapper }): SQL {
    return answerGradable.whereIn(organizationIdsWith(actor, "answers.grade"), answer);
  },
  /** Answers the staff of these organisations grade (for an organisation's dashboard figures). */
  whereIn(organizationIds: string[], answer: { apprenticeId: SQLWrapper; quizOwnerId: SQLWrapper }): SQL {
    if (organizationIds.length === 0) return sql`false`;
    return or(
      inArray(answer.quizOwnerId, organizationIds),
      and(sql`${answer.quizOwnerId} is null`, apprenticeOf(organizationIds, answer.apprenticeId)),
    ) as SQL;
  },
};

/** Apprentices who belong to one of the organisations: in its team, or enrolled in its class. */
function apprenticeOf(organizationIds: string[], apprenticeId: SQLWrapper): SQL {
  return or(teamRoster.where(organizationIds, apprenticeId), classRoster.where(organizationIds, apprenticeId)) as SQL;
}

/** Companies the apprentice belongs to as apprentice, and schools with a class they are in. */
export async function apprenticeOrganizations(db: Database, apprenticeId: string): Promise<string[]> {
  const rows = await db
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(
      and(eq(memberships.userId, apprenticeId), eq(memberships.role, "apprentice"), isNull(memberships.deactivatedAt)),
    )
    .union(
      db
        .select({ organizationId: schoolClasses.schoolId })
        .from(classEnrollments)
        .innerJoin(schoolClasses, eq(schoolClasses.id, classEnrollments.classId))
        .where(eq(classEnrollments.apprenticeId, apprenticeId)),
    );
  return rows.map((row) => row.organizationId);
}

/** Throws "not found" unless the actor may grade the apprentice's answer to the quiz. */
export async function requireAnswerGradable(
  db: Database,
  actor: Actor,
  answer: { apprenticeId: string; quizOwnerId: string | null },
): Promise<void> {
  const apprenticeOrgs = answer.quizOwnerId === null ? await apprenticeOrganizations(db, answer.apprenticeId) : [];
  if (!answerGradable.allows(actor, { quizOwnerId: answer.quizOwnerId, apprenticeOrganizations: apprenticeOrgs })) {
    throw new NotFoundError("attempt");
  }
}
