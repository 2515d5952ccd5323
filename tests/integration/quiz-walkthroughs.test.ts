import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { asc, eq } from "drizzle-orm";
import { parse } from "yaml";
import { beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { quizFileSchema } from "#app/modules/library/quiz-file-schema.ts";
import { saveAnswers, submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { attemptResult } from "#app/modules/quizzes/quiz-pages.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { attemptAnswers, questions } from "#db/schema/index.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

/**
 * Attempt walkthroughs (like Moodle's CSV walkthroughs): each file in
 * tests/fixtures/quiz-walkthroughs holds a quiz in the quiz.yaml format and attempts with the
 * answers an apprentice gives (in authoring terms) and the marks they must earn. Every attempt is
 * replayed through the real start, save and submit, with the form a browser would post.
 */

const answerSchema = z.union([
  z.strictObject({ choice: z.int().min(0) }),
  z.strictObject({ choices: z.array(z.int().min(0)).min(1) }),
  z.strictObject({ value: z.boolean() }),
  z.strictObject({ text: z.string() }),
  z.strictObject({ order: z.array(z.int().min(0)).min(2) }),
  z.strictObject({ matches: z.array(z.string().min(1).nullable()).min(1) }),
]);

const attemptSchema = z.strictObject({
  /** Shown in the test name. */
  name: z.string().min(1).optional(),
  answers: z.record(z.string(), answerSchema),
  /** Pages saved in this order; the last one is submitted with "Abgeben". Default: all, ascending. */
  pages: z.array(z.int().min(1)).min(1).optional(),
  expect: z.strictObject({
    /** Earned points per gradable question; null = waiting for a person. */
    marks: z.record(z.string(), z.number().min(0).nullable()),
    points: z.number().min(0),
    percent: z.number().min(0).max(100),
    passed: z.boolean().nullable(),
  }),
});

const walkthroughSchema = z
  .strictObject({ quiz: quizFileSchema, attempts: z.array(attemptSchema).min(1) })
  .superRefine(({ quiz, attempts }, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    // A draw would make the questions of an attempt random; the marks name every question.
    if (quiz.draw !== undefined) issue(["quiz", "draw"], "walkthroughs cannot use draw");
    if (typeof quiz.attempts === "number" && attempts.length > quiz.attempts)
      issue(["attempts"], `more attempts than the quiz allows (${quiz.attempts})`);
    const types = new Map(quiz.questions.map((q) => [q.key, q.type]));
    const gradable = quiz.questions.filter((q) => q.type !== "description");
    const pageCount = Math.ceil(quiz.questions.length / quiz.perPage);
    attempts.forEach((attempt, i) => {
      for (const key of Object.keys(attempt.answers)) {
        const type = types.get(key);
        if (!type || type === "description") issue(["attempts", i, "answers", key], "no gradable question");
      }
      const marked = Object.keys(attempt.expect.marks).sort();
      const expected = gradable.map((q) => q.key).sort();
      if (marked.join() !== expected.join())
        issue(["attempts", i, "expect", "marks"], `marks for exactly ${expected.join(", ")}`);
      for (const [key, mark] of Object.entries(attempt.expect.marks)) {
        const question = gradable.find((q) => q.key === key);
        if (question && mark !== null && mark > question.points)
          issue(["attempts", i, "expect", "marks", key], "too many");
        if (question && mark === null && question.type !== "essay")
          issue(["attempts", i, "expect", "marks", key], "only an essay can wait for grading");
      }
      for (const page of attempt.pages ?? []) {
        if (page > pageCount) issue(["attempts", i, "pages"], `page ${page} of ${pageCount}`);
      }
    });
  });

type Walkthrough = z.infer<typeof walkthroughSchema>;

const folder = fileURLToPath(new URL("../fixtures/quiz-walkthroughs/", import.meta.url));
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => ({ name, parsed: walkthroughSchema.safeParse(parse(readFileSync(`${folder}${name}`, "utf8"))) }));

const { db } = await openTestDatabase();
const world = await createWorld(db);
const apprenticeId = world.people.apprentice.id;

/**
 * Points compared to 4 decimals: stored fractions are rounded (a third is 0.333333), so 1/3 of
 * 3 points may be stored as 0.999999. Percent and passed are compared exactly.
 */
const points = (value: number) => Math.round(value * 1e4) / 1e4;

test("there are walkthroughs", () => {
  expect(files.length).toBeGreaterThanOrEqual(4);
});

describe.each(files)("$name", ({ parsed }) => {
  if (!parsed.success) {
    test("is a valid walkthrough file", () => {
      throw new Error(z.prettifyError(parsed.error));
    });
    return;
  }
  const walkthrough: Walkthrough = parsed.data;
  let quizId = "";

  beforeAll(async () => {
    const course = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
    const created = await createQuiz(db, course.modules[0]?.id ?? "", walkthrough.quiz);
    quizId = created.quiz.id;
  });

  const attempts = walkthrough.attempts.map((attempt, i) => ({
    ...attempt,
    label: `Versuch ${i + 1}${attempt.name ? `: ${attempt.name}` : ""}`,
  }));

  test.each(attempts)("$label", async (attempt) => {
    const ctx = await ctxFor(db, apprenticeId);
    const started = await startAttempt({ ctx, input: { quizId } });
    // A new attempt every time: an earlier one left open would make this one resume it.
    expect(started.status).toBe("started");
    if (!("attemptId" in started)) return;
    const { attemptId } = started;

    const slots = await attemptSlots(db, attemptId);
    const pageCount = Math.max(...slots.map((s) => s.page));
    const pages = attempt.pages ?? Array.from({ length: pageCount }, (_, i) => i + 1);
    let revision = 0;
    for (const [i, page] of pages.entries()) {
      const last = i === pages.length - 1;
      const form = pageForm(slots, page, attempt.answers, { revision, intent: last ? "submit" : "next" });
      const input = { attemptId, revision, page, form };
      const result = last ? await submitAttempt({ ctx, input }) : await saveAnswers({ ctx, input });
      expect(result).toEqual({ status: last ? "submitted" : "saved", revision: revision + 1 });
      revision += 1;
    }

    const rows = await db
      .select({
        key: questions.key,
        type: questions.type,
        fraction: attemptAnswers.fraction,
        maxPoints: attemptAnswers.maxPoints,
        needsGrading: attemptAnswers.needsGrading,
      })
      .from(attemptAnswers)
      .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
      .where(eq(attemptAnswers.attemptId, attemptId))
      .orderBy(asc(attemptAnswers.slot));
    const gradable = rows.filter((row) => row.type !== "description");
    const result = await attemptResult(ctx, attemptId);
    if (!result.finished) throw new Error("attempt not finished after submit");

    const actual = {
      marks: Object.fromEntries(
        gradable.map((row) => [row.key, row.fraction === null ? null : points(row.fraction * row.maxPoints)]),
      ),
      points: points(result.attempt.points),
      percent: result.attempt.percent,
      passed: result.attempt.passed,
    };
    const expected = {
      ...attempt.expect,
      marks: Object.fromEntries(
        Object.entries(attempt.expect.marks).map(([key, mark]) => [key, mark === null ? null : points(mark)]),
      ),
      points: points(attempt.expect.points),
    };
    expect.soft(actual).toEqual(expected);

    // Full marks are stored as exactly 1: the result page calls anything less "partly right".
    const full = gradable.filter((row) => attempt.expect.marks[row.key] === row.maxPoints);
    expect
      .soft(Object.fromEntries(full.map((row) => [row.key, row.fraction])), "fractions of full marks")
      .toEqual(Object.fromEntries(full.map((row) => [row.key, 1])));

    // Exactly the essays with text wait for a person.
    expect
      .soft(gradable.filter((row) => row.needsGrading).map((row) => row.key))
      .toEqual(gradable.filter((row) => attempt.expect.marks[row.key] === null).map((row) => row.key));
    // Descriptions are never graded.
    for (const row of rows.filter((r) => r.type === "description")) expect.soft(row.fraction).toBeNull();
  });
});
