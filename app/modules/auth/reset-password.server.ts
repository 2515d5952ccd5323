import { eq } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { isWellFormedInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";
import { findOpenPasswordCode, type PasswordCodePurpose, redeemPasswordCode } from "./password-codes.server.ts";
import { giveBack, invitationLimit, takeSlot } from "./rate-limit.server.ts";
import { createSession, type NewSession } from "./session.server.ts";

/**
 * Password codes are guessed like invitation codes, so wrong ones count against the same limit
 * per client address (one budget for both kinds of code): counted first, handed back unless the
 * code was wrong (see rate-limit.server.ts).
 */
async function checkedCode(ctx: PublicCtx, code: string, clientAddress: string) {
  const limitKey = `invitation:address:${clientAddress}`;
  if (!(await takeSlot(ctx.db, limitKey, invitationLimit, ctx.now)).allowed) {
    await giveBack(ctx.db, limitKey);
    return { state: "limited" as const };
  }
  const open = isWellFormedInvitationCode(code) ? await findOpenPasswordCode(ctx.db, code, ctx.now) : null;
  if (!open) return { state: "invalid" as const };
  await giveBack(ctx.db, limitKey);
  return { state: "open" as const, ...open };
}

/**
 * Whose password the code sets, for the page that asks for it: the name and nothing else.
 * Unknown, used and expired codes are one answer, so a visitor learns nothing about them.
 */
export async function previewPasswordCode({
  ctx,
  input,
}: {
  ctx: PublicCtx;
  input: { code: string; clientAddress: string };
}): Promise<{ state: "open"; name: string; purpose: PasswordCodePurpose } | { state: "invalid" | "limited" }> {
  const checked = await checkedCode(ctx, input.code, input.clientAddress);
  if (checked.state !== "open") return checked;
  return { state: "open", name: checked.name, purpose: checked.purpose };
}

export type ResetPasswordResult = { ok: true; session: NewSession } | { ok: false; reason: "invalid" | "limited" };

/**
 * Sets the new password with a one-time code (a reset or an operator's first password) and signs
 * the person in. Only an open code reaches the costly hash; the code is used up in the same
 * statement that checks it, so two tabs cannot both use it. Every other session of the person
 * ends (redeemPasswordCode); the new one is the only one.
 */
export async function resetPasswordWithCode({
  ctx,
  input,
}: {
  ctx: PublicCtx;
  input: { code: string; newPassword: string; clientAddress: string };
}): Promise<ResetPasswordResult> {
  const checked = await checkedCode(ctx, input.code, input.clientAddress);
  if (checked.state !== "open") return { ok: false, reason: checked.state };
  const redeemed = await redeemPasswordCode(ctx.db, { code: input.code, newPassword: input.newPassword, now: ctx.now });
  // Someone else used the code a moment earlier, or the person was disabled meanwhile.
  if (!redeemed.ok) return { ok: false, reason: "invalid" };
  await ctx.db.update(users).set({ lastSignInAt: ctx.now }).where(eq(users.id, redeemed.userId));
  return { ok: true, session: await createSession(ctx.db, redeemed.userId, ctx.now, ctx.userAgent) };
}
