import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { sessions } from "#db/schema/index.ts";

const DAY = 24 * 60 * 60 * 1000;
/** A session ends after this long without a request ... */
export const IDLE_TIMEOUT_MS = 7 * DAY;
/** ... and in any case this long after login. */
export const ABSOLUTE_LIFETIME_MS = 30 * DAY;

/** 160 random bits from the CSPRNG, base32: the only copy lives in the user's cookie. */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type NewSession = { token: string; expiresAt: Date; absoluteExpiresAt: Date };

/** Enough to tell browsers apart on /account; some send kilobytes. */
export const USER_AGENT_MAX_LENGTH = 200;

export function shortUserAgent(userAgent: string | null | undefined): string | null {
  const trimmed = userAgent?.trim();
  return trimmed ? trimmed.slice(0, USER_AGENT_MAX_LENGTH) : null;
}

export async function createSession(
  db: Database,
  userId: string,
  now: Date,
  userAgent?: string | null,
): Promise<NewSession> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + IDLE_TIMEOUT_MS);
  await db.insert(sessions).values({
    id: sessionIdFromToken(token),
    userId,
    createdAt: now,
    expiresAt,
    lastUsedAt: now,
    userAgent: shortUserAgent(userAgent),
  });
  return { token, expiresAt, absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS) };
}

/**
 * "Last used" on /account needs minutes, not milliseconds: writing it on every request would
 * turn each page view into a row update (and lock contention with parallel requests of one tab).
 */
export const LAST_USED_PRECISION_MS = 5 * 60 * 1000;

/**
 * Returns the session's user id, or null when the token is unknown, idle too long or past
 * its absolute lifetime. Slides the idle expiry forward, at most once a day per session so
 * that reading a page does not write a row every time.
 */
export async function validateSessionToken(db: Database, token: string, now: Date): Promise<{ userId: string } | null> {
  const id = sessionIdFromToken(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!session) return null;
  const absoluteEnd = session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS;
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= absoluteEnd) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const changes: { expiresAt?: Date; lastUsedAt?: Date } = {};
  if (session.expiresAt.getTime() - now.getTime() < IDLE_TIMEOUT_MS - DAY) {
    changes.expiresAt = new Date(Math.min(now.getTime() + IDLE_TIMEOUT_MS, absoluteEnd));
  }
  if (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    changes.lastUsedAt = now;
  }
  if (changes.expiresAt || changes.lastUsedAt) await db.update(sessions).set(changes).where(eq(sessions.id, id));
  return { userId: session.userId };
}

export async function invalidateSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionIdFromToken(token)));
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
