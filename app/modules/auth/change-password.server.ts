import { eq } from "drizzle-orm";
import { auditEvents, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { createSession, invalidateUserSessions, type NewSession } from "./session.server.ts";

export type ChangePasswordResult = { ok: true; session: NewSession } | { ok: false; reason: "wrongCurrentPassword" };

/**
 * Sets a new password and ends every session of the user (a thief's too), then opens a
 * fresh one for the device that made the change.
 */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { currentPassword: string; newPassword: string };
}): Promise<ChangePasswordResult> {
  const [user] = await ctx.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, ctx.actor.id))
    .limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrongCurrentPassword" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  const session = await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, ctx.actor.id));
    await invalidateUserSessions(tx, ctx.actor.id);
    await tx.insert(auditEvents).values({ actorId: ctx.actor.id, action: "password.changed", targetId: ctx.actor.id });
    return createSession(tx, ctx.actor.id, ctx.now, ctx.userAgent);
  });
  return { ok: true, session };
}
