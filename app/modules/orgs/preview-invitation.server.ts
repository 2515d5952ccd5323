import { giveBack, invitationLimit, takeSlot } from "#app/modules/auth/rate-limit.server.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { findOpenInvitation } from "./queries.server.ts";

/**
 * What the invitee sees before accepting: organisation, role and expiry, nothing else.
 * Wrong codes count against the visitor's address, so codes cannot be guessed by link either.
 */
export async function previewInvitation({
  ctx,
  input,
}: {
  ctx: PublicCtx;
  input: { code: string; clientAddress: string };
}) {
  const limitKey = `invitation:address:${input.clientAddress}`;
  // Counted first, handed back unless the code was wrong (see rate-limit.server.ts).
  if (!(await takeSlot(ctx.db, limitKey, invitationLimit, ctx.now)).allowed) {
    await giveBack(ctx.db, limitKey);
    return { state: "limited" as const };
  }
  const invitation = await findOpenInvitation(ctx.db, input.code, ctx.now);
  if (!invitation) return { state: "invalid" as const };
  await giveBack(ctx.db, limitKey);
  return {
    state: "open" as const,
    organizationName: invitation.organizationName,
    organizationTown: invitation.organizationTown,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    signedInAs: ctx.actor?.name ?? null,
  };
}
