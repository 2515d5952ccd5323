import { and, count, eq, gte } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { invitations } from "#db/schema/index.ts";
import { invitationCreationLimit } from "#app/modules/auth/rate-limit.server.ts";
import { TooManyRequestsError } from "#app/utils/errors.ts";

/**
 * How many invitations the person made within the limit's window. Counted from the invitations
 * themselves, in the caller's transaction: nothing to keep in step, and a refused try costs nothing.
 */
export async function invitationsMadeRecently(tx: Database, actorId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - invitationCreationLimit.windowMs);
  const [row] = await tx
    .select({ n: count() })
    .from(invitations)
    .where(and(eq(invitations.createdById, actorId), gte(invitations.createdAt, since)));
  return row?.n ?? 0;
}

/** Refuses (429) when `more` invitations would take the person past the hourly limit. */
export async function requireInvitationBudget(tx: Database, actorId: string, now: Date, more = 1): Promise<void> {
  if ((await invitationsMadeRecently(tx, actorId, now)) + more > invitationCreationLimit.max) {
    throw new TooManyRequestsError("invitations");
  }
}
