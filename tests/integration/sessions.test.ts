import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { sessions } from "#db/schema/index.ts";
import {
  ABSOLUTE_LIFETIME_MS,
  createSession,
  IDLE_TIMEOUT_MS,
  invalidateSession,
  invalidateUserSessions,
  sessionIdFromToken,
  validateSessionToken,
} from "#app/modules/auth/session.server.ts";
import { pruneExpired } from "#app/modules/auth/prune-expired.server.ts";
import { createUser } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("sessions", () => {
  test("the database holds only the SHA-256 of the token, never the token", async () => {
    const user = await createUser(db);
    const { token } = await createSession(db, user.id, new Date());
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(sessionIdFromToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  test("a session ends after the idle timeout without requests", async () => {
    const user = await createUser(db);
    const start = new Date();
    const { token } = await createSession(db, user.id, start);
    expect(await validateSessionToken(db, token, at(start, IDLE_TIMEOUT_MS - 1000))).toEqual({ userId: user.id });
    // That request slid the expiry forward; without further requests it ends one idle period later.
    const lastSeen = at(start, IDLE_TIMEOUT_MS - 1000);
    expect(await validateSessionToken(db, token, at(lastSeen, IDLE_TIMEOUT_MS + 1000))).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  test("regular use keeps a session alive, but never past its absolute lifetime", async () => {
    const user = await createUser(db);
    const start = new Date();
    const { token } = await createSession(db, user.id, start);
    for (let day = 2; day * DAY < ABSOLUTE_LIFETIME_MS; day += 2) {
      expect(await validateSessionToken(db, token, at(start, day * DAY)), `day ${day}`).not.toBeNull();
    }
    expect(await validateSessionToken(db, token, at(start, ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  test("expired sessions are pruned; live ones stay", async () => {
    const user = await createUser(db);
    const start = new Date();
    const old = await createSession(db, user.id, start);
    const later = at(start, IDLE_TIMEOUT_MS + 1000);
    const fresh = await createSession(db, user.id, later);
    await pruneExpired(db, later);
    const ids = (await db.select().from(sessions).where(eq(sessions.userId, user.id))).map((s) => s.id);
    expect(ids).toEqual([sessionIdFromToken(fresh.token)]);
    expect(ids).not.toContain(sessionIdFromToken(old.token));
  });

  test("an unknown token is nobody", async () => {
    expect(await validateSessionToken(db, "a".repeat(32), new Date())).toBeNull();
  });

  test("logout ends one session; 'everywhere' ends all of the user's sessions", async () => {
    const user = await createUser(db);
    const other = await createUser(db);
    const now = new Date();
    const first = await createSession(db, user.id, now);
    const second = await createSession(db, user.id, now);
    const others = await createSession(db, other.id, now);

    await invalidateSession(db, first.token);
    expect(await validateSessionToken(db, first.token, now)).toBeNull();
    expect(await validateSessionToken(db, second.token, now)).not.toBeNull();

    await invalidateUserSessions(db, user.id);
    expect(await validateSessionToken(db, second.token, now)).toBeNull();
    expect(await validateSessionToken(db, others.token, now)).not.toBeNull();
  });
});
