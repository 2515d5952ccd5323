import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { memberships, rateLimits, users } from "#db/schema/index.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { createClassCode } from "#app/modules/classes/enrolment.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { action as joinAction } from "#app/routes/join.$code.tsx";
import { ctxFor, TEST_PASSWORD, unique } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();
const join = (code: string, form: Record<string, string>, clientIp = unique("198.51.100")) =>
  callRoute(joinAction, { path: `/join/${code}`, params: { code }, form, clientIp });

describe("joining with an account one already has", () => {
  test("an apprentice who changes company joins the new one: no second user row, same password", async () => {
    const world = await createWorld(db);
    const apprentice = world.people.apprentice;
    const { code } = await createInvitation({
      ctx: await ctxFor(db, world.people.otherTrainer.id),
      input: { label: "Wechsel", role: "apprentice", validDays: 7, organizationId: world.otherCompany.id },
    });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    const result = await join(code, {
      intent: "existing",
      email: apprentice.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("Set-Cookie")).toContain("=");
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after[0]?.n).toBe(before[0]?.n);
    const rows = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, apprentice.id), eq(memberships.organizationId, world.otherCompany.id)));
    expect(rows.map((r) => r.role)).toEqual(["apprentice"]);
    const [user] = await db.select().from(users).where(eq(users.id, apprentice.id));
    expect(await verifyPassword(user?.passwordHash ?? "", TEST_PASSWORD)).toBe(true);
  });

  test("a wrong password joins nobody, keeps the code and counts against the login limits", async () => {
    const world = await createWorld(db);
    const teacher = world.people.teacher;
    const { code } = await createInvitation({
      ctx: await ctxFor(db, world.people.otherTeacher.id),
      input: { label: "Zweite Schule", role: "teacher", validDays: 7, organizationId: world.otherSchool.id },
    });
    const result = await join(code, { intent: "existing", email: teacher.email, password: "falsch-falsch" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ formErrors: ["errors.login.failed"], values: { email: teacher.email } });
    const hits = await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `login:account:${teacher.email.toLowerCase()}`));
    expect(hits[0]?.count).toBe(1);
    const ok = await join(code, { intent: "existing", email: teacher.email, password: TEST_PASSWORD });
    expect(ok.status).toBe(302);
    const rows = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, teacher.id), eq(memberships.organizationId, world.otherSchool.id)));
    expect(rows.map((r) => r.role)).toEqual(["teacher"]);
  });

  test("the class code works with an existing account too, and stays open", async () => {
    const world = await createWorld(db);
    const { code } = await createClassCode({
      ctx: await ctxFor(db, world.people.teacher.id),
      input: { schoolId: world.school.id, classId: world.schoolClass.id, validDays: 30 },
    });
    const other = world.people.otherApprentice;
    expect((await join(code, { intent: "existing", email: other.email, password: TEST_PASSWORD })).status).toBe(302);
    expect((await join(code, { intent: "existing", email: other.email, password: TEST_PASSWORD })).status).toBe(302);
  });
});
