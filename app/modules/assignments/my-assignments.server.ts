import { sql } from "drizzle-orm";
import { assignmentRecipients, assignments } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { assignmentSummaries, finishedWorkShownDays, targetPath } from "./assignment-summaries.server.ts";
import { nextSteps, recipientProgress } from "./recipient-progress.server.ts";
import { compareForApprentice, daysUntil, deriveStatus } from "./status.ts";

/**
 * "Meine Aufgaben": the actor's own assignments, nobody else's, overdue first, then by due date
 * (finished ones of the last four weeks at the end),
 * each with its progress, what to open next and roughly how long the rest takes. Three
 * statements, whatever the number of assignments. A company's tasks go with the membership: after
 * a change of company the old one's open tasks are not hers to do any more (a school's stay).
 */
export async function myAssignments(ctx: Ctx) {
  // Finished work stays in the list for four weeks, so the list does not grow over the years.
  const since = new Date(ctx.now.getTime() - finishedWorkShownDays * 86_400_000).toISOString();
  const mine = sql`ar.apprentice_id = ${ctx.actor.id} and (ar.completed_at is null or ar.completed_at >= ${since}::timestamptz)`;
  const [summaries, progress, next] = await Promise.all([
    assignmentSummaries(
      ctx.db,
      sql`exists (select 1 from ${assignmentRecipients} where ${assignmentRecipients.assignmentId} = ${assignments.id}
        and ${assignmentRecipients.apprenticeId} = ${ctx.actor.id}
        and (${assignmentRecipients.completedAt} is null or ${assignmentRecipients.completedAt} >= ${since}::timestamptz))
        and exists (select 1 from organizations go where go.id = ${assignments.organizationId}
          and (go.kind = 'school' or exists (select 1 from memberships gm where gm.organization_id = go.id
            and gm.user_id = ${ctx.actor.id} and gm.deactivated_at is null)))`,
    ),
    recipientProgress(ctx.db, mine),
    nextSteps(ctx.db, mine),
  ]);
  const today = todayInGermany(ctx.now);
  const progressById = new Map(progress.map((p) => [p.assignmentId, p]));
  const nextById = new Map(next.map((step) => [step.assignmentId, step]));
  return summaries
    .flatMap((summary) => {
      const own = progressById.get(summary.id);
      if (!own) return [];
      const step = nextById.get(summary.id);
      return [
        {
          id: summary.id,
          kind: summary.kind,
          title: summary.title,
          courseTitle: summary.courseTitle,
          givenBy: summary.createdByName,
          organizationName: summary.organizationName,
          note: summary.note,
          dueOn: summary.dueOn,
          daysLeft: daysUntil(summary.dueOn, today),
          status: deriveStatus(own, summary.dueOn, today),
          completedAt: own.completedAt,
          itemsDone: own.itemsDone,
          itemsTotal: own.itemsTotal,
          scorePercent: own.scorePercent,
          pendingGrading: own.pendingGrading,
          minutesNeeded: own.completedAt ? 0 : own.minutesNeeded,
          href: targetPath(summary),
          next:
            step && !own.completedAt
              ? {
                  kind: step.kind,
                  title: step.title,
                  href: `/${step.kind === "lesson" ? "lessons" : "quizzes"}/${step.id}`,
                }
              : null,
        },
      ];
    })
    .sort(compareForApprentice);
}
export type MyAssignment = Awaited<ReturnType<typeof myAssignments>>[number];
