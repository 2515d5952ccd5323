import { and, isNull, lt, or } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { rateLimits, sessions } from "#db/schema/index.ts";

/**
 * Deletes sessions past their expiry and limit counters whose window began over a day ago
 * (no window is longer) and whose wait, if any, is over.
 * Expired sessions are refused anyway; this keeps the tables small. Cheap (indexed), so it
 * runs on start-up and after each successful login instead of needing a scheduler.
 */
export async function pruneExpired(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db
    .delete(rateLimits)
    .where(
      and(
        lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)),
        or(isNull(rateLimits.blockedUntil), lt(rateLimits.blockedUntil, now)),
      ),
    );
}
