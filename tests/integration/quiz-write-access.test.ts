import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { saveAnswers, submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { attemptPage, attemptResult } from "#app/modules/quizzes/quiz-pages.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { writeLibraryQuiz } from "#app/modules/quizzes/write-quiz.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { attemptAnswers, courseModules, courses, memberships, questions, quizAttempts } from "#db/schema/index.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createMember, ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

/**
 * Writing to an attempt needs what reading it needs: the quiz's course must still be readable
 * for the apprentice. A course unpublished, a membership ended or a module archived after the
 * start refuses saving and submitting with "not found", and nothing is written.
 */

const { db } = await openTestDatabase();
const world = await createWorld(db);

/** A fresh apprentice of the world's company with an open attempt on a new course's quiz. */
async function openAttempt(owner: string | null = world.company.id) {
  const apprentice = await createMember(db, world.company.id, "apprentice");
  const course = await createCourse(db, { owner, modules: 1, lessonsPerModule: 1 });
  const moduleId = course.modules[0]?.id ?? "";
  const { quiz, questionIds } = await createQuiz(db, moduleId, {
    perPage: 1,
    questions: [
      { key: "holz", type: "shorttext", prompt: "Welches Holz?", answers: [{ text: "Eiche" }] },
      { key: "brille", type: "truefalse", prompt: "Schutzbrille beim Schleifen?", answer: true },
    ],
  });
  const ctx = await ctxFor(db, apprentice.id);
  const started = await startAttempt({ ctx, input: { quizId: quiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  return { apprentice, course, moduleId, quiz, questionIds, attemptId: started.attemptId, slots };
}

type Opened = Awaited<ReturnType<typeof openAttempt>>;

function inputs(opened: Opened) {
  const save = {
    attemptId: opened.attemptId,
    revision: 0,
    page: 1,
    form: pageForm(opened.slots, 1, { holz: { text: "Eiche" } }, { revision: 0, intent: "next" }),
  };
  const submit = {
    ...save,
    form: pageForm(opened.slots, 1, { holz: { text: "Eiche" } }, { revision: 0, intent: "submit" }),
  };
  return { save, submit };
}

/** The attempt and its answers exactly as they are in the database. */
async function stored(attemptId: string) {
  const [attempt] = await db
    .select({ status: quizAttempts.status, revision: quizAttempts.revision, points: quizAttempts.points })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, attemptId));
  const answers = await db
    .select({ response: attemptAnswers.response, fraction: attemptAnswers.fraction })
    .from(attemptAnswers)
    .where(eq(attemptAnswers.attemptId, attemptId));
  return { attempt, answers };
}

async function expectWritesRefused(opened: Opened) {
  const ctx = await ctxFor(db, opened.apprentice.id);
  const before = await stored(opened.attemptId);
  const { save, submit } = inputs(opened);
  await expect(saveAnswers({ ctx, input: save })).rejects.toBeInstanceOf(NotFoundError);
  await expect(submitAttempt({ ctx, input: submit })).rejects.toBeInstanceOf(NotFoundError);
  await expect(startAttempt({ ctx, input: { quizId: opened.quiz.id } })).rejects.toBeInstanceOf(NotFoundError);
  // Reading is refused the same way: one rule for both.
  await expect(attemptPage(ctx, opened.attemptId, 1)).rejects.toBeInstanceOf(NotFoundError);
  const after = await stored(opened.attemptId);
  expect(after).toEqual(before);
  expect(after.attempt).toEqual({ status: "open", revision: 0, points: null });
  expect(after.answers.every((answer) => answer.response === null && answer.fraction === null)).toBe(true);
}

describe("after the start, writes are refused like reads", () => {
  test.each(["draft", "archived"] as const)("the course is set to %s", async (status) => {
    const opened = await openAttempt();
    await db.update(courses).set({ status }).where(eq(courses.id, opened.course.course.id));
    await expectWritesRefused(opened);
  });

  test("a library course is unpublished", async () => {
    const opened = await openAttempt(null);
    await db.update(courses).set({ status: "draft" }).where(eq(courses.id, opened.course.course.id));
    await expectWritesRefused(opened);
  });

  test("the apprentice left the company that owns the course", async () => {
    const opened = await openAttempt();
    await db
      .delete(memberships)
      .where(and(eq(memberships.userId, opened.apprentice.id), eq(memberships.organizationId, world.company.id)));
    await expectWritesRefused(opened);
  });

  test("the quiz's module is archived", async () => {
    const opened = await openAttempt();
    await db.update(courseModules).set({ archivedAt: new Date() }).where(eq(courseModules.id, opened.moduleId));
    await expectWritesRefused(opened);
  });

  test("while the course is readable, the same writes go through", async () => {
    const opened = await openAttempt();
    const ctx = await ctxFor(db, opened.apprentice.id);
    const { save } = inputs(opened);
    expect(await saveAnswers({ ctx, input: save })).toEqual({ status: "saved", revision: 1 });
  });
});

describe("archived questions do not strand an open attempt", () => {
  test("a question archived during the attempt is still answered and graded as it was", async () => {
    const opened = await openAttempt();
    const holz = opened.questionIds.holz ?? "";
    await db.update(questions).set({ archivedAt: new Date() }).where(eq(questions.id, holz));
    const ctx = await ctxFor(db, opened.apprentice.id);
    const { submit } = inputs(opened);
    expect(await submitAttempt({ ctx, input: submit })).toEqual({ status: "submitted", revision: 1 });
    const result = await attemptResult(ctx, opened.attemptId);
    if (!result.finished) throw new Error("not finished");
    expect(result.attempt).toMatchObject({ points: 1, maxPoints: 2 });
  });

  test("a quiz taken out of the library: the open attempt can be finished, no new one starts", async () => {
    const opened = await openAttempt(null);
    await writeLibraryQuiz(db, opened.moduleId, null, new Date());
    const ctx = await ctxFor(db, opened.apprentice.id);
    const { submit } = inputs(opened);
    expect(await submitAttempt({ ctx, input: submit })).toEqual({ status: "submitted", revision: 1 });
    expect(await startAttempt({ ctx, input: { quizId: opened.quiz.id } })).toEqual({ status: "empty" });
  });
});
