import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { lessonProgress, memberships } from "#db/schema/index.ts";
import { listCatalogue } from "#app/modules/courses/catalogue.server.ts";
import { continueLearning } from "#app/modules/courses/continue-learning.server.ts";
import { courseOverview } from "#app/modules/courses/course-overview.server.ts";
import { readLesson } from "#app/modules/courses/lesson-page.server.ts";
import { markLessonDone, markLessonOpen } from "#app/modules/courses/mark-lesson.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createMember, ctxFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
// As after accepting the school's invitation: the class's apprentices belong to the school.
await db.insert(memberships).values([
  { userId: world.people.apprentice.id, organizationId: world.school.id, role: "apprentice" },
  { userId: world.people.otherApprentice.id, organizationId: world.school.id, role: "apprentice" },
]);
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);

const library = await createCourse(db, { owner: null, occupations: ["elektroniker"], trainingYears: [1] });
const companyCourse = await createCourse(db, {
  owner: world.company.id,
  occupations: ["tischler"],
  trainingYears: [2],
});
const companyDraft = await createCourse(db, { owner: world.company.id, status: "draft" });
const otherCompanyCourse = await createCourse(db, { owner: world.otherCompany.id });
const schoolCourse = await createCourse(db, { owner: world.school.id });

describe("catalogue", () => {
  test("an apprentice sees the library and the published courses of their company and school only", async () => {
    const ids = (await listCatalogue(await as("apprentice"), {})).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([library.course.id, companyCourse.course.id, schoolCourse.course.id]));
    expect(ids).not.toContain(companyDraft.course.id);
    expect(ids).not.toContain(otherCompanyCourse.course.id);
  });

  test("the other company's apprentice does not see this company's course", async () => {
    const ids = (await listCatalogue(await as("otherApprentice"), {})).map((c) => c.id);
    expect(ids).toContain(otherCompanyCourse.course.id);
    expect(ids).toContain(schoolCourse.course.id); // enrolled in the same class
    expect(ids).not.toContain(companyCourse.course.id);
  });

  test("filters by occupation (courses for all trades always match) and by training year", async () => {
    const ctx = await as("apprentice");
    const tischler = (await listCatalogue(ctx, { occupation: "tischler" })).map((c) => c.id);
    expect(tischler).toContain(companyCourse.course.id);
    expect(tischler).toContain(schoolCourse.course.id); // occupations: all
    expect(tischler).not.toContain(library.course.id);
    const year2 = (await listCatalogue(ctx, { year: 2 })).map((c) => c.id);
    expect(year2).toEqual([companyCourse.course.id]);
  });

  test("size and own progress are aggregated per course", async () => {
    const ctx = await as("trainer");
    await markLessonDone({ ctx, input: { lessonId: companyCourse.lessonIds[0] ?? "" } });
    const entry = (await listCatalogue(ctx, {})).find((c) => c.id === companyCourse.course.id);
    expect(entry).toMatchObject({ lessonCount: 4, minutes: 20, doneCount: 1, percentDone: 25 });
  });
});

describe("lesson page", () => {
  test("one statement brings the stored HTML, position and neighbours", async () => {
    const [first, second, third] = companyCourse.lessonIds;
    const lesson = await readLesson(await as("apprentice"), second ?? "");
    expect(lesson).toMatchObject({
      title: "Lektion 1.2",
      html: "<p>lektion-1-2 text</p>",
      number: 2,
      total: 4,
      prevId: first,
      nextId: third,
      nextTitle: "Lektion 2.1",
      done: false,
    });
  });

  test("another company's apprentice, and anyone for a draft course, gets not found", async () => {
    await expect(readLesson(await as("otherApprentice"), companyCourse.lessonIds[0] ?? "")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(readLesson(await as("apprentice"), companyDraft.lessonIds[0] ?? "")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(readLesson(await as("otherTrainer"), companyDraft.lessonIds[0] ?? "")).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test("the company's trainer may preview the draft course", async () => {
    const lesson = await readLesson(await as("trainer"), companyDraft.lessonIds[0] ?? "");
    expect(lesson.html).toContain("lektion-1-1");
  });
});

describe("progress", () => {
  test("marking done is idempotent, even when sent many times at once", async () => {
    const ctx = await as("apprentice");
    const lessonId = library.lessonIds[1] ?? "";
    await Promise.all(Array.from({ length: 8 }, () => markLessonDone({ ctx, input: { lessonId } })));
    await markLessonDone({ ctx, input: { lessonId } });
    const rows = await db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, ctx.actor.id), eq(lessonProgress.lessonId, lessonId)));
    expect(rows).toHaveLength(1);
  });

  test("course and module percentages follow the progress, and 'continue' points at the next open lesson", async () => {
    const ctx = await as("otherApprentice");
    const course = await createCourse(db, { owner: null });
    const before = await courseOverview(ctx, course.course.id);
    expect(before).toMatchObject({
      percent: 0,
      doneCount: 0,
      lessonCount: 4,
      next: { id: course.lessonIds[0], started: false },
    });

    await markLessonDone({ ctx, input: { lessonId: course.lessonIds[0] ?? "" } });
    await markLessonDone({ ctx, input: { lessonId: course.lessonIds[1] ?? "" } });
    const after = await courseOverview(ctx, course.course.id);
    expect(after.percent).toBe(50);
    expect(after.modules.map((m) => m.percent)).toEqual([100, 0]);
    expect(after.next).toEqual({ id: course.lessonIds[2], title: "Lektion 2.1", started: true });

    await markLessonOpen({ ctx, input: { lessonId: course.lessonIds[0] ?? "" } });
    expect((await courseOverview(ctx, course.course.id)).percent).toBe(25);
  });

  test("nobody can record progress on a lesson they may not read", async () => {
    const ctx = await as("otherApprentice");
    const lessonId = companyCourse.lessonIds[0] ?? "";
    await expect(markLessonDone({ ctx, input: { lessonId } })).rejects.toBeInstanceOf(NotFoundError);
    const rows = await db
      .select()
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, ctx.actor.id), eq(lessonProgress.lessonId, lessonId)));
    expect(rows).toEqual([]);
  });

  test("a library course offers 'Als Vorlage übernehmen' to trainers and teachers, not to apprentices", async () => {
    expect(
      (await courseOverview(await as("trainer"), library.course.id)).copyTargets.map((o) => o.organizationId),
    ).toEqual([world.company.id]);
    expect(
      (await courseOverview(await as("teacher"), library.course.id)).copyTargets.map((o) => o.organizationId),
    ).toEqual([world.school.id]);
    expect((await courseOverview(await as("apprentice"), library.course.id)).copyTargets).toEqual([]);
    expect((await courseOverview(await as("trainer"), companyCourse.course.id)).copyTargets).toEqual([]);
  });
});

describe("continue where you left off (home)", () => {
  test("nothing finished yet: null; then the course of the last finished lesson with its next open one", async () => {
    const person = await createMember(db, world.company.id, "apprentice");
    const ctx = await ctxFor(db, person.id);
    expect(await continueLearning(ctx)).toBeNull();

    const first = await createCourse(db, { owner: null });
    const second = await createCourse(db, { owner: null });
    await markLessonDone({
      ctx: { ...ctx, now: new Date(Date.now() - 60_000) },
      input: { lessonId: first.lessonIds[0] ?? "" },
    });
    await markLessonDone({ ctx, input: { lessonId: second.lessonIds[2] ?? "" } });
    expect(await continueLearning(ctx)).toMatchObject({
      courseId: second.course.id,
      percent: 25,
      next: { id: second.lessonIds[3], started: true },
    });
  });
});
