import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { attemptAnswers, quizAttempts } from "#db/schema/index.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { gradeEssay } from "#app/modules/quizzes/grade-essay.server.ts";
import { essayForGrading, gradingQueue, gradingQueueCount } from "#app/modules/quizzes/grading-queue.server.ts";
import { attemptResult } from "#app/modules/quizzes/quiz-pages.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);

// A library quiz: apprentices of both companies take the same one.
const course = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 1 });
const { quiz } = await createQuiz(db, course.modules[0]?.id ?? "", {
  passPercent: 50,
  questions: [
    { key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true },
    { key: "bericht", type: "essay", prompt: "Was hast du diese Woche gelernt?", points: 3 },
  ],
});

async function submitted(person: "apprentice" | "otherApprentice", essay: string) {
  const ctx = await as(person);
  const started = await startAttempt({ ctx, input: { quizId: quiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  const form = pageForm(
    slots,
    1,
    { holz: { value: false }, bericht: { text: essay } },
    { revision: 0, intent: "submit" },
  );
  await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });
  const slot = slots.find((s) => s.key === "bericht")?.slot ?? 0;
  return { attemptId: started.attemptId, slot };
}

const mine = await submitted("apprentice", "Ich habe Schwalbenschwänze gesägt.");
const theirs = await submitted("otherApprentice", "Ich habe Dosen gesetzt.");

describe("the grading queue", () => {
  test("a trainer sees the essays of their own apprentices only", async () => {
    const queue = await gradingQueue(await as("trainer"));
    const ids = queue.map((row) => row.attemptId);
    expect(ids).toContain(mine.attemptId);
    expect(ids).not.toContain(theirs.attemptId);
    expect(await gradingQueueCount(await as("otherTrainer"))).toBeGreaterThanOrEqual(1);
    expect((await gradingQueue(await as("otherTrainer"))).map((r) => r.attemptId)).not.toContain(mine.attemptId);
  });

  test("a teacher sees the essays of the students in their school's classes, from both companies", async () => {
    const ids = (await gradingQueue(await as("teacher"))).map((row) => row.attemptId);
    expect(ids).toEqual(expect.arrayContaining([mine.attemptId, theirs.attemptId]));
    const otherSchool = (await gradingQueue(await as("otherTeacher"))).map((row) => row.attemptId);
    expect(otherSchool).not.toContain(mine.attemptId);
    expect(otherSchool).not.toContain(theirs.attemptId);
  });

  test("apprentices and admins have no queue", async () => {
    await expect(gradingQueue(await as("apprentice"))).rejects.toThrow(ForbiddenError);
    await expect(gradingQueue(await as("admin"))).rejects.toThrow(ForbiddenError);
  });
});

describe("grading an essay", () => {
  test("someone else's trainer can neither read nor grade it, and nothing changes", async () => {
    const stranger = await as("otherTrainer");
    await expect(essayForGrading(stranger, mine.attemptId, mine.slot)).rejects.toThrow(NotFoundError);
    await expect(
      gradeEssay({ ctx: stranger, input: { attemptId: mine.attemptId, slot: mine.slot, points: 3, comment: "" } }),
    ).rejects.toThrow(NotFoundError);
    const [answer] = await db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, mine.attemptId));
    expect(answer?.gradedBy ?? null).toBeNull();
  });

  test("grading sets points, comment, score and pass state together; the apprentice sees them", async () => {
    const trainer = await as("trainer");
    const essay = await essayForGrading(trainer, mine.attemptId, mine.slot);
    expect(essay.text).toBe("Ich habe Schwalbenschwänze gesägt.");
    expect(
      await gradeEssay({ ctx: trainer, input: { attemptId: mine.attemptId, slot: mine.slot, points: 4, comment: "" } }),
    ).toEqual({ status: "too-many-points", maxPoints: 3 });
    const graded = await gradeEssay({
      ctx: trainer,
      input: { attemptId: mine.attemptId, slot: mine.slot, points: 2.5, comment: "Gut beschrieben, Werkzeug fehlt." },
    });
    // Wrong true/false (0 of 1) plus 2.5 of 3 = 2.5 of 4 = 62.5 %, pass mark 50 %.
    expect(graded).toEqual({ status: "graded", percent: 62.5, passed: true });
    const [attempt] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, mine.attemptId));
    expect(attempt).toMatchObject({ points: 2.5, percent: 62.5, passed: true });
    expect(attempt?.gradedAt).not.toBeNull();

    const result = await attemptResult(await as("apprentice"), mine.attemptId);
    if (!result.finished) throw new Error("not finished");
    const essayResult = result.questions.find((q) => q.type === "essay");
    expect(essayResult).toMatchObject({
      earned: 2.5,
      waiting: false,
      graderComment: "Gut beschrieben, Werkzeug fehlt.",
    });
    expect((await gradingQueue(trainer)).map((r) => r.attemptId)).not.toContain(mine.attemptId);
  });

  test("a teacher of the class may grade, and grading again corrects the mark", async () => {
    const teacher = await as("teacher");
    const graded = await gradeEssay({
      ctx: teacher,
      input: { attemptId: theirs.attemptId, slot: theirs.slot, points: 1, comment: "" },
    });
    // 1 of 4 = 25 %: not passed.
    expect(graded).toEqual({ status: "graded", percent: 25, passed: false });
    const again = await gradeEssay({
      ctx: teacher,
      input: { attemptId: theirs.attemptId, slot: theirs.slot, points: 3, comment: "Nachgebessert" },
    });
    expect(again).toEqual({ status: "graded", percent: 75, passed: true });
  });
});
