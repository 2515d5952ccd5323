import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { auditEvents, passwordCodes, users } from "#db/schema/index.ts";
import { generateInvitationCode, hashInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";
import { hashPassword } from "./password.server.ts";
import { invalidateUserSessions } from "./session.server.ts";

/**
 * One-time codes to set a password without e-mail (a reset handed over in person, an operator's
 * first password). Same shape and strength as invitation codes (80 random bits, base32, only the
 * SHA-256 stored). A new code replaces the person's open ones, so only the latest paper counts.
 * These helpers trust their caller: the operations that call them decide who may.
 */
export const PASSWORD_CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type PasswordCodePurpose = "reset" | "first_password";

export async function issuePasswordCode(
  db: Database,
  input: { userId: string; purpose: PasswordCodePurpose; createdById: string | null; now: Date; lifetimeMs?: number },
): Promise<{ code: string; expiresAt: Date }> {
  const code = generateInvitationCode();
  const expiresAt = new Date(input.now.getTime() + (input.lifetimeMs ?? PASSWORD_CODE_LIFETIME_MS));
  await db.transaction(async (tx) => {
    await tx
      .update(passwordCodes)
      .set({ usedAt: input.now })
      .where(and(eq(passwordCodes.userId, input.userId), isNull(passwordCodes.usedAt)));
    await tx.insert(passwordCodes).values({
      userId: input.userId,
      purpose: input.purpose,
      codeHash: hashInvitationCode(code),
      createdById: input.createdById,
      createdAt: input.now,
      expiresAt,
    });
  });
  return { code, expiresAt };
}

/** The person an open, unexpired code belongs to (for the page that asks for the new password). */
export async function findOpenPasswordCode(
  db: Database,
  code: string,
  now: Date,
): Promise<{ userId: string; name: string; purpose: PasswordCodePurpose } | null> {
  const [row] = await db
    .select({ userId: passwordCodes.userId, name: users.name, purpose: passwordCodes.purpose })
    .from(passwordCodes)
    .innerJoin(users, eq(users.id, passwordCodes.userId))
    .where(
      and(
        eq(passwordCodes.codeHash, hashInvitationCode(code)),
        isNull(passwordCodes.usedAt),
        gt(passwordCodes.expiresAt, now),
        eq(users.disabled, false),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Sets the new password with the code, once: the code is marked used in the same statement that
 * checks it (two tabs, one winner), and every session of the person ends.
 */
export async function redeemPasswordCode(
  db: Database,
  input: { code: string; newPassword: string; now: Date },
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const passwordHash = await hashPassword(input.newPassword);
  return db
    .transaction(async (tx) => {
      const [used] = await tx
        .update(passwordCodes)
        .set({ usedAt: input.now })
        .where(
          and(
            eq(passwordCodes.codeHash, hashInvitationCode(input.code)),
            isNull(passwordCodes.usedAt),
            gt(passwordCodes.expiresAt, input.now),
          ),
        )
        .returning({ userId: passwordCodes.userId, createdById: passwordCodes.createdById });
      if (!used) return { ok: false as const };
      const [user] = await tx
        .update(users)
        .set({ passwordHash })
        .where(and(eq(users.id, used.userId), eq(users.disabled, false)))
        .returning({ id: users.id });
      if (!user) throw new PasswordCodeRefused();
      await invalidateUserSessions(tx, used.userId);
      await tx.insert(auditEvents).values({ actorId: used.userId, action: "password.reset", targetId: used.userId });
      return { ok: true as const, userId: used.userId };
    })
    .catch((error: unknown) => {
      if (error instanceof PasswordCodeRefused) return { ok: false as const };
      throw error;
    });
}

/** Rolls the transaction back when the person was disabled after the code was issued. */
class PasswordCodeRefused extends Error {}
