import { recordCounts } from "#app/modules/records/queue.server.ts";
import { byGermanName } from "#app/utils/sort.ts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { assignments } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { answerGradable } from "#app/modules/permissions/grading-rule.server.ts";
import { teamRoster } from "#app/modules/permissions/rosters.server.ts";
import { can, requirePermission } from "#app/modules/permissions/permissions.ts";
import { todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";
import { assignmentSummaries, stillCurrent } from "./assignment-summaries.server.ts";
import { recipientProgress } from "./recipient-progress.server.ts";
import { type AssignmentStatus, deriveStatus } from "./status.ts";

type TeamRow = {
  userId: string;
  name: string;
  occupationName: string | null;
  startsOn: string | null;
  lastActivityAt: number | null;
  waitingForGrade: number;
};

/**
 * The company's apprentices with their apprenticeship, when they last did something (a lesson
 * finished, a quiz attempt saved) and how many free-text answers of theirs wait for a grade here.
 * ONE statement: every figure is grouped in SQL, whatever the size of the team.
 */
function teamMembers(db: Database, companyId: string): Promise<TeamRow[]> {
  return selectRows<TeamRow>(
    db,
    sql`
    with team as (
      select u.id as user_id, u.name from users u where ${teamRoster.where(companyId, sql`u.id`)}
    ),
    contract as (
      select distinct on (ap.apprentice_id) ap.apprentice_id, o.name as occupation_name, ap.starts_on,
        -- An apprenticeship that ended early (change of company): the company follows it up to that day.
        case when ap.actual_end_on is null then null
          else (ap.actual_end_on + 1)::timestamp at time zone 'Europe/Berlin' end as followed_until
      from apprenticeships ap join occupations o on o.id = ap.occupation_id
      where ap.company_id = ${companyId} and ap.apprentice_id in (select user_id from team)
      order by ap.apprentice_id, ap.starts_on desc
    ),
    lessons_at as (
      select lp.user_id, max(lp.completed_at) as at from lesson_progress lp
      left join contract c on c.apprentice_id = lp.user_id
      where lp.user_id in (select user_id from team)
        and (c.followed_until is null or lp.completed_at < c.followed_until)
      group by lp.user_id
    ),
    attempts_at as (
      select qa.user_id, max(qa.updated_at) as at from quiz_attempts qa
      left join contract c on c.apprentice_id = qa.user_id
      where qa.user_id in (select user_id from team)
        and (c.followed_until is null or qa.updated_at < c.followed_until)
      group by qa.user_id
    ),
    waiting as (
      select qa.user_id, count(*) as n
      from attempt_answers aa join quiz_attempts qa on qa.id = aa.attempt_id
        join quizzes q on q.id = qa.quiz_id join course_modules qm on qm.id = q.module_id
        join courses qc on qc.id = qm.course_id
      where aa.needs_grading and qa.status = 'finished' and qa.user_id in (select user_id from team)
        and ${answerGradable.whereIn([companyId], { apprenticeId: sql`qa.user_id`, quizOwnerId: sql`qc.owner_organization_id` })}
      group by qa.user_id
    )
    select t.user_id as "userId", t.name, c.occupation_name as "occupationName", c.starts_on::text as "startsOn",
      extract(epoch from greatest(la.at, at2.at))::float8 * 1000 as "lastActivityAt",
      coalesce(w.n, 0)::int as "waitingForGrade"
    from team t
    left join contract c on c.apprentice_id = t.user_id
    left join lessons_at la on la.user_id = t.user_id
    left join attempts_at at2 on at2.user_id = t.user_id
    left join waiting w on w.user_id = t.user_id`,
  );
}

export type StatusCounts = Record<AssignmentStatus, number>;

export type MatrixCell = {
  status: AssignmentStatus;
  scorePercent: number | null;
  itemsDone: number;
  itemsTotal: number;
  pendingGrading: boolean;
};

/**
 * "Mein Team": who is behind and what waits for the trainer. Per apprentice the counts of the
 * company's assignments by status, the last activity and the answers waiting for a grade; the
 * company's live assignments as columns of a matrix whose cells hold status and score.
 *
 * THREE statements, run together, whatever the number of apprentices, assignments or attempts:
 * the team with its activity (one grouped statement), the assignments' titles, and the progress
 * of every recipient of the company's assignments (one `recipientProgress` call).
 */
export async function teamDashboard(ctx: Ctx, companyId: string) {
  // "Mein Team" exists where the matrix gives `team.view` (companies, training centres).
  requirePermission(ctx.actor, "team.view", companyId);

  const today = todayInGermany(ctx.now);
  const [team, summaries, progress, records] = await Promise.all([
    teamMembers(ctx.db, companyId),
    assignmentSummaries(
      ctx.db,
      and(eq(assignments.organizationId, companyId), stillCurrent(assignments, today)) as SQL,
    ),
    recipientProgress(
      ctx.db,
      sql`a.organization_id = ${companyId} and ${stillCurrent({ id: sql`a.id`, dueOn: sql`a.due_on` }, today)}`,
    ),
    recordCounts(ctx, { companyId }),
  ]);
  // The Berichtsheft per person: waiting and missing weeks over their apprenticeships here.
  const recordOf = new Map<string, { apprenticeshipId: string; waiting: number; returned: number; missing: number }>();
  for (const row of records) {
    const seen = recordOf.get(row.apprenticeId);
    recordOf.set(row.apprenticeId, {
      apprenticeshipId: row.apprenticeshipId,
      waiting: (seen?.waiting ?? 0) + row.waiting,
      returned: (seen?.returned ?? 0) + row.returned,
      missing: (seen?.missing ?? 0) + row.missing,
    });
  }

  const dueById = new Map(summaries.map((s) => [s.id, s.dueOn]));
  const cellOf = new Map<string, MatrixCell>();
  for (const p of progress) {
    const dueOn = dueById.get(p.assignmentId);
    if (dueOn === undefined) continue;
    cellOf.set(`${p.assignmentId}:${p.apprenticeId}`, {
      status: deriveStatus(p, dueOn, today),
      scorePercent: p.scorePercent === null ? null : Math.round(p.scorePercent),
      itemsDone: p.itemsDone,
      itemsTotal: p.itemsTotal,
      pendingGrading: p.pendingGrading,
    });
  }

  const apprentices = team.sort(byGermanName).map((member) => {
    const cells = summaries.map((s) => cellOf.get(`${s.id}:${member.userId}`) ?? null);
    const counts: StatusCounts = { overdue: 0, open: 0, inProgress: 0, done: 0 };
    for (const cell of cells) if (cell) counts[cell.status] += 1;
    return {
      userId: member.userId,
      name: member.name,
      occupationName: member.occupationName,
      startsOn: member.startsOn,
      trainingYear: member.startsOn ? trainingYear(member.startsOn, today) : null,
      counts,
      lastActivityAt: member.lastActivityAt === null ? null : new Date(member.lastActivityAt),
      waitingForGrade: member.waitingForGrade,
      record: recordOf.get(member.userId) ?? null,
      cells,
    };
  });

  const behind = apprentices.filter((a) => a.counts.overdue > 0);
  return {
    company: {
      id: companyId,
      name: ctx.actor.memberships.find((m) => m.organizationId === companyId)?.organizationName ?? "",
    },
    today,
    canManageAssignments: can(ctx.actor, "assignments.manage", companyId),
    canGrade: can(ctx.actor, "answers.grade", companyId),
    canInvite: can(ctx.actor, "invitations.manage", companyId),
    summary: {
      overdue: behind.reduce((sum, a) => sum + a.counts.overdue, 0),
      behind: behind.map((a) => ({ userId: a.userId, name: a.name, overdue: a.counts.overdue })),
      waitingForGrade: apprentices.reduce((sum, a) => sum + a.waitingForGrade, 0),
      open: apprentices.reduce((sum, a) => sum + a.counts.open + a.counts.inProgress, 0),
      recordsWaiting: apprentices.reduce((sum, a) => sum + (a.record?.waiting ?? 0), 0),
      recordsMissing: apprentices.reduce((sum, a) => sum + (a.record?.missing ?? 0), 0),
    },
    apprentices,
    assignments: summaries.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      courseTitle: s.courseTitle,
      className: s.className,
      dueOn: s.dueOn,
      done: apprentices.filter((a) => cellOf.get(`${s.id}:${a.userId}`)?.status === "done").length,
      recipients: apprentices.filter((a) => cellOf.has(`${s.id}:${a.userId}`)).length,
    })),
  };
}
export type TeamDashboard = Awaited<ReturnType<typeof teamDashboard>>;
