import { eq } from "drizzle-orm";
import { assignments, auditEvents } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { loadManagedAssignment } from "./load-managed.server.ts";

/** "Zurückziehen": the assignment disappears for everyone; the row stays for the record. */
export async function withdrawAssignment({ ctx, input }: { ctx: Ctx; input: { assignmentId: string } }) {
  return ctx.db.transaction(async (tx) => {
    const assignment = await loadManagedAssignment(ctx, tx, input.assignmentId);
    await tx.update(assignments).set({ withdrawnAt: ctx.now }).where(eq(assignments.id, assignment.id));
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: assignment.organizationId,
      action: "assignment.withdraw",
      targetId: assignment.id,
      at: ctx.now,
    });
    return { organizationId: assignment.organizationId };
  });
}
