import { and, eq, ne, sql } from "drizzle-orm";
import { auditEvents, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { isUniqueViolation } from "#app/modules/classes/load-class.server.ts";
import { verifyPassword } from "./password.server.ts";
import { giveBack, type Limit, takeSlot } from "./rate-limit.server.ts";

/**
 * Someone at an unlocked computer could otherwise guess the password through this form without
 * ever meeting the login limits. Counted before argon2, handed back after a right password.
 */
export const profileChangeLimit: Limit = { max: 10, windowMs: 15 * 60 * 1000 };

export type UpdateProfileResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "wrongCurrentPassword" | "emailTaken" | "limited" };

/**
 * Name and e-mail of the signed-in person, confirmed with the current password (an e-mail
 * address is where a reset link goes, so whoever changes it could take over the account).
 * The address is stored lower-case and is unique regardless of case; the same values change
 * nothing and write no audit event.
 */
export async function updateOwnProfile({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { name: string; email: string; currentPassword: string };
}): Promise<UpdateProfileResult> {
  const limitKey = `profile:account:${ctx.actor.id}`;
  if (!(await takeSlot(ctx.db, limitKey, profileChangeLimit, ctx.now)).allowed) {
    await giveBack(ctx.db, limitKey);
    return { ok: false, reason: "limited" };
  }
  const [user] = await ctx.db
    .select({ name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.actor.id))
    .limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrongCurrentPassword" };
  }
  await giveBack(ctx.db, limitKey);

  const email = input.email.toLowerCase();
  const nameChanged = user.name !== input.name;
  const emailChanged = user.email.toLowerCase() !== email;
  if (!nameChanged && !emailChanged) return { ok: true, changed: false };
  if (emailChanged && (await emailInUse(ctx, email))) return { ok: false, reason: "emailTaken" };

  try {
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ name: input.name, email }).where(eq(users.id, ctx.actor.id));
      // Not tied to an organisation: a person's own account belongs to none of them (the
      // column is nullable for exactly such events, like "password.changed").
      await tx.insert(auditEvents).values({
        actorId: ctx.actor.id,
        action: "account.profileChanged",
        targetId: ctx.actor.id,
        details: { nameChanged, emailChanged },
      });
    });
  } catch (error) {
    // Someone took the address between the check and the write: the unique index decides.
    if (isUniqueViolation(error, "users_email_lower_key")) return { ok: false, reason: "emailTaken" };
    throw error;
  }
  return { ok: true, changed: true };
}

async function emailInUse(ctx: Ctx, email: string): Promise<boolean> {
  const [other] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email), ne(users.id, ctx.actor.id)))
    .limit(1);
  return Boolean(other);
}
