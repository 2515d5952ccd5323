import type { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import { describe, expect, test } from "vitest";
import type { Database } from "#db/client.server.ts";
import * as schema from "#db/schema/index.ts";
import { weeklyActivity } from "#app/modules/assignments/activity.server.ts";
import { apprenticeOverview } from "#app/modules/assignments/apprentice-overview.server.ts";
import { teamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { markLessonDone } from "#app/modules/courses/mark-lesson.server.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { assign } from "#tests/factories/assignments.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createApprenticeship, createMember, ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm, type TestAnswer } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const handle = await openTestDatabase();
const { db } = handle;
const world = await createWorld(db);
const { trainer, apprentice, otherApprentice, otherTrainer, teacher } = world.people;
// Names chosen so the team sorts as Anna, Bea (the world's apprentice is renamed), Carl.
const anna = await createMember(db, world.company.id, "apprentice", "Anna Abend");
await createApprenticeship(db, { apprenticeId: anna.id, companyId: world.company.id, trainerId: trainer.id });
const carl = await createMember(db, world.company.id, "apprentice", "Carl Copper");
await db.update(schema.users).set({ name: "Bea Berg" }).where(eq(schema.users.id, apprentice.id));
// Bea is also a member of the school (as in the demo): the school still follows her as a school.
await db
  .insert(schema.memberships)
  .values({ userId: apprentice.id, organizationId: world.school.id, role: "apprentice" });

const course = await createCourse(db, { owner: null, modules: 2, lessonsPerModule: 2 });
const [firstModule, secondModule] = course.modules as [(typeof course.modules)[0], (typeof course.modules)[0]];
const { quiz } = await createQuiz(db, firstModule.id, {
  passPercent: 50,
  questions: [{ key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true }],
});
const { quiz: essayQuiz } = await createQuiz(db, secondModule.id, {
  questions: [{ key: "bericht", type: "essay", prompt: "Was hast du gelernt?" }],
});
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const lesson = (module: typeof firstModule, index: number) => module.lessonIds[index] ?? "";

async function attempt(userId: string, quizId: string, answers: Record<string, TestAnswer>, now?: Date) {
  const ctx = await ctxFor(db, userId, now);
  const started = await startAttempt({ ctx, input: { quizId } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  const form = pageForm(slots, 1, answers, { revision: 0, intent: "submit" });
  await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });
}

async function done(userId: string, lessonId: string, now?: Date) {
  await markLessonDone({ ctx: await ctxFor(db, userId, now), input: { lessonId } });
}

/** A database handle that counts the statements sent through it (same connection, same data). */
function countingDb(): { db: Database; count: () => number } {
  let count = 0;
  const logger = {
    logQuery: () => {
      count += 1;
    },
  };
  const client = (db as unknown as { $client: unknown }).$client;
  const counted =
    handle.kind === "server"
      ? drizzlePostgres({ client: client as Sql, schema, casing: "snake_case", logger })
      : drizzlePglite({ client: client as PGlite, schema, casing: "snake_case", logger });
  return { db: counted as unknown as Database, count: () => count };
}

async function counted<T>(ctx: Ctx, run: (ctx: Ctx) => Promise<T>): Promise<{ result: T; statements: number }> {
  const counter = countingDb();
  const result = await run({ ...ctx, db: counter.db });
  return { result, statements: counter.count() };
}

// The company's assignments:
// - lessonTask (Bea only): Bea finishes the lesson → done.
// - moduleTask (Bea and Anna): Bea reads one lesson and fails the quiz → in progress, 0 %; Anna open.
// - lateTask (Bea and Anna), due two days ago → overdue for both.
const lessonTask = await assign(db, {
  by: trainer.id,
  organizationId: world.company.id,
  target: { kind: "lesson", id: lesson(secondModule, 0) },
  apprenticeIds: [apprentice.id],
  dueOn: day(5),
});
const moduleTask = await assign(db, {
  by: trainer.id,
  organizationId: world.company.id,
  target: { kind: "module", id: firstModule.id },
  apprenticeIds: [apprentice.id, anna.id],
  dueOn: day(6),
});
const lateTask = await assign(db, {
  by: trainer.id,
  organizationId: world.company.id,
  target: { kind: "lesson", id: lesson(secondModule, 1) },
  apprenticeIds: [apprentice.id, anna.id],
  dueOn: day(-2),
  now: new Date(Date.now() - 10 * 86_400_000),
});
// Another company's assignment and the school's: never columns of the company's matrix.
const otherTask = await assign(db, {
  by: otherTrainer.id,
  organizationId: world.otherCompany.id,
  target: { kind: "course", id: course.course.id },
  apprenticeIds: [otherApprentice.id],
});
const schoolTask = await assign(db, {
  by: teacher.id,
  organizationId: world.school.id,
  target: { kind: "course", id: course.course.id },
  classId: world.schoolClass.id,
});

await done(apprentice.id, lesson(secondModule, 0));
await done(apprentice.id, lesson(firstModule, 0));
await attempt(apprentice.id, quiz.id, { holz: { value: false } });
// Anna writes a free-text answer: it waits for a grade.
const annaActive = new Date(Date.now() - 3_600_000);
await attempt(anna.id, essayQuiz.id, { bericht: { text: "Ich habe gehobelt." } }, annaActive);

const dashboardAs = async (person: keyof typeof world.people, companyId = world.company.id) =>
  teamDashboard(await ctxFor(db, world.people[person].id), companyId);

describe("the trainer's team dashboard", () => {
  test("counts per apprentice, waiting answers, last activity and the summary", async () => {
    const dashboard = await dashboardAs("trainer");
    expect(dashboard.company).toEqual({ id: world.company.id, name: world.company.name });
    expect(dashboard.apprentices.map((a) => a.name)).toEqual(["Anna Abend", "Bea Berg", "Carl Copper"]);
    const [a, b, c] = dashboard.apprentices;
    expect(a).toMatchObject({
      userId: anna.id,
      occupationName: expect.any(String),
      counts: { open: 1, inProgress: 0, overdue: 1, done: 0 },
      waitingForGrade: 1,
    });
    expect(a?.lastActivityAt?.getTime()).toBe(annaActive.getTime());
    expect(b).toMatchObject({ counts: { open: 0, inProgress: 1, overdue: 1, done: 1 }, waitingForGrade: 0 });
    expect(b?.lastActivityAt).toBeInstanceOf(Date);
    expect(c).toMatchObject({
      userId: carl.id,
      occupationName: null,
      trainingYear: null,
      lastActivityAt: null,
      waitingForGrade: 0,
    });
    expect(c?.counts).toEqual({ open: 0, inProgress: 0, overdue: 0, done: 0 });
    expect(dashboard.summary).toEqual({
      overdue: 2,
      behind: [
        { userId: anna.id, name: "Anna Abend", overdue: 1 },
        { userId: apprentice.id, name: "Bea Berg", overdue: 1 },
      ],
      waitingForGrade: 1,
      open: 2,
      // Nobody here has written a Berichtsheft week: every ended week since the start is missing.
      recordsWaiting: 0,
      recordsMissing: dashboard.apprentices.reduce((sum, a) => sum + (a.record?.missing ?? 0), 0),
    });
    expect(dashboard.summary.recordsMissing).toBeGreaterThan(0);
    expect(dashboard).toMatchObject({ canManageAssignments: true, canGrade: true, canInvite: true });
  });

  test("the matrix: the company's assignments as columns, status and score per cell", async () => {
    const dashboard = await dashboardAs("trainer");
    const ids = dashboard.assignments.map((column) => column.id);
    expect(ids).toEqual([lateTask, lessonTask, moduleTask]);
    expect(ids).not.toContain(otherTask);
    expect(ids).not.toContain(schoolTask);
    const cell = (name: string, assignmentId: string) =>
      dashboard.apprentices.find((a) => a.name === name)?.cells[ids.indexOf(assignmentId)];
    expect(cell("Bea Berg", lessonTask)).toMatchObject({ status: "done", itemsDone: 1, itemsTotal: 1 });
    expect(cell("Bea Berg", moduleTask)).toEqual({
      status: "inProgress",
      scorePercent: 0,
      itemsDone: 1,
      itemsTotal: 3,
      pendingGrading: false,
    });
    expect(cell("Anna Abend", moduleTask)).toMatchObject({ status: "open", scorePercent: null, itemsDone: 0 });
    expect(cell("Anna Abend", lateTask)?.status).toBe("overdue");
    expect(cell("Anna Abend", lessonTask)).toBeNull();
    expect(cell("Carl Copper", moduleTask)).toBeNull();
    expect(dashboard.assignments.find((column) => column.id === moduleTask)).toMatchObject({
      done: 0,
      recipients: 2,
      dueOn: day(6),
    });
  });

  test("a fixed number of statements, however many apprentices and assignments", async () => {
    const ctx = await ctxFor(db, trainer.id);
    const before = await counted(ctx, (c) => teamDashboard(c, world.company.id));
    // Team, assignments, progress, Berichtsheft counts.
    expect(before.statements).toBe(4);
    for (let n = 0; n < 3; n++) {
      const extra = await createMember(db, world.company.id, "apprentice", `Zora ${n}`);
      await assign(db, {
        by: trainer.id,
        organizationId: world.company.id,
        target: { kind: "course", id: course.course.id },
        apprenticeIds: [extra.id, apprentice.id],
      });
      await done(extra.id, lesson(firstModule, 1));
    }
    const after = await counted(ctx, (c) => teamDashboard(c, world.company.id));
    expect(after.result.apprentices.length).toBe(before.result.apprentices.length + 3);
    expect(after.result.assignments.length).toBe(before.result.assignments.length + 3);
    expect(after.statements).toBe(4);
  });

  test("the admin sees it; the apprentice and a school are refused; other companies get not found", async () => {
    expect((await dashboardAs("admin")).apprentices.length).toBeGreaterThan(0);
    expect((await dashboardAs("admin")).canManageAssignments).toBe(false);
    await expect(dashboardAs("apprentice")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dashboardAs("otherTrainer")).rejects.toBeInstanceOf(NotFoundError);
    await expect(dashboardAs("teacher")).rejects.toBeInstanceOf(NotFoundError);
    // A school has no team (the permission matrix): its own admin is a member without the right.
    await expect(dashboardAs("schoolAdmin", world.school.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

const overviewAs = async (person: keyof typeof world.people, organizationId: string, userId = apprentice.id) =>
  apprenticeOverview(await ctxFor(db, world.people[person].id), organizationId, userId);

describe("the per-apprentice page", () => {
  test("the trainer sees every assignment, courses and quiz results", async () => {
    const page = await overviewAs("trainer", world.company.id);
    expect(page.apprentice).toEqual({ id: apprentice.id, name: "Bea Berg" });
    expect(page.apprenticeships).toEqual([
      expect.objectContaining({ companyName: world.company.name, trainingYear: expect.any(Number) }),
    ]);
    expect(page.classes).toEqual([expect.objectContaining({ className: world.schoolClass.name })]);
    expect(page.assignmentScope).toBe("all");
    const ids = page.assignments.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([lessonTask, moduleTask, lateTask, schoolTask]));
    expect(ids).not.toContain(otherTask);
    // Overdue first, finished last.
    expect(page.assignments[0]).toMatchObject({ id: lateTask, status: "overdue" });
    expect(page.assignments.at(-1)).toMatchObject({ id: lessonTask, status: "done" });
    expect(page.assignments.find((a) => a.id === moduleTask)).toMatchObject({ scorePercent: 0, itemsDone: 1 });
    expect(page.courses).toEqual([
      expect.objectContaining({ id: course.course.id, lessonsDone: 2, lessonsTotal: 4, percent: 50, canOpen: true }),
    ]);
    expect(page.quizzes).toEqual([
      expect.objectContaining({ id: quiz.id, attempts: 1, bestPercent: 0, passed: false, pendingGrading: false }),
    ]);
    expect(page).toMatchObject({ canManageAssignments: true, canViewTeam: true, canViewClasses: false });
  });

  test("the teacher of the class sees the page, but only the school's assignments", async () => {
    const page = await overviewAs("teacher", world.school.id);
    expect(page.assignmentScope).toBe("school");
    expect(page.assignments.map((a) => a.id)).toEqual([schoolTask]);
    expect(page).toMatchObject({ canManageAssignments: true, canViewTeam: false, canViewClasses: true });
    const asSchoolAdmin = await overviewAs("schoolAdmin", world.school.id);
    expect(asSchoolAdmin).toMatchObject({ canManageAssignments: false, assignmentScope: "school" });
    expect(asSchoolAdmin.apprenticeships).toEqual([expect.objectContaining({ companyName: world.company.name })]);
    // Through the company's address the teacher follows nobody.
    await expect(overviewAs("teacher", world.company.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("waiting answers show on the quiz results", async () => {
    const page = await overviewAs("trainer", world.company.id, anna.id);
    expect(page.quizzes).toEqual([expect.objectContaining({ id: essayQuiz.id, pendingGrading: true, passed: false })]);
    expect(page.classes).toEqual([]);
  });

  test("outsiders, the apprentice themself and the wrong organisation get not found", async () => {
    await expect(overviewAs("otherTrainer", world.company.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(overviewAs("otherTrainer", world.otherCompany.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(overviewAs("otherTeacher", world.otherSchool.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(overviewAs("apprentice", world.company.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(overviewAs("trainer", world.school.id)).rejects.toBeInstanceOf(NotFoundError);
    // A trainer does not follow another company's apprentice, even one in the same class.
    await expect(overviewAs("trainer", world.company.id, otherApprentice.id)).rejects.toBeInstanceOf(NotFoundError);
    // The teacher does follow the other company's apprentice through the class.
    expect((await overviewAs("teacher", world.school.id, otherApprentice.id)).apprentice.id).toBe(otherApprentice.id);
  });

  test("six statements, whatever the amount of work", async () => {
    const ctx = await ctxFor(db, trainer.id);
    const { statements } = await counted(ctx, (c) => apprenticeOverview(c, world.company.id, apprentice.id));
    expect(statements).toBe(6);
  });
});

describe("weekly activity", () => {
  test("twelve ISO weeks in Berlin time, empty weeks as 0, lessons' minutes as learning time", async () => {
    const dora = await createMember(db, world.company.id, "apprentice", "Dora Dach");
    const other = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 4 });
    const otherModule = other.modules[0] ?? firstModule;
    const { quiz: otherQuiz } = await createQuiz(db, otherModule.id, {
      questions: [{ key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true }],
    });
    // Wednesday 12 March 2025, 11:00 in Berlin; its week starts Monday 10 March (KW 11).
    const now = new Date("2025-03-12T10:00:00Z");
    // Sunday 9 March, 23:30 in Berlin (22:30 UTC): still the week of 3 March.
    await done(dora.id, other.lessonIds[0] ?? "", new Date("2025-03-09T22:30:00Z"));
    // Sunday 9 March, 23:30 UTC is Monday 00:30 in Berlin: the week of 10 March.
    await done(dora.id, other.lessonIds[1] ?? "", new Date("2025-03-09T23:30:00Z"));
    await done(dora.id, other.lessonIds[2] ?? "", new Date("2025-03-11T08:00:00Z"));
    // Eleven weeks back is the first week shown (23 December 2024, KW 52); earlier counts nowhere.
    await done(dora.id, other.lessonIds[3] ?? "", new Date("2024-12-22T12:00:00Z"));
    await attempt(dora.id, otherQuiz.id, { holz: { value: true } }, new Date("2024-12-23T09:00:00Z"));

    const weeks = await weeklyActivity(db, dora.id, now, sql`true`);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ weekStart: "2024-12-23", isoWeek: 52, lessons: 0, quizzes: 1, minutes: 0 });
    expect(weeks.at(-2)).toEqual({ weekStart: "2025-03-03", isoWeek: 10, lessons: 1, quizzes: 0, minutes: 5 });
    expect(weeks.at(-1)).toEqual({ weekStart: "2025-03-10", isoWeek: 11, lessons: 2, quizzes: 0, minutes: 10 });
    expect(weeks.slice(1, -2).every((w) => w.lessons === 0 && w.quizzes === 0 && w.minutes === 0)).toBe(true);
    expect(weeks[1]).toMatchObject({ weekStart: "2024-12-30", isoWeek: 1 });

    // The same figures on the page.
    const page = await apprenticeOverview({ ...(await ctxFor(db, trainer.id)), now }, world.company.id, dora.id);
    expect(page.activity).toEqual(weeks);
  });
});
