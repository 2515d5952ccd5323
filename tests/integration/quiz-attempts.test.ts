import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import type { quizQuestionFileSchema } from "#app/modules/library/quiz-file-schema.ts";
import { attemptAnswers, memberships, quizAttempts } from "#db/schema/index.ts";
import { courseOverview } from "#app/modules/courses/course-overview.server.ts";
import { saveAnswers, submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { attemptPage, attemptResult, quizOverview } from "#app/modules/quizzes/quiz-pages.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
await db
  .insert(memberships)
  .values([{ userId: world.people.apprentice.id, organizationId: world.school.id, role: "apprentice" }]);
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);

const questions: z.input<typeof quizQuestionFileSchema>[] = [
  {
    key: "schutzbrille",
    type: "single",
    prompt: "Wann trägst du die Schutzbrille?",
    choices: [
      { text: "Beim Schleifen", correct: true, feedback: "GEHEIM-FEEDBACK-RICHTIG" },
      { text: "Nur im Sommer", feedback: "GEHEIM-FEEDBACK-FALSCH" },
    ],
  },
  {
    key: "flaeche",
    type: "numeric",
    prompt: "Wie groß ist die Fläche von 2,5 m × 4 m?",
    unit: "m²",
    answers: [{ value: 10, tolerance: 0.05 }],
  },
  { key: "holzart", type: "shorttext", prompt: "Welches Holz ist hier gezeigt?", answers: [{ text: "GEHEIMESCHE" }] },
  { key: "bericht", type: "essay", prompt: "Beschreibe deinen Arbeitstag." },
];

const course = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
const moduleId = course.modules[0]?.id ?? "";
const { quiz } = await createQuiz(db, moduleId, { perPage: 2, attempts: 2, questions: [...questions] });

async function openAttempt(person: keyof typeof world.people) {
  const ctx = await as(person);
  const started = await startAttempt({ ctx, input: { quizId: quiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  return { ctx, attemptId: started.attemptId };
}

describe("taking a quiz", () => {
  test("start resumes the one open attempt instead of opening another", async () => {
    const ctx = await as("apprentice");
    const first = await startAttempt({ ctx, input: { quizId: quiz.id } });
    const again = await startAttempt({ ctx, input: { quizId: quiz.id } });
    expect(first.status).toBe("started");
    expect(again).toEqual({ status: "resumed", attemptId: (first as { attemptId: string }).attemptId });
    const [open] = await db
      .select({ n: count() })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, ctx.actor.id), eq(quizAttempts.status, "open")));
    expect(open?.n).toBe(1);
  });

  test("pages save answers, a stale revision writes nothing, submit grades and closes", async () => {
    const { ctx, attemptId } = await openAttempt("apprentice");
    const slots = await attemptSlots(db, attemptId);
    const page1 = pageForm(
      slots,
      1,
      { schutzbrille: { choice: 0 }, flaeche: { text: "10,0 m²" } },
      { revision: 0, intent: "next" },
    );
    expect(await saveAnswers({ ctx, input: { attemptId, revision: 0, page: 1, form: page1 } })).toEqual({
      status: "saved",
      revision: 1,
    });

    // The back button: page 1 again with the old revision and another answer.
    const stalePage = pageForm(slots, 1, { schutzbrille: { choice: 1 } }, { revision: 0, intent: "next" });
    expect(await saveAnswers({ ctx, input: { attemptId, revision: 0, page: 1, form: stalePage } })).toEqual({
      status: "stale",
      revision: 1,
    });

    const view = await attemptPage(ctx, attemptId, 1);
    const schutzbrille = view.questions.find((q) => q.title.startsWith("Wann"));
    expect(schutzbrille?.current.picked).toEqual([String(slots[0]?.displayOrder.indexOf(0))]);

    const page2 = pageForm(
      slots,
      2,
      { holzart: { text: "  geheimesche " }, bericht: { text: "Ich habe gehobelt." } },
      { revision: 1, intent: "submit" },
    );
    expect(await submitAttempt({ ctx, input: { attemptId, revision: 1, page: 2, form: page2 } })).toEqual({
      status: "submitted",
      revision: 2,
    });

    const result = await attemptResult(ctx, attemptId);
    if (!result.finished) throw new Error("not finished");
    // 3 of 4 points so far; the essay waits for a person, so "passed" is still open.
    expect(result.attempt).toMatchObject({ points: 3, maxPoints: 4, percent: 75, passed: null });
    expect(result.questions.find((q) => q.type === "essay")?.waiting).toBe(true);

    // A finished attempt cannot change: neither by a save, nor by another submit.
    const late = pageForm(slots, 1, { schutzbrille: { choice: 1 } }, { revision: 2, intent: "next" });
    expect(await saveAnswers({ ctx, input: { attemptId, revision: 2, page: 1, form: late } })).toEqual({
      status: "finished",
    });
    expect(await submitAttempt({ ctx, input: { attemptId, revision: 2, page: 1, form: late } })).toEqual({
      status: "finished",
    });
  });

  test("the attempt limit holds; the overview counts what is left", async () => {
    const { ctx, attemptId } = await openAttempt("apprentice");
    const slots = await attemptSlots(db, attemptId);
    await submitAttempt({
      ctx,
      input: { attemptId, revision: 0, page: 1, form: pageForm(slots, 1, {}, { revision: 0, intent: "submit" }) },
    });
    expect(await startAttempt({ ctx, input: { quizId: quiz.id } })).toEqual({ status: "no-attempts-left" });
    const overview = await quizOverview(ctx, quiz.id);
    expect(overview.attemptsLeft).toBe(0);
    expect(overview.attempts).toHaveLength(2);
  });

  test("the course page shows each module's quiz with the reader's best result", async () => {
    const apprentice = await courseOverview(await as("apprentice"), course.course.id);
    // Two finished attempts by now (75 % with an essay waiting, then an empty one): the best counts.
    expect(apprentice.modules[0]?.quiz).toMatchObject({ id: quiz.id, bestPercent: 75, passed: false });
    const colleague = await courseOverview(await as("admin"), course.course.id);
    expect(colleague.modules[0]?.quiz).toMatchObject({ id: quiz.id, bestPercent: null, passed: false });
  });

  test("the answer key is not in the page data of an open attempt", async () => {
    const { ctx, attemptId } = await openAttempt("trainer");
    const pages = [await attemptPage(ctx, attemptId, 1), await attemptPage(ctx, attemptId, 2)];
    const json = JSON.stringify(pages);
    for (const secret of ["GEHEIM", "fraction", "tolerance", "accepted", "correct", "feedback", "config"]) {
      expect(json).not.toContain(secret);
    }
    expect(json).toContain("Beim Schleifen"); // the choices themselves are there
  });
});

describe("other people's attempts", () => {
  test("another company's apprentice can neither see the quiz nor touch an attempt", async () => {
    const { attemptId } = await openAttempt("trainer");
    const stranger = await as("otherApprentice");
    await expect(quizOverview(stranger, quiz.id)).rejects.toThrow(NotFoundError);
    await expect(startAttempt({ ctx: stranger, input: { quizId: quiz.id } })).rejects.toThrow(NotFoundError);
    const slots = await attemptSlots(db, attemptId);
    const form = pageForm(slots, 1, { schutzbrille: { choice: 1 } }, { revision: 0, intent: "next" });
    await expect(saveAnswers({ ctx: stranger, input: { attemptId, revision: 0, page: 1, form } })).rejects.toThrow(
      NotFoundError,
    );
    await expect(attemptPage(stranger, attemptId, 1)).rejects.toThrow(NotFoundError);
    const [answered] = await db
      .select({ n: count(attemptAnswers.response) })
      .from(attemptAnswers)
      .where(eq(attemptAnswers.attemptId, attemptId));
    expect(answered?.n).toBe(0);
  });

  test("a colleague in the same company cannot open someone else's attempt either", async () => {
    const { attemptId } = await openAttempt("admin");
    await expect(attemptPage(await as("trainer"), attemptId, 1)).rejects.toThrow(NotFoundError);
    await expect(attemptResult(await as("trainer"), attemptId)).rejects.toThrow(NotFoundError);
  });
});

describe("concurrency", () => {
  test("20 concurrent submits of one attempt grade it exactly once", async () => {
    const course2 = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
    const { quiz: quiz2 } = await createQuiz(db, course2.modules[0]?.id ?? "", {
      perPage: 10,
      questions: [...questions],
    });
    const ctx = await as("apprentice");
    const started = await startAttempt({ ctx, input: { quizId: quiz2.id } });
    if (!("attemptId" in started)) throw new Error(started.status);
    const attemptId = started.attemptId;
    const slots = await attemptSlots(db, attemptId);
    const answers = { schutzbrille: { choice: 0 }, flaeche: { text: "10" }, holzart: { text: "Esche" } };
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const form = pageForm(slots, 1, answers, { revision: 0, intent: "submit" });
        return submitAttempt({ ctx: await ctxFor(db, ctx.actor.id), input: { attemptId, revision: 0, page: 1, form } });
      }),
    );
    expect(results.filter((r) => r.status === "submitted")).toHaveLength(1);
    expect(results.filter((r) => r.status === "finished")).toHaveLength(19);
    const [row] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    expect(row).toMatchObject({ status: "finished", revision: 1, points: 2, maxPoints: 4 });
  });

  test("two concurrent starts open one attempt", async () => {
    const course3 = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
    const { quiz: quiz3 } = await createQuiz(db, course3.modules[0]?.id ?? "", { questions: [...questions] });
    const ctx = await as("apprentice");
    const results = await Promise.all(
      Array.from({ length: 5 }, async () =>
        startAttempt({ ctx: await ctxFor(db, ctx.actor.id), input: { quizId: quiz3.id } }),
      ),
    );
    const ids = new Set(results.map((r) => ("attemptId" in r ? r.attemptId : r.status)));
    expect(ids.size).toBe(1);
  });
});
