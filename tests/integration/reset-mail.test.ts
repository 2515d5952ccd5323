import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { users } from "#db/schema/index.ts";
import * as resetRoute from "#app/routes/reset._index.tsx";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { smtpMailer } from "#app/modules/auth/mailer.server.ts";
import { requestResetMail, resetMailAddressLimit } from "#app/modules/auth/reset-mail.server.ts";
import { resetPasswordWithCode } from "#app/modules/auth/reset-password.server.ts";
import { createUser, unique } from "#tests/factories/index.ts";
import { callRoute } from "#tests/setup/route-call.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const APP_URL = "https://werkbank.example.test";

/** A real SMTP server on a free local port that keeps every mail it is given. */
type Received = { to: string[]; body: string };
const received: Received[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let body = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      body += chunk;
    });
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      callback();
    });
  },
});
let mailer: ReturnType<typeof smtpMailer>;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "Werkbank <no-reply@werkbank.example.test>");
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const mailsTo = (address: string) => received.filter((m) => m.to.includes(address));

async function ask(email: string, clientAddress = unique("ip")) {
  const result = await requestResetMail({
    ctx: { db, actor: null, now: new Date() },
    input: { email, clientAddress },
    mailer,
    appUrl: APP_URL,
  });
  await result.delivery;
  return result.outcome;
}

describe("reset link by e-mail", () => {
  test("a known address gets exactly one mail whose link sets a new password", async () => {
    const user = await createUser(db);
    expect(await ask(user.email.toUpperCase())).toBe("answered");
    const mails = mailsTo(user.email);
    expect(mails).toHaveLength(1);
    const body = (mails[0]?.body ?? "").replace(/=\r?\n/g, "");
    expect(body).toContain("neues Passwort");
    const code = body.match(/https:\/\/werkbank\.example\.test\/reset\/([A-Za-z0-9]+)/)?.[1];
    if (!code) throw new Error(`no link in ${body}`);

    const anonymous = { db, actor: null, now: new Date() };
    const reset = await resetPasswordWithCode({
      ctx: anonymous,
      input: { code, newPassword: "per mail gesetzt", clientAddress: unique("ip") },
    });
    expect(reset.ok).toBe(true);
    const login = await logIn({
      ctx: anonymous,
      input: { email: user.email, password: "per mail gesetzt", clientAddress: unique("ip") },
    });
    expect(login.ok).toBe(true);
  });

  test("an English-speaking person gets the mail in English", async () => {
    const user = await createUser(db);
    await db.update(users).set({ locale: "en" }).where(eq(users.id, user.id));
    await ask(user.email);
    expect(mailsTo(user.email)[0]?.body).toContain("set a new password");
  });

  test("an unknown address gets the same answer and no mail; a disabled person gets no mail", async () => {
    const before = received.length;
    const unknown = `${unique("niemand")}@example.test`;
    expect(await ask(unknown)).toBe("answered");
    const disabled = await createUser(db);
    await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    expect(await ask(disabled.email)).toBe("answered");
    expect(received.length).toBe(before);
  });

  test("one address gets only a few mails an hour, whoever asks", async () => {
    const user = await createUser(db);
    for (let i = 0; i < resetMailAddressLimit.max + 2; i++) expect(await ask(user.email)).toBe("answered");
    expect(mailsTo(user.email)).toHaveLength(resetMailAddressLimit.max);
  });

  test("one client asking about many addresses is told to wait", async () => {
    const clientAddress = unique("ip");
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(await ask(`${unique("x")}@example.test`, clientAddress));
    expect(outcomes.slice(0, 10).every((o) => o === "answered")).toBe(true);
    expect(outcomes.slice(10)).toEqual(["limited", "limited"]);
  });

  test("an unreachable SMTP server is logged, not shown", async () => {
    const user = await createUser(db);
    const broken = smtpMailer("smtp://127.0.0.1:1", "Werkbank <no-reply@werkbank.example.test>");
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const result = await requestResetMail({
        ctx: { db, actor: null, now: new Date() },
        input: { email: user.email, clientAddress: unique("ip") },
        mailer: broken,
        appUrl: APP_URL,
      });
      expect(result.outcome).toBe("answered");
      await result.delivery;
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });

  test("without SMTP_URL the form is not offered and a post sends nothing", async () => {
    const page = await callRoute(resetRoute.loader, { path: "/reset" });
    expect(page.status).toBe(404);
    expect(page.data).toEqual({ available: false });
    const before = received.length;
    const post = await callRoute(resetRoute.action, { path: "/reset", form: { email: "a@example.test" } });
    expect(post.status).toBe(404);
    expect(received.length).toBe(before);
  });
});
