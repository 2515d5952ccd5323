/**
 * Running the instance: the first operator from the command line and its one-time link, the
 * password page for such codes, and the operator's organisations (create, rename, deactivate,
 * reactivate, first invitation), which show no learning data and are for operators only.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents, lessons, memberships, organizationOccupations, organizations, users } from "#db/schema/index.ts";
import { issuePasswordCode } from "#app/modules/auth/password-codes.server.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { createOrganizationAsOperator } from "#app/modules/operator/write-organizations.server.ts";
import { createCourse } from "#tests/factories/courses.ts";
import {
  createMember,
  createOrganization,
  createUser,
  ctxFor,
  occupationId,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "#tests/factories/index.ts";
import { createQuiz } from "#tests/factories/quizzes.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";
import { main as operatorCreate } from "../../scripts/operator-create.ts";
import * as homePage from "#app/routes/_index.tsx";
import * as gradingPage from "#app/routes/grading._index.tsx";
import * as joinPage from "#app/routes/join.$code.tsx";
import * as operatorPage from "#app/routes/operator._index.tsx";
import * as organizationPage from "#app/routes/operator.orgs.$orgId.tsx";
import * as resetPage from "#app/routes/reset.$code.tsx";
import * as teamPage from "#app/routes/orgs.$orgId.team.tsx";

const { db } = await openTestDatabase();
const NEW_PASSWORD = "ein-neues-langes-passwort";

async function runCli(args: string[]) {
  const lines: string[] = [];
  const code = await operatorCreate(args, (line) => lines.push(line));
  const link = lines.map((line) => /https?:\/\/\S+\/reset\/\S+/.exec(line)?.[0]).find(Boolean);
  return { code, lines, link, resetCode: link ? decodeURIComponent(link.split("/reset/")[1] ?? "") : "" };
}

async function newOperator() {
  const user = await createUser(db);
  await db.update(users).set({ platformRole: "operator" }).where(eq(users.id, user.id));
  return { user, cookie: await sessionCookieFor(db, user.id), ctx: await ctxFor(db, user.id) };
}

const cookieFrom = (headers: Headers) => /^(werkbank_session=[^;]+)/.exec(headers.get("set-cookie") ?? "")?.[1];

describe("npm run operator:create", () => {
  test("creates an operator with an unusable password and a one-time link that sets it and signs in", async () => {
    const email = `${unique("buero")}@example.test`;
    const { code, lines, link, resetCode } = await runCli(["--email", email, "--name", "Anna Berger"]);
    expect(code).toBe(0);
    expect(link, lines.join("\n")).toMatch(/^http:\/\/localhost:\d+\/reset\/[A-Z2-7-]{19}$/);
    expect(lines.join("\n")).toContain("APP_URL");
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user?.platformRole).toBe("operator");
    expect(await verifyPassword(user?.passwordHash ?? "", "")).toBe(false);

    const preview = await callRoute(resetPage.loader, { path: `/reset/${resetCode}`, params: { code: resetCode } });
    expect(preview.status).toBe(200);
    expect(preview.data).toMatchObject({ state: "open", name: "Anna Berger", purpose: "first_password" });

    const set = await callRoute(resetPage.action, {
      path: `/reset/${resetCode}`,
      params: { code: resetCode },
      form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(set.status).toBe(302);
    expect(set.headers.get("location")).toBe("/");
    const cookie = cookieFrom(set.headers);
    expect(cookie).toBeDefined();
    const list = await callRoute(operatorPage.loader, { path: "/operator", cookie });
    expect(list.status).toBe(200);
    const [after] = await db.select().from(users).where(eq(users.email, email));
    expect(await verifyPassword(after?.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    expect(after?.lastSignInAt).not.toBeNull();

    // Used once: the link is dead afterwards.
    const again = await callRoute(resetPage.loader, { path: `/reset/${resetCode}`, params: { code: resetCode } });
    expect(again.status).toBe(404);
  });

  test("makes an existing account an operator; its password holds until the link is used", async () => {
    const user = await createUser(db);
    const { code, resetCode } = await runCli([`--email=${user.email.toUpperCase()}`, "--name=Egal"]);
    expect(code).toBe(0);
    expect(resetCode).not.toBe("");
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.platformRole).toBe("operator");
    expect(after?.name).toBe(user.name);
    expect(await verifyPassword(after?.passwordHash ?? "", TEST_PASSWORD)).toBe(true);
  });

  test("refuses without a valid e-mail and name", async () => {
    expect((await runCli(["--email", "kein-at", "--name", "X"])).code).toBe(2);
    expect((await runCli(["--name", "X"])).code).toBe(2);
  });
});

describe("/reset/:code", () => {
  test("a reset code shows whose password it sets, ends the other sessions and signs in", async () => {
    const person = await createUser(db, { name: unique("Lena Schulz") });
    const oldCookie = await sessionCookieFor(db, person.id);
    const { code } = await issuePasswordCode(db, {
      userId: person.id,
      purpose: "reset",
      createdById: null,
      now: new Date(),
    });
    const preview = await callRoute(resetPage.loader, { path: `/reset/${code}`, params: { code } });
    expect(preview.data).toMatchObject({ state: "open", name: person.name, purpose: "reset" });

    const mismatch = await callRoute(resetPage.action, {
      path: `/reset/${code}`,
      params: { code },
      form: { password: NEW_PASSWORD, confirmPassword: "etwas-ganz-anderes" },
    });
    expect(mismatch.status).toBe(400);
    const tooShort = await callRoute(resetPage.action, {
      path: `/reset/${code}`,
      params: { code },
      form: { password: "kurz", confirmPassword: "kurz" },
    });
    expect(tooShort.status).toBe(400);

    const set = await callRoute(resetPage.action, {
      path: `/reset/${code}`,
      params: { code: code.toLowerCase() },
      form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(set.status).toBe(302);
    expect((await callRoute(homePage.loader, { path: "/", cookie: oldCookie })).status).toBe(302);
    expect((await callRoute(homePage.loader, { path: "/", cookie: cookieFrom(set.headers) })).status).toBe(200);

    const reused = await callRoute(resetPage.action, {
      path: `/reset/${code}`,
      params: { code },
      form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(reused.status).toBe(404);
  });

  test("an expired code is as unknown as a wrong one", async () => {
    const person = await createUser(db);
    const { code } = await issuePasswordCode(db, {
      userId: person.id,
      purpose: "reset",
      createdById: null,
      now: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
    });
    const expired = await callRoute(resetPage.loader, { path: `/reset/${code}`, params: { code } });
    const unknown = await callRoute(resetPage.loader, {
      path: "/reset/AAAA-BBBB-CCCC-DDDD",
      params: { code: "AAAA-BBBB-CCCC-DDDD" },
    });
    expect(expired.status).toBe(404);
    expect(expired.data).toEqual(unknown.data);
  });

  test("wrong codes count against the invitation limit of the address", async () => {
    const clientIp = `198.51.100.${unique("x")}`;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const result = await callRoute(resetPage.loader, {
        path: `/reset/AAAA-BBBB-CCCC-DD${i}`,
        params: { code: `AAAA-BBBB-CCCC-DD${i}` },
        clientIp,
      });
      statuses.push(result.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    // The same budget as invitation codes: the join page is limited now too.
    const join = await callRoute(joinPage.loader, {
      path: "/join/AAAA-BBBB-CCCC-DDDD",
      params: { code: "AAAA-BBBB-CCCC-DDDD" },
      clientIp,
    });
    expect(join.status).toBe(429);
  });
});

describe("the operator's organisations", () => {
  test("create with occupations, rename, deactivate and reactivate, each with an audit event", async () => {
    const { cookie } = await newOperator();
    const tischler = await occupationId(db);
    const name = unique("Tischlerei Berger");
    const created = await callRoute(operatorPage.action, {
      path: "/operator",
      cookie,
      form: { kind: "company", name, town: "Gardelegen", state: "ST", occupationIds: [tischler] },
    });
    expect(created.status).toBe(302);
    const orgId = (created.headers.get("location") ?? "").split("/").pop() ?? "";
    const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(org).toMatchObject({ name, kind: "company", town: "Gardelegen", deactivatedAt: null });
    const chosen = await db
      .select()
      .from(organizationOccupations)
      .where(eq(organizationOccupations.organizationId, orgId));
    expect(chosen.map((row) => row.occupationId)).toEqual([tischler]);

    const twice = await callRoute(operatorPage.action, {
      path: "/operator",
      cookie,
      form: { kind: "company", name: ` ${name.toUpperCase()} `, town: "gardelegen", state: "ST" },
    });
    expect(twice.status).toBe(409);

    const params = { orgId };
    const path = `/operator/orgs/${orgId}`;
    const renamed = await callRoute(organizationPage.action, {
      path,
      params,
      cookie,
      form: { intent: "update", name: `${name} GmbH`, town: "Stendal", state: "ST", occupationIds: [] },
    });
    expect(renamed.status).toBe(200);
    const deactivated = await callRoute(organizationPage.action, {
      path,
      params,
      cookie,
      form: { intent: "deactivate" },
    });
    expect(deactivated.status).toBe(200);
    const [off] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(off?.name).toBe(`${name} GmbH`);
    expect(off?.deactivatedAt).not.toBeNull();
    // Deactivated twice is deactivated once.
    await callRoute(organizationPage.action, { path, params, cookie, form: { intent: "deactivate" } });
    await callRoute(organizationPage.action, { path, params, cookie, form: { intent: "reactivate" } });
    const [on] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    expect(on?.deactivatedAt).toBeNull();
    expect(
      await db.select().from(organizationOccupations).where(eq(organizationOccupations.organizationId, orgId)),
    ).toEqual([]);

    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, orgId))
      .orderBy(auditEvents.at);
    expect(events.map((e) => e.action).sort()).toEqual(
      ["organization.created", "organization.deactivated", "organization.reactivated", "organization.updated"].sort(),
    );
  });

  test("the Bundesland is saved, shown in the list and on the detail page, and changed with an audit event", async () => {
    const { cookie } = await newOperator();
    const name = unique("Malerbetrieb Krause");
    const created = await callRoute(operatorPage.action, {
      path: "/operator",
      cookie,
      form: { kind: "company", name, town: "Erfurt", state: "TH" },
    });
    expect(created.status).toBe(302);
    const orgId = (created.headers.get("location") ?? "").split("/").pop() ?? "";
    const stateOf = async () =>
      (await db.select({ state: organizations.state }).from(organizations).where(eq(organizations.id, orgId)))[0]
        ?.state;
    expect(await stateOf()).toBe("TH");

    const list = await callRoute(operatorPage.loader, { path: `/operator?q=${encodeURIComponent(name)}`, cookie });
    expect((list.data as { organizations: unknown[] }).organizations).toEqual([
      expect.objectContaining({ id: orgId, state: "TH" }),
    ]);
    const path = `/operator/orgs/${orgId}`;
    const params = { orgId };
    const detail = await callRoute(organizationPage.loader, { path, params, cookie });
    expect((detail.data as { organization: { state: string } }).organization.state).toBe("TH");

    const moved = await callRoute(organizationPage.action, {
      path,
      params,
      cookie,
      form: { intent: "update", name, town: "Leipzig", state: "SN" },
    });
    expect(moved.status).toBe(200);
    expect(await stateOf()).toBe("SN");
    const [event] = await db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.action, "organization.updated")));
    expect(event?.details).toMatchObject({ fromState: "TH", state: "SN" });
  });

  test("an unknown or missing Bundesland is a field error; nothing is created or changed", async () => {
    const { cookie } = await newOperator();
    const company = await createOrganization(db, "company");
    // The column's default: Sachsen-Anhalt.
    const stateOf = async () =>
      (await db.select({ state: organizations.state }).from(organizations).where(eq(organizations.id, company.id)))[0]
        ?.state;
    expect(await stateOf()).toBe("ST");
    const name = unique("Dachdecker");
    for (const state of ["XX", "st", "DE-ST", "Sachsen-Anhalt", "", "ST'; drop table organizations; --", undefined]) {
      const form = { kind: "company", name, town: "Halle", ...(state === undefined ? {} : { state }) };
      const create = await callRoute(operatorPage.action, { path: "/operator", cookie, form });
      expect(create.status, String(state)).toBe(400);
      expect(create.data).toMatchObject({ fieldErrors: { state: ["errors.operator.state"] } });
      const update = await callRoute(organizationPage.action, {
        path: `/operator/orgs/${company.id}`,
        params: { orgId: company.id },
        cookie,
        form: { intent: "update", name: company.name, town: "Halle", ...(state === undefined ? {} : { state }) },
      });
      expect(update.status, String(state)).toBe(400);
      expect(update.data).toMatchObject({ fieldErrors: { state: ["errors.operator.state"] } });
    }
    expect(await db.select().from(organizations).where(eq(organizations.name, name))).toEqual([]);
    expect(await stateOf()).toBe("ST");
  });

  test("the first invitation: a role of the kind, with code, link and QR; it opens the organisation", async () => {
    const { cookie, ctx } = await newOperator();
    const created = await createOrganizationAsOperator({
      ctx,
      input: { kind: "school", name: unique("BBS"), town: "Stendal", state: "ST", occupationIds: [] },
    });
    if (!created.ok) throw new Error("not created");
    const path = `/operator/orgs/${created.id}`;
    const params = { orgId: created.id };
    const trainer = await callRoute(organizationPage.action, {
      path,
      params,
      cookie,
      form: { intent: "invite", role: "trainer", label: "Falsch", validDays: "7" },
    });
    expect(trainer.status).toBe(403);
    const invited = await callRoute(organizationPage.action, {
      path,
      params,
      cookie,
      form: { intent: "invite", role: "teacher", label: "Frau Voigt", validDays: "7" },
    });
    expect(invited.status).toBe(200);
    const { code, link, qrCode } = (invited.data as { created: { code: string; link: string; qrCode: string } })
      .created;
    expect(link).toContain(`/join/${code}`);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);

    const email = `${unique("voigt")}@example.test`;
    const joined = await callRoute(joinPage.action, {
      path: `/join/${code}`,
      params: { code },
      form: { name: "Katrin Voigt", email, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(joined.status).toBe(302);
    const [teacher] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const rows = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, teacher?.id ?? ""), eq(memberships.organizationId, created.id)));
    expect(rows).toEqual([{ role: "teacher" }]);
    const [event] = await db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, created.id), eq(auditEvents.action, "invitation.created")));
    expect(event?.actorId).toBe(ctx.actor.id);
  });

  test("a deactivated organisation's trainer is refused at once, on the team page and in grading", async () => {
    const { cookie } = await newOperator();
    const company = await createOrganization(db, "company");
    const trainer = await createMember(db, company.id, "trainer");
    const trainerCookie = await sessionCookieFor(db, trainer.id);
    const team = { path: `/orgs/${company.id}/team`, params: { orgId: company.id }, cookie: trainerCookie };
    expect((await callRoute(teamPage.loader, team)).status).toBe(200);
    expect((await callRoute(gradingPage.loader, { path: "/grading", cookie: trainerCookie })).status).toBe(200);

    const path = `/operator/orgs/${company.id}`;
    const before = await callRoute(organizationPage.action, {
      path,
      params: { orgId: company.id },
      cookie,
      form: { intent: "invite", role: "admin", label: "Vorher", validDays: "7" },
    });
    const openCode = (before.data as { created: { code: string } }).created.code;
    const join = { path: `/join/${openCode}`, params: { code: openCode } };
    expect((await callRoute(joinPage.loader, join)).status).toBe(200);
    await callRoute(organizationPage.action, {
      path,
      params: { orgId: company.id },
      cookie,
      form: { intent: "deactivate" },
    });
    expect((await callRoute(teamPage.loader, team)).status).toBe(404);
    expect((await callRoute(gradingPage.loader, { path: "/grading", cookie: trainerCookie })).status).toBe(403);
    // Its open invitations take nobody in any more, and it gives out no new ones.
    expect((await callRoute(joinPage.loader, join)).status).toBe(404);
    const invite = await callRoute(organizationPage.action, {
      path,
      params: { orgId: company.id },
      cookie,
      form: { intent: "invite", role: "admin", label: "Zu spät", validDays: "7" },
    });
    expect(invite.status).toBe(409);

    await callRoute(organizationPage.action, {
      path,
      params: { orgId: company.id },
      cookie,
      form: { intent: "reactivate" },
    });
    expect((await callRoute(teamPage.loader, team)).status).toBe(200);
    expect((await callRoute(joinPage.loader, join)).status).toBe(200);
  });

  test("nobody but an operator reaches the pages, not even the organisation's own admin", async () => {
    const company = await createOrganization(db, "company");
    for (const role of ["admin", "trainer", "apprentice"] as const) {
      const person = await createMember(db, company.id, role);
      const cookie = await sessionCookieFor(db, person.id);
      expect((await callRoute(operatorPage.loader, { path: "/operator", cookie })).status).toBe(404);
      const detail = { path: `/operator/orgs/${company.id}`, params: { orgId: company.id }, cookie };
      expect((await callRoute(organizationPage.loader, detail)).status).toBe(404);
      expect((await callRoute(organizationPage.action, { ...detail, form: { intent: "deactivate" } })).status).toBe(
        404,
      );
    }
    const [org] = await db.select().from(organizations).where(eq(organizations.id, company.id));
    expect(org?.deactivatedAt).toBeNull();
  });

  test("the operator's pages show counts, never learning data", async () => {
    const { cookie } = await newOperator();
    const company = await createOrganization(db, "company", unique("Zimmerei"));
    const trainer = await createMember(db, company.id, "trainer", unique("Thomas"));
    await createMember(db, company.id, "apprentice", unique("Jonas"));
    const made = await createCourse(db, { owner: company.id, modules: 1, lessonsPerModule: 1 });
    const quizTitle = unique("Quiz Dachstuhl");
    await createQuiz(db, made.modules[0]?.id ?? "", {
      title: quizTitle,
      questions: [{ key: "a", type: "truefalse", prompt: "Holz arbeitet.", answer: true }],
    });
    const lessonTitle = unique("Lektion Sparren");
    await db
      .update(lessons)
      .set({ title: lessonTitle, publishedTitle: lessonTitle })
      .where(inArray(lessons.id, made.lessonIds));

    const list = await callRoute(operatorPage.loader, {
      path: `/operator?q=${encodeURIComponent(company.name)}`,
      cookie,
    });
    const detail = await callRoute(organizationPage.loader, {
      path: `/operator/orgs/${company.id}`,
      params: { orgId: company.id },
      cookie,
    });
    const row = (list.data as { organizations: { id: string; members: number; apprentices: number }[] }).organizations;
    expect(row).toEqual([expect.objectContaining({ id: company.id, members: 2, apprentices: 1, active: true })]);
    for (const page of [list, detail]) {
      const body = JSON.stringify(page.data);
      expect(body).toContain(company.name);
      for (const secret of [quizTitle, made.course.title, lessonTitle, trainer.name, trainer.email]) {
        expect(body).not.toContain(secret);
      }
    }
  });
});
