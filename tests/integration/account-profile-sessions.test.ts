import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents, sessions, users } from "#db/schema/index.ts";
import { endOtherOwnSessions, endOwnSession, listOwnSessions } from "#app/modules/auth/own-sessions.server.ts";
import {
  createSession,
  LAST_USED_PRECISION_MS,
  sessionIdFromToken,
  validateSessionToken,
} from "#app/modules/auth/session.server.ts";
import { profileChangeLimit, updateOwnProfile } from "#app/modules/auth/update-profile.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { createUser, ctxFor, TEST_PASSWORD, unique } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";

async function userRow(id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error("no user");
  return row;
}

describe("updateOwnProfile", () => {
  test("changes name and e-mail (stored lower-case) with the right password, and audits it", async () => {
    const user = await createUser(db);
    const email = `${unique("Neu")}@Example.test`;
    const result = await updateOwnProfile({
      ctx: await ctxFor(db, user.id),
      input: { name: "Mia Neumann", email, currentPassword: TEST_PASSWORD },
    });
    expect(result).toEqual({ ok: true, changed: true });
    const row = await userRow(user.id);
    expect(row.name).toBe("Mia Neumann");
    expect(row.email).toBe(email.toLowerCase());
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id));
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ["account.profileChanged", { nameChanged: true, emailChanged: true }],
    ]);
  });

  test("a wrong password changes nothing", async () => {
    const user = await createUser(db);
    const result = await updateOwnProfile({
      ctx: await ctxFor(db, user.id),
      input: { name: "Anders", email: `${unique("x")}@example.test`, currentPassword: "falsch-falsch" },
    });
    expect(result).toEqual({ ok: false, reason: "wrongCurrentPassword" });
    const row = await userRow(user.id);
    expect([row.name, row.email]).toEqual([user.name, user.email]);
  });

  test("an address of another account (any case) is refused; the same values are a no-op", async () => {
    const other = await createUser(db);
    const user = await createUser(db);
    const ctx = await ctxFor(db, user.id);
    const taken = await updateOwnProfile({
      ctx,
      input: { name: user.name, email: other.email.toUpperCase(), currentPassword: TEST_PASSWORD },
    });
    expect(taken).toEqual({ ok: false, reason: "emailTaken" });
    expect((await userRow(user.id)).email).toBe(user.email);
    const same = await updateOwnProfile({
      ctx,
      input: { name: user.name, email: user.email.toUpperCase(), currentPassword: TEST_PASSWORD },
    });
    expect(same).toEqual({ ok: true, changed: false });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id))).toEqual([]);
  });

  test("wrong passwords are limited per account, and then even the right one waits", async () => {
    const user = await createUser(db);
    const ctx = await ctxFor(db, user.id);
    const input = { name: "Neu", email: user.email, currentPassword: "falsch-falsch" };
    for (let i = 0; i < profileChangeLimit.max; i++) {
      expect((await updateOwnProfile({ ctx, input })).ok).toBe(false);
    }
    const limited = await updateOwnProfile({ ctx, input: { ...input, currentPassword: TEST_PASSWORD } });
    expect(limited).toEqual({ ok: false, reason: "limited" });
    expect((await userRow(user.id)).name).toBe(user.name);
  });
});

describe("own sessions", () => {
  test("a new session keeps a short user agent; last use is written at most every few minutes", async () => {
    const user = await createUser(db);
    const start = new Date("2026-03-02T08:00:00Z");
    const session = await createSession(db, user.id, start, `${ANDROID_CHROME}${"x".repeat(500)}`);
    const id = sessionIdFromToken(session.token);
    const read = async () => (await db.select().from(sessions).where(eq(sessions.id, id)))[0];
    expect((await read())?.userAgent?.length).toBe(200);
    await validateSessionToken(db, session.token, new Date(start.getTime() + 60_000));
    expect((await read())?.lastUsedAt).toEqual(start);
    const later = new Date(start.getTime() + LAST_USED_PRECISION_MS + 1000);
    await validateSessionToken(db, session.token, later);
    expect((await read())?.lastUsedAt).toEqual(later);
  });

  test("the list shows only the actor's sessions, the current one first and marked", async () => {
    const user = await createUser(db);
    const stranger = await createUser(db);
    const now = new Date();
    const phone = await createSession(db, user.id, now, ANDROID_CHROME);
    const laptop = await createSession(db, user.id, now, null);
    await createSession(db, stranger.id, now, ANDROID_CHROME);
    const list = await listOwnSessions({
      ctx: await ctxFor(db, user.id, now),
      input: { currentSessionId: sessionIdFromToken(laptop.token) },
    });
    expect(list.map((s) => [s.id, s.current])).toEqual([
      [sessionIdFromToken(laptop.token), true],
      [sessionIdFromToken(phone.token), false],
    ]);
    expect(list[1]?.device).toEqual({ browser: "Chrome", system: "Android" });
    expect(JSON.stringify(list)).not.toContain(phone.token);
  });

  test("ending one's own other session works; someone else's id or the current one is not found", async () => {
    const user = await createUser(db);
    const stranger = await createUser(db);
    const now = new Date();
    const current = await createSession(db, user.id, now);
    const other = await createSession(db, user.id, now);
    const theirs = await createSession(db, stranger.id, now);
    const ctx = await ctxFor(db, user.id, now);
    const currentSessionId = sessionIdFromToken(current.token);

    await expect(
      endOwnSession({ ctx, input: { sessionId: sessionIdFromToken(theirs.token), currentSessionId } }),
    ).rejects.toThrow(NotFoundError);
    expect(await validateSessionToken(db, theirs.token, now)).toEqual({ userId: stranger.id });
    await expect(endOwnSession({ ctx, input: { sessionId: currentSessionId, currentSessionId } })).rejects.toThrow(
      NotFoundError,
    );
    await endOwnSession({ ctx, input: { sessionId: sessionIdFromToken(other.token), currentSessionId } });
    expect(await validateSessionToken(db, other.token, now)).toBeNull();
    expect(await validateSessionToken(db, current.token, now)).toEqual({ userId: user.id });
  });

  test("ending all others keeps the current session and touches nobody else's", async () => {
    const user = await createUser(db);
    const stranger = await createUser(db);
    const now = new Date();
    const current = await createSession(db, user.id, now);
    const a = await createSession(db, user.id, now);
    const b = await createSession(db, user.id, now);
    const theirs = await createSession(db, stranger.id, now);
    const ended = await endOtherOwnSessions({
      ctx: await ctxFor(db, user.id, now),
      input: { currentSessionId: sessionIdFromToken(current.token) },
    });
    expect(ended).toBe(2);
    expect(await validateSessionToken(db, a.token, now)).toBeNull();
    expect(await validateSessionToken(db, b.token, now)).toBeNull();
    expect(await validateSessionToken(db, current.token, now)).toEqual({ userId: user.id });
    expect(await validateSessionToken(db, theirs.token, now)).toEqual({ userId: stranger.id });
  });
});
