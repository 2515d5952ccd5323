import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { rateLimits, users } from "#db/schema/index.ts";
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

  test("an account is held back for everyone only after its daily ceiling of failures", async () => {
    const user = await createUser(db);
    const now = new Date();
    // The ceiling is reached from many addresses (as in a spread attack): filled in directly,
    // not with 300 slow argon2 checks.
    await db.insert(rateLimits).values({
      key: `login:account:${user.email.toLowerCase()}`,
      windowStart: now,
      count: loginLimits.account.max,
    });
    const right = await logIn({
      ctx: ctx(now),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(right).toMatchObject({ ok: false, reason: "limited" });
    const later = new Date(now.getTime() + loginLimits.account.windowMs + 1000);
    const afterWindow = await logIn({
      ctx: ctx(later),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(afterWindow.ok).toBe(true);
  });

  test("limits an unknown account exactly like a known one", async () => {
    const email = `${unique("niemand")}@example.test`;
    const clientAddress = address();
    const answers: string[] = [];
    for (let i = 0; i <= loginLimits.pair.freeFailures; i++) {
      const result = await logIn({ ctx: ctx(), input: { email, password: "falsch-falsch", clientAddress } });
      answers.push(result.ok ? "ok" : result.reason);
    }
    const user = await createUser(db);
    const known: string[] = [];
    for (let i = 0; i <= loginLimits.pair.freeFailures; i++) {
      const result = await logIn({
        ctx: ctx(),
        input: { email: user.email, password: "falsch-falsch", clientAddress },
      });
      known.push(result.ok ? "ok" : result.reason);
    }
    expect(answers.at(-1)).toBe("limited");
    expect(known).toEqual(answers);
  });

  test("limits one client address that tries many accounts, at a ceiling a school network does not reach", async () => {
    const clientAddress = address();
    const now = new Date();
    expect(loginLimits.address.max).toBeGreaterThanOrEqual(300);
    // Many accounts tried from one address: each counts once against the address.
    for (let i = 0; i < 3; i++) {
      await logIn({
        ctx: ctx(now),
        input: { email: `${unique("spray")}@example.test`, password: "falsch-falsch", clientAddress },
      });
    }
    const [row] = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `login:address:${clientAddress}`));
    expect(row?.count).toBe(3);
    await db
      .update(rateLimits)
      .set({ count: loginLimits.address.max })
      .where(eq(rateLimits.key, `login:address:${clientAddress}`));
    const user = await createUser(db);
    const result = await logIn({ ctx: ctx(now), input: { email: user.email, password: TEST_PASSWORD, clientAddress } });
    expect(result).toMatchObject({ ok: false, reason: "limited" });
    const elsewhere = await logIn({
      ctx: ctx(now),
      input: { email: user.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(elsewhere.ok).toBe(true);
  });

  test("successful logins from a shared address do not count against it", async () => {
    const clientAddress = address();
    for (let i = 0; i < 3; i++) {
      const user = await createUser(db);
      const result = await logIn({ ctx: ctx(), input: { email: user.email, password: TEST_PASSWORD, clientAddress } });
      expect(result.ok).toBe(true);
    }
    const rows = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `login:address:${clientAddress}`));
    expect(rows.reduce((sum, r) => sum + r.count, 0)).toBe(0);
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
