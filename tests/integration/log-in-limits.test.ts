import { describe, expect, test, vi } from "vitest";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { giveBack, takeSlot } from "#app/modules/auth/rate-limit.server.ts";
import { action as loginAction } from "#app/routes/login.tsx";
import { createUser, TEST_PASSWORD, unique } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

// Counts every argon2 check a login makes, real account or not; the checks themselves still run.
const argon2 = vi.hoisted(() => ({ checks: 0 }));
vi.mock("#app/modules/auth/password.server.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("#app/modules/auth/password.server.ts")>();
  return {
    ...original,
    verifyPassword: (hash: string, password: string) => {
      argon2.checks++;
      return original.verifyPassword(hash, password);
    },
    verifyAgainstDummy: (password: string) => {
      argon2.checks++;
      return original.verifyAgainstDummy(password);
    },
  };
});

const { db } = await openTestDatabase();
const ctx = (now = new Date()) => ({ db, actor: null, now });
const address = () => unique("198.51.100");
const MINUTE = 60 * 1000;
/** Wrong passwords one account may get from one address before waits begin. */
const FREE_FAILURES = 5;

describe("takeSlot", () => {
  test("40 tries at once against a limit of 10: exactly 10 get a slot; handed back, one more does", async () => {
    const key = unique("test:slot");
    const limit = { max: 10, windowMs: MINUTE };
    const now = new Date();
    const slots = await Promise.all(Array.from({ length: 40 }, () => takeSlot(db, key, limit, now)));
    expect(slots.filter((s) => s.allowed)).toHaveLength(10);
    const refused = slots.find((s) => !s.allowed);
    expect(refused).toEqual({ allowed: false, retryAt: new Date(now.getTime() + MINUTE) });
    for (let i = 0; i < 31; i++) await giveBack(db, key);
    expect((await takeSlot(db, key, limit, now)).allowed).toBe(true);
    expect((await takeSlot(db, key, limit, now)).allowed).toBe(false);
    expect((await takeSlot(db, key, limit, new Date(now.getTime() + MINUTE + 1))).allowed).toBe(true);
  });
});

describe("login limits", () => {
  test("40 wrong passwords sent at once: at most 5 reach argon2, the rest are refused unchecked", async () => {
    const user = await createUser(db);
    const clientAddress = address();
    const now = new Date();
    argon2.checks = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        logIn({ ctx: ctx(now), input: { email: user.email, password: `falsch-${i}-xxxx`, clientAddress } }),
      ),
    );
    const answers = results.map((r) => (r.ok ? "ok" : r.reason));
    expect(argon2.checks).toBeLessThanOrEqual(FREE_FAILURES);
    expect(answers.filter((a) => a === "invalid").length).toBeLessThanOrEqual(FREE_FAILURES);
    expect(answers.filter((a) => a === "limited").length).toBeGreaterThanOrEqual(40 - FREE_FAILURES);
    expect(answers).not.toContain("ok");
  });

  test("an attacker's 50 wrong passwords from one address do not lock Lena out at another", async () => {
    const lena = await createUser(db);
    const attacker = address();
    const start = Date.now();
    // Spread over an hour, so that the attacker gets past several waits.
    for (let i = 0; i < 50; i++) {
      await logIn({
        ctx: ctx(new Date(start + i * 72 * 1000)),
        input: { email: lena.email, password: `falsch-${i}-xxxx`, clientAddress: attacker },
      });
    }
    const atHome = await logIn({
      ctx: ctx(new Date(start + 50 * 72 * 1000)),
      input: { email: lena.email, password: TEST_PASSWORD, clientAddress: address() },
    });
    expect(atHome.ok).toBe(true);
    // The attacker is still held back, even with the right password now.
    const attackerAgain = await logIn({
      ctx: ctx(new Date(start + 50 * 72 * 1000)),
      input: { email: lena.email, password: TEST_PASSWORD, clientAddress: attacker },
    });
    expect(attackerAgain).toMatchObject({ ok: false, reason: "limited" });
  });

  test("after 5 free failures the waits grow: 1, 2, 4 minutes, and end with a right password", async () => {
    const user = await createUser(db);
    const clientAddress = address();
    let now = Date.now();
    const attempt = (password = "falsch-falsch") =>
      logIn({ ctx: ctx(new Date(now)), input: { email: user.email, password, clientAddress } });

    for (let i = 0; i < FREE_FAILURES; i++) expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await attempt(TEST_PASSWORD);
      if (refused.ok || refused.reason !== "limited")
        throw new Error(`expected a refusal, got ${JSON.stringify(refused)}`);
      waits.push(refused.retryAfterSeconds);
      now += refused.retryAfterSeconds * 1000 - 1000;
      expect((await attempt(TEST_PASSWORD)).ok, "one second too early").toBe(false);
      now += 1000;
      expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    }
    expect(waits).toEqual([60, 120, 240]);

    now += 8 * MINUTE;
    expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
    // Success starts over: five free failures again.
    for (let i = 0; i < FREE_FAILURES; i++) expect(await attempt()).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt()).toMatchObject({ ok: false, reason: "limited", retryAfterSeconds: 60 });
  });

  test("the route answers a refused login with 429, Retry-After and when to try again", async () => {
    const user = await createUser(db);
    const clientIp = address();
    const post = (password: string) =>
      callRoute(loginAction, { path: "/login", form: { email: user.email, password, redirectTo: "/" }, clientIp });
    for (let i = 0; i < FREE_FAILURES; i++) expect((await post("falsch-falsch")).status).toBe(400);
    const refused = await post(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.data).toMatchObject({
      ok: false,
      formErrors: ["errors.login.limited"],
      params: { minutes: 1, time: expect.stringMatching(/\d{2}:\d{2}$/) },
    });
    // Another address is not held back.
    const elsewhere = await callRoute(loginAction, {
      path: "/login",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/" },
      clientIp: address(),
    });
    expect(elsewhere.status).toBe(302);
  });
});
