import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { describe, expect, test } from "vitest";
import type { Database, DatabaseHandle } from "#db/client.server.ts";
import * as schema from "#db/schema/index.ts";
import { classTeachers } from "#db/schema/index.ts";
import { type ClassViewFilter, defaultClassViewFilter } from "#app/modules/assignments/class-view-query.ts";
import { classCsvExport, classView } from "#app/modules/assignments/class-view.server.ts";
import { markLessonDone } from "#app/modules/courses/mark-lesson.server.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { assign } from "#tests/factories/assignments.ts";
import { createCourse } from "#tests/factories/courses.ts";
import {
  createApprenticeship,
  createClass,
  createMember,
  createOrganization,
  ctxFor,
  sessionCookieFor,
} from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const handle = await openTestDatabase();
const { db } = handle;
const world = await createWorld(db);
const { teacher, schoolAdmin, apprentice, otherApprentice } = world.people;
await db.insert(classTeachers).values({ classId: world.schoolClass.id, teacherId: teacher.id });
// A second class of the school that the teacher does not teach.
const thirdCompany = await createOrganization(db, "company");
const thirdApprentice = await createMember(db, thirdCompany.id, "apprentice", "Zoe Zimmermann");
await createApprenticeship(db, { apprenticeId: thirdApprentice.id, companyId: thirdCompany.id, trainerId: null });
const otherClass = await createClass(db, world.school.id, [thirdApprentice.id]);

const course = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 2 });
const firstModule = course.modules[0] ?? { id: "", lessonIds: [] };
const { quiz } = await createQuiz(db, firstModule.id, {
  passPercent: 50,
  questions: [{ key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true }],
});
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inFourDays = new Date(Date.now() + 4 * 86_400_000);

const moduleTask = await assign(db, {
  by: teacher.id,
  organizationId: world.school.id,
  target: { kind: "module", id: firstModule.id },
  classId: world.schoolClass.id,
  dueOn: day(7),
});
// Due in two days: overdue when the view is looked at in four days.
const quizTask = await assign(db, {
  by: teacher.id,
  organizationId: world.school.id,
  target: { kind: "quiz", id: quiz.id },
  classId: world.schoolClass.id,
  dueOn: day(2),
});
// Only for the other company's apprentice.
const chosenTask = await assign(db, {
  by: teacher.id,
  organizationId: world.school.id,
  target: { kind: "lesson", id: firstModule.lessonIds[1] ?? "" },
  classId: world.schoolClass.id,
  apprenticeIds: [otherApprentice.id],
  dueOn: day(9),
});

async function takeQuiz(userId: string, value: boolean) {
  const ctx = await ctxFor(db, userId);
  const started = await startAttempt({ ctx, input: { quizId: quiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  const form = pageForm(slots, 1, { holz: { value } }, { revision: 0, intent: "submit" });
  await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });
}
// The apprentice reads one lesson and passes the quiz; the other apprentice fails it.
await markLessonDone({ ctx: await ctxFor(db, apprentice.id), input: { lessonId: firstModule.lessonIds[0] ?? "" } });
await takeQuiz(apprentice.id, true);
await takeQuiz(otherApprentice.id, false);

const view = async (userId: string, filter: Partial<ClassViewFilter> = {}, now = inFourDays) =>
  classView(await ctxFor(db, userId, now), world.school.id, { ...defaultClassViewFilter, ...filter });

describe("the teacher's class view", () => {
  test("shows the class across two companies with status, progress and score per cell", async () => {
    const result = await view(teacher.id);
    expect(result.scope).toBe("mine");
    expect(result.classes.map((c) => c.id)).toEqual([world.schoolClass.id]);
    const [schoolClass] = result.classes;
    expect(schoolClass).toMatchObject({ studentCount: 2, companyCount: 2, assignmentCount: 3, studentsBehind: 1 });
    expect(schoolClass?.columns.map((c) => c.id)).toEqual([quizTask, moduleTask, chosenTask]);
    expect(schoolClass?.columns[0]).toMatchObject({ recipients: 2, done: 1, overdue: 1 });
    expect(schoolClass?.columns[2]).toMatchObject({ recipients: 1, done: 0 });

    const byId = new Map(schoolClass?.students.map((s) => [s.userId, s]));
    const mine = byId.get(apprentice.id);
    const theirs = byId.get(otherApprentice.id);
    expect(mine?.companies).toEqual([world.company.name]);
    expect(theirs?.companies).toEqual([world.otherCompany.name]);
    expect(mine?.cells).toEqual([
      { status: "done", itemsDone: 1, itemsTotal: 1, scorePercent: 100, pendingGrading: false },
      { status: "inProgress", itemsDone: 2, itemsTotal: 3, scorePercent: 100, pendingGrading: false },
      null,
    ]);
    expect(mine?.totals).toEqual({ assigned: 2, done: 1, overdue: 0, open: 1 });
    expect(theirs?.cells[0]).toMatchObject({ status: "overdue", itemsDone: 0, scorePercent: 0 });
    expect(theirs?.cells[2]).toMatchObject({ status: "open", itemsTotal: 1 });
    expect(theirs?.totals).toEqual({ assigned: 3, done: 0, overdue: 1, open: 2 });
  });

  test("a teacher sees the classes they teach; 'all' and a school admin see every class", async () => {
    const all = await view(teacher.id, { class: "all" });
    expect(all.scope).toBe("all");
    expect(all.classes.map((c) => c.id).sort()).toEqual([world.schoolClass.id, otherClass.id].sort());
    expect(all.classes.find((c) => c.id === otherClass.id)).toMatchObject({
      assignmentCount: 0,
      students: [{ userId: thirdApprentice.id, companies: [thirdCompany.name], cells: [] }],
    });

    const admin = await view(schoolAdmin.id);
    expect(admin).toMatchObject({ scope: "all", taughtCount: 0, canManage: false });
    expect(admin.classes).toHaveLength(2);

    const one = await view(schoolAdmin.id, { class: otherClass.id });
    expect(one.scope).toBe("one");
    expect(one.classes.map((c) => c.id)).toEqual([otherClass.id]);
  });

  test("filters by standing, name or company, and assignment", async () => {
    const names = async (filter: Partial<ClassViewFilter>) =>
      (await view(teacher.id, filter)).classes[0]?.students.map((s) => s.userId);
    expect(await names({ status: "behind" })).toEqual([otherApprentice.id]);
    expect(await names({ status: "done" })).toEqual([]);
    expect(await names({ q: apprentice.name.slice(2, 9).toUpperCase() })).toEqual([apprentice.id]);
    expect(await names({ q: world.otherCompany.name })).toEqual([otherApprentice.id]);

    const onlyQuiz = await view(teacher.id, { assignment: quizTask, status: "done" });
    expect(onlyQuiz.filter.assignment).toBe(quizTask);
    expect(onlyQuiz.classes[0]?.columns.map((c) => c.id)).toEqual([quizTask]);
    expect(onlyQuiz.classes[0]?.students.map((s) => s.userId)).toEqual([apprentice.id]);
    // An assignment that is not the school's is ignored.
    const unknown = await view(teacher.id, { assignment: crypto.randomUUID() });
    expect(unknown.filter.assignment).toBeUndefined();
    expect(unknown.classes[0]?.columns).toHaveLength(3);
  });

  test("uses four SQL statements whatever the number of classes, students, assignments and attempts", async () => {
    const counting = countingDatabase(handle);
    const count = async (userId: string) => {
      counting.reset();
      const ctx = { ...(await ctxFor(db, userId, inFourDays)), db: counting.db };
      await classView(ctx, world.school.id, { ...defaultClassViewFilter, class: "all" });
      return counting.count();
    };
    const before = await count(teacher.id);

    // A bigger school: another class with five students and two assignments, with progress.
    const students = await Promise.all([1, 2, 3, 4, 5].map(() => createMember(db, thirdCompany.id, "apprentice")));
    const bigClass = await createClass(
      db,
      world.school.id,
      students.map((s) => s.id),
    );
    for (const target of [
      { kind: "course" as const, id: course.course.id },
      { kind: "quiz" as const, id: quiz.id },
    ]) {
      await assign(db, { by: teacher.id, organizationId: world.school.id, target, classId: bigClass.id });
    }
    for (const student of students.slice(0, 3)) await takeQuiz(student.id, true);
    const after = await count(teacher.id);
    expect(before).toBe(4);
    expect(after).toBe(4);
  });
});

describe("who sees the class", () => {
  test("a teacher of another school and a company trainer get 'not found', for the view and the CSV", async () => {
    for (const person of [world.people.otherTeacher, world.people.trainer, apprentice]) {
      const ctx = await ctxFor(db, person.id);
      await expect(classView(ctx, world.school.id, defaultClassViewFilter)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        classCsvExport(ctx, world.school.id, world.schoolClass.id, defaultClassViewFilter),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  test("a class of another school is 'not found' in this school's view and CSV", async () => {
    const foreignClass = await createClass(db, world.otherSchool.id, [apprentice.id]);
    const ctx = await ctxFor(db, teacher.id);
    await expect(
      classView(ctx, world.school.id, { ...defaultClassViewFilter, class: foreignClass.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(classCsvExport(ctx, world.school.id, foreignClass.id, defaultClassViewFilter)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("CSV download", () => {
  const csvRoute = () => import("#app/routes/orgs.$orgId.classes_.$classId[.csv].ts");
  const path = `/orgs/${world.school.id}/classes/${world.schoolClass.id}.csv`;
  const params = { orgId: world.school.id, classId: world.schoolClass.id };

  test("the teacher downloads UTF-8 with BOM, semicolons and German headers", async () => {
    const { loader } = await csvRoute();
    const request = new Request(`http://localhost${path}`, {
      headers: { cookie: await sessionCookieFor(db, teacher.id) },
    });
    const response = (await loader({ request, params, context: { cspNonce: "", clientIp: "192.0.2.1" } })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Klasse-.+\.csv"; filename\*=UTF-8''/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const [header, ...rows] = text.slice(1).split("\r\n");
    expect(header?.split(";").slice(0, 2)).toEqual(["Name", "Betrieb"]);
    expect(header).toContain("(fällig ");
    expect(header?.endsWith(";Erledigt;Überfällig;Offen")).toBe(true);
    expect(rows.filter(Boolean)).toHaveLength(2);
    expect(text).toContain(`;${world.otherCompany.name};`);
  });

  test("the filters of the view apply to the file", async () => {
    const { loader } = await csvRoute();
    const result = await callRoute(loader, {
      path: `${path}?q=${encodeURIComponent(otherApprentice.name)}`,
      params,
      cookie: await sessionCookieFor(db, teacher.id),
    });
    expect(result.status).toBe(200);
    const text = String(result.data);
    expect(text).toContain(otherApprentice.name);
    expect(text).not.toContain(apprentice.name);
  });

  test("a teacher of another school gets 404, an anonymous visitor the login", async () => {
    const { loader } = await csvRoute();
    const other = await callRoute(loader, {
      path,
      params,
      cookie: await sessionCookieFor(db, world.people.otherTeacher.id),
    });
    expect(other.status).toBe(404);
    expect(String(other.data)).not.toContain(apprentice.name);
    expect((await callRoute(loader, { path, params })).status).toBe(302);
  });
});

/** The same database, with a logger that counts every statement sent to it. */
function countingDatabase(target: DatabaseHandle) {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (target.db as unknown as { $client: never }).$client;
  const db = (target.kind === "server"
    ? drizzlePostgres({ client, schema, casing: "snake_case", logger })
    : drizzlePglite({ client, schema, casing: "snake_case", logger })) as unknown as Database;
  const reset = () => {
    statements = 0;
  };
  return { db, count: () => statements, reset };
}
