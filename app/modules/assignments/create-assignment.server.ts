import { eq, sql } from "drizzle-orm";
import { assignmentRecipients, assignments, auditEvents } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { completeFinishedAssignments } from "./recipient-progress.server.ts";
import { recipientsWithoutAccess, resolveRecipients } from "./recipients.server.ts";
import { type CreateAssignmentInput, latestDueOn } from "./schemas.ts";
import { resolveTarget } from "./targets.server.ts";

export type AssignmentWriteResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

const fail = (field: string, error: string): AssignmentWriteResult => ({
  ok: false,
  fieldErrors: { [field]: [error] },
});

/**
 * Gives an assignment. Everything from the form is proven inside one transaction: the target is
 * assignable by this organisation, every recipient is theirs and can open the course. A second
 * submit of the same form (same `submissionId`) returns the first assignment instead of a copy.
 * Work already done before counts at once: the assignment may start out complete.
 */
export async function createAssignment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateAssignmentInput & { organizationId: string };
}): Promise<AssignmentWriteResult> {
  requirePermission(ctx.actor, "assignments.manage", input.organizationId);
  const membership = ctx.actor.memberships.find((m) => m.organizationId === input.organizationId);
  if (!membership) throw new NotFoundError("organization");
  if (input.dueOn < todayInGermany(ctx.now)) return fail("dueOn", "errors.assignment.dueOnPast");
  if (input.dueOn > latestDueOn(ctx.now)) return fail("dueOn", "errors.assignment.dueOnTooFar");
  return ctx.db.transaction(async (tx) => {
    const earlier = await earlierSubmission(tx, input);
    if (earlier) return earlier;
    const target = await resolveTarget(tx, input.organizationId, input.target);
    if (!target) return fail("target", "errors.assignment.targetRequired");
    const recipients = await resolveRecipients(
      tx,
      { id: input.organizationId, kind: membership.organizationKind },
      input,
    );
    if (!recipients.ok) return fail(recipients.field, recipients.error);
    if ((await recipientsWithoutAccess(tx, target.courseId, recipients.apprenticeIds)) > 0)
      return fail("target", "errors.assignment.courseNotReadable");
    const [row] = await tx
      .insert(assignments)
      .values({
        organizationId: input.organizationId,
        classId: recipients.classId,
        wholeClass: recipients.classId !== null && input.scope === "class",
        createdBy: ctx.actor.id,
        kind: target.kind,
        courseId: target.courseId,
        moduleId: target.moduleId,
        lessonId: target.lessonId,
        quizId: target.quizId,
        dueOn: input.dueOn,
        note: input.note,
        submissionId: input.submissionId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      // A concurrent double submit waits here for the first one and then finds it.
      .onConflictDoNothing({ target: assignments.submissionId })
      .returning({ id: assignments.id });
    if (!row) {
      const first = await earlierSubmission(tx, input);
      if (!first) throw new Error("assignment not written");
      return first;
    }
    await tx
      .insert(assignmentRecipients)
      .values(recipients.apprenticeIds.map((apprenticeId) => ({ assignmentId: row.id, apprenticeId })));
    await completeFinishedAssignments(tx, sql`ar.assignment_id = ${row.id}`, ctx.now);
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: input.organizationId,
      action: "assignment.create",
      targetId: row.id,
      at: ctx.now,
    });
    return { ok: true, id: row.id };
  });
}

async function earlierSubmission(
  db: Ctx["db"],
  input: { submissionId: string; organizationId: string },
): Promise<AssignmentWriteResult | null> {
  const [earlier] = await db
    .select({ id: assignments.id, organizationId: assignments.organizationId })
    .from(assignments)
    .where(eq(assignments.submissionId, input.submissionId));
  if (!earlier) return null;
  if (earlier.organizationId !== input.organizationId) throw new NotFoundError("assignment");
  return { ok: true, id: earlier.id };
}
