import { recordCounts } from "#app/modules/records/queue.server.ts";
import { mondayOf, weekKey } from "#app/modules/records/week-dates.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { overdueSummary } from "#app/modules/assignments/overdue-summary.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { myAssignments } from "#app/modules/assignments/my-assignments.server.ts";
import { continueLearning } from "#app/modules/courses/continue-learning.server.ts";
import { countOpenInvitations, listMembers } from "#app/modules/orgs/queries.server.ts";
import { can, isOperator, organizationsWith } from "#app/modules/permissions/permissions.ts";
import { gradingQueueCount } from "#app/modules/quizzes/grading-queue.server.ts";
import { companyTeam, myTraining, schoolClassesWithStudents } from "#app/modules/training/queries.server.ts";

/** The company's Berichtsheft at a glance: weeks waiting for approval, weeks missing. */
function recordTotals(rows: { waiting: number; returned: number; missing: number }[]) {
  return {
    waiting: rows.reduce((sum, row) => sum + row.waiting, 0),
    // The weeks still open in every record of theirs, also one of a company they left.
    returned: rows.reduce((sum, row) => sum + row.returned, 0),
    missing: rows.reduce((sum, row) => sum + row.missing, 0),
  };
}

/** The apprentice's Berichtsheft on the home page: this week, weeks returned, weeks missing. */
async function myRecordNote(ctx: Ctx) {
  const rows = await recordCounts(ctx, { own: true });
  const today = todayInGermany(ctx.now);
  // The running apprenticeship (an apprentice is an apprentice of one company at a time).
  const current = rows.find((row) => row.firstMonday <= mondayOf(today) && row.endsOn >= today);
  if (!current) return null;
  return {
    apprenticeshipId: current.apprenticeshipId,
    week: weekKey(mondayOf(today)),
    // The weeks still open in every record of theirs, also one of a company they left.
    returned: rows.reduce((sum, row) => sum + row.returned, 0),
    missing: rows.reduce((sum, row) => sum + row.missing, 0),
  };
}

/**
 * Everything the home page shows, one section per role the actor holds: a person can be
 * trainer in one company and teacher at a school, or admin and trainer at once.
 */
export async function homeFor(ctx: Ctx) {
  const { actor } = ctx;
  const isApprentice = actor.memberships.some((m) => m.role === "apprentice");
  const [assignments, training, learning, waitingForGrade, teams, classes, administration, record] = await Promise.all([
    isApprentice ? myAssignments(ctx) : null,
    isApprentice ? myTraining(ctx) : null,
    isApprentice ? continueLearning(ctx) : null,
    gradingQueueCount(ctx),
    Promise.all(
      organizationsWith(actor, "team.view").map(async (m) => {
        const [apprentices, overdue, records] = await Promise.all([
          companyTeam(ctx, m.organizationId),
          overdueSummary(ctx.db, m.organizationId, todayInGermany(ctx.now)),
          recordCounts(ctx, { companyId: m.organizationId }),
        ]);
        return {
          organizationId: m.organizationId,
          organizationName: m.organizationName,
          canInvite: can(actor, "invitations.manage", m.organizationId),
          apprentices: apprentices.map((a) => ({
            ...a,
            record: recordTotals(records.filter((r) => r.apprenticeId === a.userId)),
          })),
          overdue,
          records: { ...recordTotals(records), reviews: can(actor, "records.review", m.organizationId) },
        };
      }),
    ),
    Promise.all(
      organizationsWith(actor, "classes.view").map(async (m) => ({
        organizationId: m.organizationId,
        organizationName: m.organizationName,
        classes: await schoolClassesWithStudents(ctx, m.organizationId),
        overdue: await overdueSummary(ctx.db, m.organizationId, todayInGermany(ctx.now)),
      })),
    ),
    Promise.all(
      organizationsWith(actor, "members.view").map(async (m) => {
        const [members, openInvitations] = await Promise.all([
          listMembers(ctx, m.organizationId),
          countOpenInvitations(ctx, m.organizationId),
        ]);
        return { organizationId: m.organizationId, organizationName: m.organizationName, members, openInvitations };
      }),
    ),
    isApprentice ? myRecordNote(ctx) : null,
  ]);
  return {
    name: actor.name,
    hasMemberships: actor.memberships.length > 0,
    /** An operator's way to the organisations (their page shows no learning data). */
    operator: isOperator(actor),
    training,
    isApprentice,
    assignments,
    learning,
    waitingForGrade,
    teams,
    classes,
    administration,
    record,
  };
}
export type HomeData = Awaited<ReturnType<typeof homeFor>>;
