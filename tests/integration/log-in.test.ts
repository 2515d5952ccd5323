import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "#db/schema/index.ts";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { loginLimits } from "#app/modules/auth/rate-limit.server.ts";
import { createUser, TEST_PASSWORD, unique } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const ctx = (now = new Date()) => ({ db, actor: null, now });
const address = () => unique("198.51.100");

describe("logIn", () => {
  test("opens a session for the right password, whatever the case of the e-mail", async () => {
    const user = await createUser(db);
    const result = await logIn({
      ctx: ctx(),
      input: { email: user.email.toUpperCase(), password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(result.ok).toBe(true);
  });

  test("gives the same answer for a wrong password and an unknown account", async () => {
    const user = await createUser(db);
    const clientAddress = address();
    const wrong = await logIn({ ctx: ctx(), input: { email: user.email, password: "falsch-falsch", clientAddress } });
    const unknown = await logIn({
      ctx: ctx(),
      input: { email: `${unique("niemand")}@example.test`, password: "falsch-falsch", clientAddress },
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  test("refuses after 10 wrong passwords for one account – even the right one – until the window passes", async () => {
    const user = await createUser(db);
    const now = new Date();
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) {
      const result = await logIn({
        ctx: ctx(now),
        input: { email: user.email, password: `falsch-${i}-xxxx`, clientAddress: address() },
      });
      answers.push(result.ok ? "ok" : result.reason);
    }
    expect(answers.slice(0, loginLimits.account.max)).toEqual(Array(loginLimits.account.max).fill("invalid"));
    expect(answers.slice(loginLimits.account.max)).toEqual(Array(20 - loginLimits.account.max).fill("limited"));

    const right = await logIn({
      ctx: ctx(now),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(right).toEqual({ ok: false, reason: "limited" });

    const later = new Date(now.getTime() + loginLimits.account.windowMs + 1000);
    const afterWindow = await logIn({
      ctx: ctx(later),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(afterWindow.ok).toBe(true);
  });

  test("limits an unknown account exactly like a known one", async () => {
    const email = `${unique("niemand")}@example.test`;
    let last = "";
    for (let i = 0; i <= loginLimits.account.max; i++) {
      const result = await logIn({ ctx: ctx(), input: { email, password: "falsch-falsch", clientAddress: address() } });
      last = result.ok ? "ok" : result.reason;
    }
    expect(last).toBe("limited");
  });

  test("limits one client address that tries many accounts", async () => {
    const clientAddress = address();
    const now = new Date();
    for (let i = 0; i < loginLimits.address.max; i++) {
      await logIn({
        ctx: ctx(now),
        input: { email: `${unique("spray")}@example.test`, password: "falsch-falsch", clientAddress },
      });
    }
    const user = await createUser(db);
    const result = await logIn({ ctx: ctx(now), input: { email: user.email, password: TEST_PASSWORD, clientAddress } });
    expect(result).toEqual({ ok: false, reason: "limited" });
    const elsewhere = await logIn({
      ctx: ctx(now),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(elsewhere.ok).toBe(true);
  });

  test("a disabled account cannot log in", async () => {
    const user = await createUser(db);
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    const result = await logIn({
      ctx: ctx(),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});
