import { eq, sql } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { verifyAgainstDummy, verifyPassword } from "./password.server.ts";
import { pruneExpired } from "./prune-expired.server.ts";
import { clearHits, isLimited, loginLimits, recordHit } from "./rate-limit.server.ts";
import { createSession, type NewSession } from "./session.server.ts";

export type LogInInput = { email: string; password: string; clientAddress: string };

/**
 * The two refusals are the only answers a guesser gets: "invalid" does not say whether the
 * account exists, and "limited" is given for unknown addresses exactly as for known ones.
 */
export type LogInResult = { ok: true; session: NewSession } | { ok: false; reason: "invalid" | "limited" };

export async function logIn({ ctx, input }: { ctx: PublicCtx; input: LogInInput }): Promise<LogInResult> {
  const { db, now } = ctx;
  const accountKey = `login:account:${input.email.toLowerCase()}`;
  const addressKey = `login:address:${input.clientAddress}`;

  if (
    (await isLimited(db, accountKey, loginLimits.account, now)) ||
    (await isLimited(db, addressKey, loginLimits.address, now))
  ) {
    return { ok: false, reason: "limited" };
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()))
    .limit(1);
  const valid = user
    ? (await verifyPassword(user.passwordHash, input.password)) && !user.disabled
    : await verifyAgainstDummy(input.password);

  if (!user || !valid) {
    await recordHit(db, accountKey, loginLimits.account, now);
    await recordHit(db, addressKey, loginLimits.address, now);
    return { ok: false, reason: "invalid" };
  }

  await clearHits(db, accountKey);
  await pruneExpired(db, now);
  // A fresh token at every login: a token planted before login is worthless afterwards.
  return { ok: true, session: await createSession(db, user.id, now) };
}
