import { lt } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { rateLimits, sessions } from "#db/schema/index.ts";

/**
 * Deletes sessions past their expiry and limit counters whose window closed a day ago.
 * Expired sessions are refused anyway; this keeps the tables small. Cheap (indexed), so it
 * runs on start-up and after each successful login instead of needing a scheduler.
 */
export async function pruneExpired(db: Database, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
