import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents } from "#db/schema/index.ts";
import { changePassword } from "#app/modules/auth/change-password.server.ts";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { createSession, validateSessionToken } from "#app/modules/auth/session.server.ts";
import { createUser, ctxFor, TEST_PASSWORD, unique } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

describe("changePassword", () => {
  test("ends every session of the user, opens a fresh one, and the new password works", async () => {
    const user = await createUser(db);
    const now = new Date();
    const phone = await createSession(db, user.id, now);
    const laptop = await createSession(db, user.id, now);
    const result = await changePassword({
      ctx: await ctxFor(db, user.id, now),
      input: { currentPassword: TEST_PASSWORD, newPassword: "ganz neues passwort" },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(await validateSessionToken(db, phone.token, now)).toBeNull();
    expect(await validateSessionToken(db, laptop.token, now)).toBeNull();
    expect(await validateSessionToken(db, result.session.token, now)).toEqual({ userId: user.id });

    const anonymous = { db, actor: null, now };
    const old = await logIn({
      ctx: anonymous,
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: unique("a") },
    });
    expect(old.ok).toBe(false);
    const fresh = await logIn({
      ctx: anonymous,
      input: { email: user.email, password: "ganz neues passwort", clientAddress: unique("a") },
    });
    expect(fresh.ok).toBe(true);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, user.id));
    expect(audit.map((a) => a.action)).toEqual(["password.changed"]);
  });

  test("a wrong current password changes nothing", async () => {
    const user = await createUser(db);
    const session = await createSession(db, user.id, new Date());
    const result = await changePassword({
      ctx: await ctxFor(db, user.id),
      input: { currentPassword: "nicht-das-passwort", newPassword: "ganz neues passwort" },
    });
    expect(result).toEqual({ ok: false, reason: "wrongCurrentPassword" });
    expect(await validateSessionToken(db, session.token, new Date())).not.toBeNull();
  });
});
