import { and, eq, isNull } from "drizzle-orm";
import { auditEvents, invitations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";

/** Withdraws an open invitation. Revoking twice is harmless; a used one stays used. */
export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; invitationId: string };
}): Promise<void> {
  requirePermission(ctx.actor, "invitations.manage", input.organizationId);
  await ctx.db.transaction(async (tx) => {
    // The organisation is part of the condition: an id from another organisation matches nothing.
    const [invitation] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.organizationId, input.organizationId)));
    if (!invitation) throw new NotFoundError("invitation");
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: ctx.now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (revoked.length > 0) {
      await tx.insert(auditEvents).values({
        actorId: ctx.actor.id,
        organizationId: input.organizationId,
        action: "invitation.revoked",
        targetId: invitation.id,
      });
    }
  });
}
