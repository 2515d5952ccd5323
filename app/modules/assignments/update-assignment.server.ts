import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { assignmentRecipients, assignments, auditEvents } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { AssignmentWriteResult } from "./create-assignment.server.ts";
import { loadManagedAssignment, recipientIds } from "./load-managed.server.ts";
import { completeFinishedAssignments } from "./recipient-progress.server.ts";
import { recipientsWithoutAccess, resolveRecipients } from "./recipients.server.ts";
import { latestDueOn, type UpdateAssignmentInput } from "./schemas.ts";

/**
 * Changes the due date, the note and who the assignment is for. The target stays: other work is
 * another assignment. Removed people lose the assignment, not their progress. A due date may stay
 * in the past (an old assignment gets a new note) but cannot be moved into it.
 */
export async function updateAssignment({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: UpdateAssignmentInput & { assignmentId: string };
}): Promise<AssignmentWriteResult> {
  return ctx.db.transaction(async (tx): Promise<AssignmentWriteResult> => {
    const assignment = await loadManagedAssignment(ctx, tx, input.assignmentId);
    if (input.dueOn !== assignment.dueOn && input.dueOn < todayInGermany(ctx.now))
      return { ok: false, fieldErrors: { dueOn: ["errors.assignment.dueOnPast"] } };
    if (input.dueOn !== assignment.dueOn && input.dueOn > latestDueOn(ctx.now))
      return { ok: false, fieldErrors: { dueOn: ["errors.assignment.dueOnTooFar"] } };
    const membership = ctx.actor.memberships.find((m) => m.organizationId === assignment.organizationId);
    if (!membership) throw new NotFoundError("assignment");
    // A class assignment stays with its class; the form can only narrow or widen it within.
    const recipients = await resolveRecipients(
      tx,
      { id: assignment.organizationId, kind: membership.organizationKind },
      { ...input, classId: assignment.classId ?? undefined },
    );
    if (!recipients.ok) return { ok: false, fieldErrors: { [recipients.field]: [recipients.error] } };
    const before = new Set(await recipientIds(tx, assignment.id));
    const added = recipients.apprenticeIds.filter((id) => !before.has(id));
    if ((await recipientsWithoutAccess(tx, assignment.courseId, added)) > 0)
      return { ok: false, fieldErrors: { apprenticeIds: ["errors.assignment.courseNotReadable"] } };
    await tx
      .update(assignments)
      .set({
        dueOn: input.dueOn,
        note: input.note,
        wholeClass: assignment.classId !== null && input.scope === "class",
        updatedAt: ctx.now,
      })
      .where(eq(assignments.id, assignment.id));
    await tx
      .delete(assignmentRecipients)
      .where(
        and(
          eq(assignmentRecipients.assignmentId, assignment.id),
          notInArray(assignmentRecipients.apprenticeId, recipients.apprenticeIds),
        ),
      );
    if (added.length > 0) {
      await tx
        .insert(assignmentRecipients)
        .values(added.map((apprenticeId) => ({ assignmentId: assignment.id, apprenticeId })))
        .onConflictDoNothing();
      await completeFinishedAssignments(
        tx,
        sql`ar.assignment_id = ${assignment.id} and ${inArray(sql`ar.apprentice_id`, added)}`,
        ctx.now,
      );
    }
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: assignment.organizationId,
      action: "assignment.update",
      targetId: assignment.id,
      at: ctx.now,
    });
    return { ok: true, id: assignment.id };
  });
}
