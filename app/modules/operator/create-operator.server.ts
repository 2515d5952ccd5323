import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { auditEvents, users } from "#db/schema/index.ts";
import { issuePasswordCode } from "#app/modules/auth/password-codes.server.ts";
import { formatInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";

/**
 * No argon2 hash ever looks like this, so no password matches it: the account can only be
 * entered through its first-password code.
 */
function unusablePasswordHash(): string {
  return `!unusable!${randomBytes(24).toString("hex")}`;
}

/** The one-time link of a password code, on the configured APP_URL. */
export function passwordCodeLink(appUrl: string, code: string): string {
  return new URL(`/reset/${encodeURIComponent(code)}`, appUrl).toString();
}

/**
 * The command line's operation (npm run operator:create), for the people who run the instance:
 * creates the operator, or makes the existing account with that e-mail one, and issues a
 * first-password code (24 hours). Whoever runs it has the server, so nothing is asked; an
 * existing account keeps its password until the code is used, and a disabled one is switched on
 * again (the code would not open otherwise). Trusts its caller: routes never
 * reach it.
 */
export async function createOperator(
  db: Database,
  input: { email: string; name: string; now: Date },
): Promise<{ userId: string; created: boolean; code: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const { userId, created } = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (existing) {
      await tx.update(users).set({ platformRole: "operator", disabled: false }).where(eq(users.id, existing.id));
      await tx.insert(auditEvents).values({
        actorId: null,
        action: "operator.promoted",
        targetId: existing.id,
        details: { via: "cli" },
      });
      return { userId: existing.id, created: false };
    }
    const [row] = await tx
      .insert(users)
      .values({ name: input.name.trim(), email, passwordHash: unusablePasswordHash(), platformRole: "operator" })
      .returning({ id: users.id });
    if (!row) throw new Error("insert returned no row");
    await tx
      .insert(auditEvents)
      .values({ actorId: null, action: "operator.created", targetId: row.id, details: { via: "cli" } });
    return { userId: row.id, created: true };
  });
  const issued = await issuePasswordCode(db, { userId, purpose: "first_password", createdById: null, now: input.now });
  return { userId, created, code: formatInvitationCode(issued.code), expiresAt: issued.expiresAt };
}
