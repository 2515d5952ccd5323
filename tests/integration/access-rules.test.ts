/**
 * Every access rule of the permissions module has a check for one object and an SQL condition for
 * lists. Over one test world — two companies, two schools, a training centre, a person with roles
 * in two organisations, a disabled person, an apprentice with two apprenticeships at one company, a
 * leaver whose membership is deactivated and an organisation an operator deactivated —
 * both forms must give the same answer for every (person, object) pair, so a list can never show
 * what the detail page refuses, nor hide what it allows.
 */
import { type SQL, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { apprenticeships, memberships, organizations, users } from "#db/schema/index.ts";
import { apprenticeTies } from "#app/modules/assignments/apprentice-overview.server.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { courseAssignable, courseRead, lessonLive } from "#app/modules/permissions/course-access.server.ts";
import { answerGradable, apprenticeOrganizations } from "#app/modules/permissions/grading-rule.server.ts";
import { classRoster, teamRoster } from "#app/modules/permissions/rosters.server.ts";
import {
  createApprenticeship,
  createClass,
  createMember,
  createOrganization,
  occupationId,
} from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { eq } from "drizzle-orm";

const { db } = await openTestDatabase();

async function buildWorld(db: Database) {
  const companyA = await createOrganization(db, "company");
  const companyB = await createOrganization(db, "company");
  const schoolA = await createOrganization(db, "school");
  const schoolB = await createOrganization(db, "school");
  const centre = await createOrganization(db, "training_centre");
  // An organisation an operator deactivated: its people act there no more.
  const closed = await createOrganization(db, "company");
  const join = (userId: string, organizationId: string, role: "apprentice" | "trainer" | "teacher" | "admin") =>
    db.insert(memberships).values({ userId, organizationId, role });

  const people = {
    trainerA: await createMember(db, companyA.id, "trainer"),
    adminA: await createMember(db, companyA.id, "admin"),
    apprenticeA: await createMember(db, companyA.id, "apprentice"),
    trainerB: await createMember(db, companyB.id, "trainer"),
    twoContracts: await createMember(db, companyB.id, "apprentice"),
    teacherA: await createMember(db, schoolA.id, "teacher"),
    schoolAdminA: await createMember(db, schoolA.id, "admin"),
    teacherB: await createMember(db, schoolB.id, "teacher"),
    centreTrainer: await createMember(db, centre.id, "trainer"),
    centreTeacher: await createMember(db, centre.id, "teacher"),
    centreAdmin: await createMember(db, centre.id, "admin"),
    centreApprentice: await createMember(db, centre.id, "apprentice"),
    // Apprentice at company A and trainer at company B.
    twoRoles: await createMember(db, companyB.id, "trainer"),
    disabled: await createMember(db, companyA.id, "apprentice"),
    outsider: await createMember(db, companyB.id, "admin"),
    // Left company A (membership deactivated); still a member of school A's class.
    leaver: await createMember(db, companyA.id, "apprentice"),
    closedTrainer: await createMember(db, closed.id, "trainer"),
    closedApprentice: await createMember(db, closed.id, "apprentice"),
  };
  await join(people.twoRoles.id, companyA.id, "apprentice");
  await join(people.apprenticeA.id, schoolA.id, "apprentice");
  await join(people.centreApprentice.id, companyA.id, "apprentice");
  await db.update(users).set({ disabled: true }).where(eq(users.id, people.disabled.id));
  await db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, people.leaver.id));
  await db.update(organizations).set({ deactivatedAt: new Date() }).where(eq(organizations.id, closed.id));
  await createApprenticeship(db, { apprenticeId: people.apprenticeA.id, companyId: companyA.id, trainerId: null });
  await createApprenticeship(db, { apprenticeId: people.twoContracts.id, companyId: companyB.id, trainerId: null });
  await db.insert(apprenticeships).values({
    apprenticeId: people.twoContracts.id,
    companyId: companyB.id,
    trainerId: people.trainerB.id,
    occupationId: await occupationId(db, "elektroniker"),
    startsOn: "2026-08-01",
    plannedEndOn: "2029-07-31",
  });
  await createClass(db, schoolA.id, [people.apprenticeA.id, people.twoRoles.id]);
  await createClass(db, schoolB.id, [people.twoContracts.id, people.centreApprentice.id]);
  await createClass(db, centre.id, [people.centreApprentice.id, people.apprenticeA.id, people.leaver.id]);
  return { organizations: [companyA, companyB, schoolA, schoolB, centre, closed], people };
}

const world = await buildWorld(db);
const people = Object.entries(world.people).map(([key, user]) => ({ key, id: user.id }));
const organizationIds = world.organizations.map((o) => o.id);
const owners: (string | null)[] = [null, ...organizationIds];
const statuses = ["draft", "published", "archived"] as const;

/** Disabled people are nobody: no actor, so the check answers no for everything. */
async function actorOf(userId: string): Promise<Actor | null> {
  return loadActor(db, userId);
}

/** Rows of a VALUES list as a derived table `t`, to run a rule's SQL over objects that need no rows. */
function valuesOf(rows: SQL[], columns: string): SQL {
  return sql`(values ${sql.join(rows, sql`, `)}) as t(${sql.raw(columns)})`;
}

const uuid = (id: string | null) => (id === null ? sql`null::uuid` : sql`${id}::uuid`);

describe("course read: check = SQL for the actor = SQL for a person", () => {
  const courses = owners.flatMap((owner) => statuses.map((status) => ({ owner, status })));
  const table = valuesOf(
    courses.map((c, i) => sql`(${i}::int, ${uuid(c.owner)}, ${c.status})`),
    "i, owner, status",
  );
  const columns = { owner: sql`t.owner`, status: sql`t.status` };

  test.each(people)("$key", async ({ id }) => {
    const actor = await actorOf(id);
    const byCheck = courses.flatMap((c, i) =>
      actor && courseRead.allows(actor, { ownerOrganizationId: c.owner, status: c.status }) ? [i] : [],
    );
    const byPerson = await selectRows<{ i: number }>(
      db,
      sql`select t.i from ${table} where ${courseRead.whereReader(sql`${id}::uuid`, columns)} order by t.i`,
    );
    expect(byPerson.map((r) => r.i)).toEqual(byCheck);
    if (!actor) return;
    const byActor = await selectRows<{ i: number }>(
      db,
      sql`select t.i from ${table} where ${courseRead.where(actor, columns)} order by t.i`,
    );
    expect(byActor.map((r) => r.i)).toEqual(byCheck);
  });
});

describe("assignable course: check = SQL for every organisation", () => {
  const courses = owners.flatMap((owner) => statuses.map((status) => ({ owner, status })));
  const table = valuesOf(
    courses.map((c, i) => sql`(${i}::int, ${uuid(c.owner)}, ${c.status})`),
    "i, owner, status",
  );
  test.each(world.organizations.map((o) => ({ kind: o.kind, id: o.id })))("$kind $id", async ({ id }) => {
    const byCheck = courses.flatMap((c, i) =>
      courseAssignable.allows(id, { ownerOrganizationId: c.owner, status: c.status }) ? [i] : [],
    );
    const bySql = await selectRows<{ i: number }>(
      db,
      sql`select t.i from ${table} where ${courseAssignable.where(id, { owner: sql`t.owner`, status: sql`t.status` })} order by t.i`,
    );
    expect(bySql.map((r) => r.i)).toEqual(byCheck);
  });
});

describe("lesson live: check = SQL for every state", () => {
  test("every combination of archived lesson, published version and archived module", async () => {
    const states = [null, new Date("2026-01-01T00:00:00Z")].flatMap((archivedAt) =>
      [0, 1, 3].flatMap((publishedVersion) =>
        [null, new Date("2026-02-01T00:00:00Z")].map((moduleArchivedAt) => ({
          archivedAt,
          publishedVersion,
          moduleArchivedAt,
        })),
      ),
    );
    const stamp = (d: Date | null) => (d === null ? sql`null::timestamptz` : sql`${d.toISOString()}::timestamptz`);
    const rows = states.map(
      (s, i) => sql`(${i}::int, ${stamp(s.archivedAt)}, ${s.publishedVersion}::int, ${stamp(s.moduleArchivedAt)})`,
    );
    const bySql = await selectRows<{ i: number }>(
      db,
      sql`select l.i from (values ${sql.join(rows, sql`, `)}) as l(i, archived_at, published_version, module_archived_at)
        cross join lateral (select l.module_archived_at as archived_at) m
        where ${lessonLive.where("l", "m")} order by l.i`,
    );
    expect(bySql.map((r) => r.i)).toEqual(states.flatMap((s, i) => (lessonLive.allows(s) ? [i] : [])));
    expect(bySql.length).toBe(2);
  });
});

describe("grading: check = SQL for every person, apprentice and quiz owner", () => {
  const answers = people.flatMap((apprentice) => owners.map((owner) => ({ apprenticeId: apprentice.id, owner })));
  const table = valuesOf(
    answers.map((a, i) => sql`(${i}::int, ${a.apprenticeId}::uuid, ${uuid(a.owner)})`),
    "i, apprentice_id, owner",
  );

  test.each(people)("$key", async ({ id }) => {
    const actor = await actorOf(id);
    if (!actor) return expect(await loadActor(db, id)).toBeNull();
    const orgsOf = new Map<string, string[]>();
    for (const p of people) orgsOf.set(p.id, await apprenticeOrganizations(db, p.id));
    const byCheck = answers.flatMap((a, i) =>
      answerGradable.allows(actor, { quizOwnerId: a.owner, apprenticeOrganizations: orgsOf.get(a.apprenticeId) ?? [] })
        ? [i]
        : [],
    );
    const bySql = await selectRows<{ i: number }>(
      db,
      sql`select t.i from ${table}
        where ${answerGradable.where(actor, { apprenticeId: sql`t.apprentice_id`, quizOwnerId: sql`t.owner` })}
        order by t.i`,
    );
    expect(bySql.map((r) => r.i)).toEqual(byCheck);
  });

  test("nobody grades another organisation's own quiz", async () => {
    const teacher = await actorOf(world.people.teacherA.id);
    const [companyA] = world.organizations;
    if (!teacher || !companyA) throw new Error("world");
    const apprenticeOrgs = await apprenticeOrganizations(db, world.people.apprenticeA.id);
    expect(apprenticeOrgs).toContain(world.organizations[2]?.id);
    expect(answerGradable.allows(teacher, { quizOwnerId: companyA.id, apprenticeOrganizations: apprenticeOrgs })).toBe(
      false,
    );
    expect(answerGradable.allows(teacher, { quizOwnerId: null, apprenticeOrganizations: apprenticeOrgs })).toBe(true);
  });
});

describe("team roster: the SQL roster = the companies through which staff follow a person", () => {
  test.each(people)("$key", async ({ id }) => {
    const ties = await apprenticeTies(db, id);
    const teams = world.organizations.filter((o) => o.kind !== "school").map((o) => o.id);
    const bySql = await selectRows<{ id: string }>(
      db,
      sql`select o.id from organizations o where (${sql.join(
        teams.map((t) => sql`o.id = ${t}`),
        sql` or `,
      )}) and ${teamRoster.where(sql`o.id`, sql`${id}::uuid`)} order by o.id`,
    );
    expect(bySql.map((r) => r.id)).toEqual(ties.companies.filter((c) => teams.includes(c)).sort());
  });
});

describe("class roster: the SQL roster = the schools whose classes a person is enrolled in", () => {
  test.each(people)("$key", async ({ id }) => {
    const ties = await apprenticeTies(db, id);
    const enrolledAt = [...new Set(ties.rows.filter((r) => r.className !== null).map((r) => r.organizationId))].sort();
    const bySql = await selectRows<{ id: string }>(
      db,
      sql`select o.id from organizations o where (${sql.join(
        organizationIds.map((o) => sql`o.id = ${o}`),
        sql` or `,
      )}) and ${classRoster.where(sql`o.id`, sql`${id}::uuid`)} order by o.id`,
    );
    expect(bySql.map((r) => r.id)).toEqual(enrolledAt);
    // The list form (several schools at once) agrees with asking school by school.
    const byList = await selectRows<{ yes: boolean }>(
      db,
      sql`select ${classRoster.where(organizationIds, sql`${id}::uuid`)} as yes`,
    );
    expect(byList[0]?.yes).toBe(enrolledAt.length > 0);
  });
});
