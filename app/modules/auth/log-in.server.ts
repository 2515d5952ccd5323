import { eq, sql } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import { pruneExpired } from "./prune-expired.server.ts";
import {
  clearHits,
  giveBack,
  loginLimits,
  type Slot,
  secondsUntil,
  takeBackoffSlot,
  takeSlot,
} from "./rate-limit.server.ts";
import { createSession, type NewSession } from "./session.server.ts";

export type LogInInput = { email: string; password: string; clientAddress: string };

/**
 * The two refusals are the only answers a guesser gets: "invalid" does not say whether the
 * account exists, and "limited" is given for unknown addresses exactly as for known ones.
 */
export type LogInResult =
  | { ok: true; session: NewSession }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; retryAfterSeconds: number };

/**
 * Every try is counted before the password is checked (see rate-limit.server.ts): against the
 * client address, the account, and the pair of both with growing waits. Only a try that got a
 * slot in all three reaches argon2; a success hands its slots back and ends the pair's waits.
 */
export async function logIn({ ctx, input }: { ctx: PublicCtx; input: LogInInput }): Promise<LogInResult> {
  const { db, now } = ctx;
  const email = input.email.toLowerCase();
  const addressKey = `login:address:${input.clientAddress}`;
  const accountKey = `login:account:${email}`;
  const pairKey = `login:pair:${email}:${input.clientAddress}`;

  const taken: string[] = [];
  const refuse = async (slot: Slot & { allowed: false }): Promise<LogInResult> => {
    // A refused try is checked by nobody, so it counts against nothing.
    for (const key of taken) await giveBack(db, key);
    return { ok: false, reason: "limited", retryAfterSeconds: secondsUntil(slot.retryAt, now) };
  };
  for (const [key, limit] of [
    [addressKey, loginLimits.address],
    [accountKey, loginLimits.account],
  ] as const) {
    const slot = await takeSlot(db, key, limit, now);
    taken.push(key);
    if (!slot.allowed) return refuse(slot);
  }
  const pair = await takeBackoffSlot(db, pairKey, loginLimits.pair, now);
  if (!pair.allowed) return refuse(pair);

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const valid = user
    ? (await verifyPassword(user.passwordHash, input.password)) && !user.disabled
    : await verifyAgainstDummy(input.password);

  // A failure keeps its slots: it counts against the address, the account and the pair.
  if (!user || !valid) return { ok: false, reason: "invalid" };

  for (const key of taken) await giveBack(db, key);
  await clearHits(db, pairKey);
  await pruneExpired(db, now);
  // "Last sign-in" on the people page.
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  // A fresh token at every login: a token planted before login is worthless afterwards.
  return { ok: true, session: await createSession(db, user.id, now, ctx.userAgent) };
}
