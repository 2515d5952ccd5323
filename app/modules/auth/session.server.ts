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

export async function createSession(db: Database, userId: string, now: Date): Promise<NewSession> {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + IDLE_TIMEOUT_MS);
  await db.insert(sessions).values({ id: sessionIdFromToken(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt, absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS) };
}

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
  if (session.expiresAt.getTime() - now.getTime() < IDLE_TIMEOUT_MS - DAY) {
    const expiresAt = new Date(Math.min(now.getTime() + IDLE_TIMEOUT_MS, absoluteEnd));
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
  }
  return { userId: session.userId };
}

export async function invalidateSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionIdFromToken(token)));
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
