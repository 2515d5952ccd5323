import { eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { rateLimits } from "#db/schema/index.ts";

export type Limit = { max: number; windowMs: number };

/** Login failures: per account and per client address (a school may share one address). */
export const loginLimits = {
  account: { max: 10, windowMs: 15 * 60 * 1000 },
  address: { max: 100, windowMs: 15 * 60 * 1000 },
} satisfies Record<string, Limit>;

/** Tries to redeem invitation codes, per client address. */
export const invitationLimit: Limit = { max: 30, windowMs: 15 * 60 * 1000 };

export async function isLimited(db: Database, key: string, limit: Limit, now: Date): Promise<boolean> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
  if (!row) return false;
  return row.windowStart.getTime() + limit.windowMs > now.getTime() && row.count >= limit.max;
}

/** Counts one hit atomically (one statement), so concurrent processes never lose a count. */
export async function recordHit(db: Database, key: string, limit: Limit, now: Date): Promise<void> {
  const windowOpenedAfter = new Date(now.getTime() - limit.windowMs);
  await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} > ${windowOpenedAfter.toISOString()} then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} > ${windowOpenedAfter.toISOString()} then ${rateLimits.windowStart} else ${now.toISOString()}::timestamptz end`,
      },
    });
}

export async function clearHits(db: Database, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
