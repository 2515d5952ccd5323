import { describe, expect, test } from "vitest";
import { gradeResponse } from "#app/modules/quizzes/grading/grade-response.ts";
import { readNumber } from "#app/modules/quizzes/grading/number-input.ts";
import { shortTextMatches } from "#app/modules/quizzes/grading/short-text.ts";
import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";

/**
 * Grading runs in the one Node process that serves every organisation: no answer may hold it up.
 * An answer is at most 20,000 characters (the form reader cuts it there), an accepted answer at
 * most 1000, a question has at most 20 accepted answers. Each case is the worst we could build
 * for a backtracking matcher; the bound is far above what a linear matcher needs.
 */
const ANSWER_LIMIT = 20_000;
const BOUND_MS = 50;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const a20k = "a".repeat(ANSWER_LIMIT);
/** Many wildcards, each piece nearly matching everywhere, and a last character that never does. */
const manyStars = `*${"a*".repeat(499)}!`;
/** Long pieces of a's ending in b, between wildcards: a naive search compares each piece almost fully. */
const longPieces = `*${`${"a".repeat(90)}b*`.repeat(10)}`;

describe("short-answer wildcards take linear time", () => {
  test.each([
    { name: "the reported pattern *a*a*!", pattern: "*a*a*!", text: a20k },
    { name: "500 wildcards", pattern: manyStars, text: a20k },
    { name: "long near-miss pieces", pattern: longPieces, text: a20k },
    { name: "matching at the very end", pattern: manyStars, text: `${"a".repeat(ANSWER_LIMIT - 1)}!` },
    { name: "spaces to collapse", pattern: "* *a*!", text: " a".repeat(ANSWER_LIMIT / 2) },
  ])("$name against 20,000 characters: under 50 ms", ({ pattern, text }) => {
    for (const caseSensitive of [false, true]) {
      expect(timed(() => shortTextMatches(text, pattern, caseSensitive))).toBeLessThan(BOUND_MS);
    }
  });

  test("the worst match is still found where it exists", () => {
    expect(shortTextMatches(`${"a".repeat(ANSWER_LIMIT - 1)}!`, manyStars, false)).toBe(true);
    expect(shortTextMatches(a20k, manyStars, false)).toBe(false);
  });

  test("a question with 20 such accepted answers grades 20,000 characters in under 50 ms", () => {
    const config: QuestionConfig = {
      type: "shorttext",
      caseSensitive: false,
      answers: Array.from({ length: 20 }, (_, i) => ({
        text: i % 2 === 0 ? manyStars : longPieces,
        fraction: 1,
        feedback: "",
      })),
    };
    let fraction: number | null = null;
    const ms = timed(() => {
      fraction = gradeResponse(config, { type: "shorttext", text: a20k }).fraction;
    });
    expect(fraction).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe("reading a number takes bounded time", () => {
  test.each([
    { name: "digits and spaces, then a line break", text: `${" 1".repeat(ANSWER_LIMIT / 2)}x\n1` },
    { name: "digits and points", text: `${"1.".repeat(ANSWER_LIMIT / 2)}\n` },
    { name: "digits and commas", text: `${"1,".repeat(ANSWER_LIMIT / 2)}\nx` },
    { name: "a sign and spaces", text: `-${" ".repeat(ANSWER_LIMIT - 3)}.\n` },
  ])("$name, 20,000 characters: under 50 ms and not a number", ({ text }) => {
    let reading: ReturnType<typeof readNumber> | null = null;
    const ms = timed(() => {
      reading = readNumber(text, "m");
    });
    expect(reading).toEqual({ ok: false, reason: "not-a-number" });
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
