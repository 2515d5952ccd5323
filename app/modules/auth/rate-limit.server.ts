import { eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { rateLimits } from "#db/schema/index.ts";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** At most `max` tries in a fixed window of `windowMs`. */
export type Limit = { max: number; windowMs: number };

/**
 * `freeFailures` failures without waiting, then a wait after each further failure that doubles
 * from `firstWaitMs` up to `maxWaitMs`. The count starts over after a success, or `resetAfterMs`
 * after the first failure.
 */
export type Backoff = { freeFailures: number; firstWaitMs: number; maxWaitMs: number; resetAfterMs: number };

/**
 * Login (OWASP: throttle the pair, keep ceilings high). The pair of account and client address
 * gets growing waits, so that a guesser elsewhere cannot lock the owner out. The ceilings catch
 * what the pairs cannot: one account tried from many addresses, many accounts from one address.
 * The address ceiling is high because a school or company network shares one address.
 */
export const loginLimits = {
  pair: { freeFailures: 5, firstWaitMs: MINUTE, maxWaitMs: HOUR, resetAfterMs: DAY },
  account: { max: 300, windowMs: DAY },
  address: { max: 300, windowMs: HOUR },
} satisfies { pair: Backoff; account: Limit; address: Limit };

/** Failed tries to redeem invitation codes (wrong code, or an e-mail that cannot be used), per client address. */
export const invitationLimit: Limit = { max: 30, windowMs: 15 * MINUTE };

/** Failed tries with one open code (an e-mail that cannot be used), from any address. */
export const invitationCodeLimit: Limit = { max: 5, windowMs: 15 * MINUTE };

export type Slot = { allowed: true } | { allowed: false; retryAt: Date };

const iso = (date: Date) => date.toISOString();

/**
 * Counts a try BEFORE it is checked, in one statement (insert or increment, returning the
 * count), and allows it iff the count is within the limit. Concurrent tries each get their own
 * number from the row lock, so N at once cannot all slip past a check made before counting.
 * A try that turns out well (or is refused anyway) is handed back with `giveBack`.
 */
export async function takeSlot(db: Database, key: string, limit: Limit, now: Date): Promise<Slot> {
  const current = sql`${rateLimits.windowStart} > ${iso(new Date(now.getTime() - limit.windowMs))}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${current} then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`case when ${current} then ${rateLimits.windowStart} else ${iso(now)}::timestamptz end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (!row) throw new Error("rate limit upsert returned no row");
  if (row.count <= limit.max) return { allowed: true };
  return { allowed: false, retryAt: new Date(row.windowStart.getTime() + limit.windowMs) };
}

/** The wait after the `failures`-th failure (0 while failures are free). */
export function backoffWaitMs(backoff: Backoff, failures: number): number {
  if (failures < backoff.freeFailures) return 0;
  const doublings = Math.min(failures - backoff.freeFailures, 30);
  return Math.min(backoff.maxWaitMs, backoff.firstWaitMs * 2 ** doublings);
}

/**
 * Like `takeSlot`, for growing waits: refused while a wait runs (nothing is counted then);
 * otherwise counts the try as a failure and sets the wait that follows it, in one statement.
 * A try that succeeds ends the waits with `clearHits`.
 */
export async function takeBackoffSlot(db: Database, key: string, backoff: Backoff, now: Date): Promise<Slot> {
  const current = sql`${rateLimits.windowStart} > ${iso(new Date(now.getTime() - backoff.resetAfterMs))}::timestamptz`;
  const failures = sql`(case when ${current} then ${rateLimits.count} + 1 else 1 end)`;
  const waitMs = sql`(case when ${failures} < ${backoff.freeFailures} then 0
    else least(${backoff.maxWaitMs}::float8, ${backoff.firstWaitMs}::float8 * power(2, least(${failures} - ${backoff.freeFailures}, 30))) end)`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1, blockedUntil: new Date(now.getTime() + backoffWaitMs(backoff, 1)) })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: failures,
        windowStart: sql`case when ${current} then ${rateLimits.windowStart} else ${iso(now)}::timestamptz end`,
        blockedUntil: sql`${iso(now)}::timestamptz + ${waitMs} * interval '1 millisecond'`,
      },
      // While a wait runs the row is left as it is and no row comes back: refused.
      setWhere: sql`${rateLimits.blockedUntil} is null or ${rateLimits.blockedUntil} <= ${iso(now)}::timestamptz`,
    })
    .returning({ count: rateLimits.count });
  if (row) return { allowed: true };
  const [blocked] = await db
    .select({ blockedUntil: rateLimits.blockedUntil })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  // Cleared by a success a moment ago: the next try will be allowed.
  const retryAt = blocked?.blockedUntil && blocked.blockedUntil > now ? blocked.blockedUntil : now;
  return { allowed: false, retryAt };
}

/** Hands back a slot taken with `takeSlot` (the try succeeded, or was refused for another reason). */
export async function giveBack(db: Database, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export async function clearHits(db: Database, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Whole seconds until `retryAt`, at least 1: the value of a Retry-After header. */
export function secondsUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/**
 * Invitations one person creates, counted from the invitations themselves: a class list import
 * counts with every line. A class of 30 fits many times; a script filling the table does not.
 */
export const invitationCreationLimit: Limit = { max: 200, windowMs: HOUR };
