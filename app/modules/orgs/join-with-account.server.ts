import { eq, sql } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { giveBack, invitationLimit, takeSlot } from "#app/modules/auth/rate-limit.server.ts";
import type { NewSession } from "#app/modules/auth/session.server.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { acceptInvitation } from "./accept-invitation.server.ts";
import { findOpenInvitation } from "./queries.server.ts";

export type JoinWithAccountResult =
  | { ok: true; session: NewSession }
  | { ok: false; reason: "invalidCode" | "limited" | "loginFailed"; session: NewSession | null }
  | { ok: false; reason: "loginLimited"; retryAfterSeconds: number; session: null };

/**
 * "I already have an account": joins with the existing account instead of a second one. The
 * code is checked first (wrong codes count against the address, as on the join page); the
 * password then goes through the login itself, so every try counts against the login limits.
 */
export async function joinWithExistingAccount({
  ctx,
  input,
}: {
  ctx: PublicCtx;
  input: { code: string; email: string; password: string; clientAddress: string };
}): Promise<JoinWithAccountResult> {
  const addressKey = `invitation:address:${input.clientAddress}`;
  if (!(await takeSlot(ctx.db, addressKey, invitationLimit, ctx.now)).allowed) {
    await giveBack(ctx.db, addressKey);
    return { ok: false, reason: "limited", session: null };
  }
  if (!(await findOpenInvitation(ctx.db, input.code, ctx.now)))
    return { ok: false, reason: "invalidCode", session: null };
  await giveBack(ctx.db, addressKey);

  const login = await logIn({
    ctx,
    input: { email: input.email, password: input.password, clientAddress: input.clientAddress },
  });
  if (!login.ok) {
    return login.reason === "limited"
      ? { ok: false, reason: "loginLimited", retryAfterSeconds: login.retryAfterSeconds, session: null }
      : { ok: false, reason: "loginFailed", session: null };
  }
  // The password was right: the account is the one with this address.
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
  const actor = user ? await loadActor(ctx.db, user.id) : null;
  if (!actor) return { ok: false, reason: "loginFailed", session: null };
  const joined = await acceptInvitation({
    ctx: { ...ctx, actor },
    input: { code: input.code, account: null, clientAddress: input.clientAddress },
  });
  // Signed in either way: the password was right.
  if (joined.ok) return { ok: true, session: login.session };
  return { ok: false, reason: joined.reason === "limited" ? "limited" : "invalidCode", session: login.session };
}
