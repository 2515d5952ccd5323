import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";
import { attemptResult } from "#app/modules/quizzes/quiz-pages.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { questions } from "#db/schema/index.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

/**
 * The result page shows what was graded at submit, never a new grading: viewing costs no grading
 * work, and an answer key changed later does not rewrite an apprentice's record.
 */

const { db } = await openTestDatabase();
const world = await createWorld(db);

test("changing the answer key after submit changes neither marks nor feedback on the result page", async () => {
  const course = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
  const { quiz, questionIds } = await createQuiz(db, course.modules[0]?.id ?? "", {
    perPage: 5,
    review: "after-attempt",
    questions: [
      {
        key: "holz",
        type: "shorttext",
        prompt: "Welches Holz?",
        answers: [
          { text: "Eiche", feedback: "EICHE-RICHTIG" },
          { text: "*", weight: 0, feedback: "LEIDER-FALSCH" },
        ],
      },
      { key: "flaeche", type: "numeric", prompt: "Wie groß?", unit: "m²", answers: [{ value: 10 }] },
    ],
  });
  const ctx = await ctxFor(db, world.people.apprentice.id);
  const started = await startAttempt({ ctx, input: { quizId: quiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  const form = pageForm(
    slots,
    1,
    { holz: { text: "eiche" }, flaeche: { text: "10 cm" } },
    { revision: 0, intent: "submit" },
  );
  await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });

  const view = async () => {
    const result = await attemptResult(ctx, started.attemptId);
    if (!result.finished) throw new Error("not finished");
    const byType = (type: string) => result.questions.find((q) => q.type === type);
    return {
      points: result.attempt.points,
      holz: { fraction: byType("shorttext")?.fraction, feedback: byType("shorttext")?.feedback },
      flaeche: { fraction: byType("numeric")?.fraction, notice: byType("numeric")?.notice },
    };
  };
  const atSubmit = await view();
  expect(atSubmit).toEqual({
    points: 1,
    holz: { fraction: 1, feedback: ["EICHE-RICHTIG"] },
    flaeche: { fraction: 0, notice: "wrong-unit" },
  });

  // The author rewrites both keys: now "eiche" would be wrong and "10 cm" right.
  const holz: QuestionConfig = {
    type: "shorttext",
    caseSensitive: false,
    answers: [
      { text: "Buche", fraction: 1, feedback: "BUCHE-RICHTIG" },
      { text: "*", fraction: 0, feedback: "NEU-FALSCH" },
    ],
  };
  const flaeche: QuestionConfig = {
    type: "numeric",
    unit: "cm",
    answers: [{ value: 10, tolerance: 0, fraction: 1, feedback: "NEU-RICHTIG" }],
  };
  await db
    .update(questions)
    .set({ config: holz })
    .where(eq(questions.id, questionIds.holz ?? ""));
  await db
    .update(questions)
    .set({ config: flaeche })
    .where(eq(questions.id, questionIds.flaeche ?? ""));

  expect(await view()).toEqual(atSubmit);
});
