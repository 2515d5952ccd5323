import { describe, expect, test } from "vitest";
import { quizQuestionFileSchema } from "#app/modules/library/quiz-file-schema.ts";
import { configFromFile } from "#app/modules/library/quiz-question-config.ts";
import {
  type LayoutQuestion,
  type LayoutSettings,
  type Random,
  layoutAttempt,
} from "#app/modules/quizzes/attempt-layout.ts";
import { type Grade, gradeResponse } from "#app/modules/quizzes/grading/grade-response.ts";
import { readNumber } from "#app/modules/quizzes/grading/number-input.ts";
import { type SlotMark, scoreAttempt } from "#app/modules/quizzes/grading/score-attempt.ts";
import { matchingOptions, type QuestionConfig, type QuestionResponse } from "#app/modules/quizzes/question-config.ts";

const unanswered: Grade = { fraction: 0, answered: false, feedback: [], notice: null };

/** Decimals a fraction that is no finite binary number (a third) is compared to: marks are stored rounded. */
const digits = 5;

/** A question as in quiz.yaml, turned into the stored config the same way the import does. */
function fromFile(question: Record<string, unknown>): QuestionConfig {
  return configFromFile(quizQuestionFileSchema.parse({ key: "frage", prompt: "Frage?", ...question }));
}

describe("single choice", () => {
  const config: QuestionConfig = {
    type: "single",
    choices: [
      { text: "Beim Schleifen und Bohren", fraction: 1, feedback: "Richtig." },
      { text: "Nur beim Schleifen", fraction: 0.5, feedback: "Nur zum Teil." },
      { text: "Nie", fraction: -0.5, feedback: "Gefährlich!" },
      { text: "Nur im Sommer", fraction: 0, feedback: "" },
    ],
  };

  test.each([
    { choice: 0, fraction: 1, feedback: ["Richtig."] },
    { choice: 1, fraction: 0.5, feedback: ["Nur zum Teil."] },
    // A negative weight never takes a question below 0, but the choice counts as answered.
    { choice: 2, fraction: 0, feedback: ["Gefährlich!"] },
    // An empty feedback is not shown as an empty line.
    { choice: 3, fraction: 0, feedback: [] },
  ])("choice $choice → $fraction", ({ choice, fraction, feedback }) => {
    expect(gradeResponse(config, { type: "single", choice })).toEqual({
      fraction,
      answered: true,
      feedback,
      notice: null,
    });
  });

  test.each([
    { label: "nothing chosen", choice: null },
    { label: "an index past the end", choice: 4 },
    { label: "a negative index", choice: -1 },
    { label: "a fractional index", choice: 1.5 },
  ])("$label is unanswered", ({ choice }) => {
    expect(gradeResponse(config, { type: "single", choice })).toEqual(unanswered);
  });

  test("quiz.yaml weights become fractions: correct = 100 %, weight in percent", () => {
    const fileConfig = fromFile({
      type: "single",
      choices: [{ text: "A", correct: true }, { text: "B", weight: 50 }, { text: "C", weight: -50 }, { text: "D" }],
    });
    const fractions = [0, 1, 2, 3].map((choice) => gradeResponse(fileConfig, { type: "single", choice }).fraction);
    expect(fractions).toEqual([1, 0.5, 0, 0]);
  });
});

describe("multiple choice", () => {
  const thirds: QuestionConfig = {
    type: "multiple",
    choices: [
      { text: "Messschieber", fraction: 1 / 3, feedback: "Misst Längen." },
      { text: "Hammer", fraction: -1 / 3, feedback: "Schlägt nur." },
      { text: "Bügelmessschraube", fraction: 1 / 3, feedback: "" },
      { text: "Winkelmesser", fraction: 1 / 3, feedback: "Misst Winkel." },
    ],
  };

  test.each([
    { ticked: [0, 2, 3], fraction: 1 },
    { ticked: [0, 2], fraction: 2 / 3 },
    { ticked: [3], fraction: 1 / 3 },
    { ticked: [0, 1, 2, 3], fraction: 2 / 3 },
    { ticked: [0, 1], fraction: 0 },
    { ticked: [1], fraction: 0 },
    // Ticked order does not matter.
    { ticked: [3, 0, 2], fraction: 1 },
  ])("partial credit: $ticked → $fraction", ({ ticked, fraction }) => {
    const grade = gradeResponse(thirds, { type: "multiple", choices: ticked });
    expect(grade.answered).toBe(true);
    expect(grade.fraction).toBeCloseTo(fraction, digits);
  });

  const penalised: QuestionConfig = {
    type: "multiple",
    choices: [
      { text: "Drehmoment einstellen", fraction: 0.5, feedback: "" },
      { text: "Bit prüfen", fraction: 0.5, feedback: "" },
      { text: "Akku kurz anwärmen", fraction: -0.25, feedback: "" },
      { text: "Mit nassen Händen arbeiten", fraction: -1, feedback: "" },
    ],
  };

  test.each([
    { ticked: [0, 1], fraction: 1 },
    { ticked: [0, 2], fraction: 0.25 },
    { ticked: [0, 1, 2], fraction: 0.75 },
    // Penalties take the sum below 0: it is clamped to 0.
    { ticked: [0, 3], fraction: 0 },
    { ticked: [0, 1, 2, 3], fraction: 0 },
    { ticked: [2], fraction: 0 },
    // A duplicate tick counts once (0.5, not 1).
    { ticked: [0, 0, 0], fraction: 0.5 },
    { ticked: [0, 1, 0, 1], fraction: 1 },
    // Ticks that are no choice are ignored.
    { ticked: [0, 9], fraction: 0.5 },
  ])("penalties: $ticked → $fraction", ({ ticked, fraction }) => {
    const grade = gradeResponse(penalised, { type: "multiple", choices: ticked });
    expect(grade.answered).toBe(true);
    expect(grade.fraction).toBeCloseTo(fraction, digits);
  });

  test("a sum above 1 is clamped to 1", () => {
    const generous: QuestionConfig = {
      type: "multiple",
      choices: [
        { text: "A", fraction: 0.75, feedback: "" },
        { text: "B", fraction: 0.75, feedback: "" },
      ],
    };
    expect(gradeResponse(generous, { type: "multiple", choices: [0, 1] }).fraction).toBe(1);
  });

  test.each([
    { label: "nothing ticked", ticked: [] },
    { label: "only ticks that are no choice", ticked: [7, -1] },
  ])("$label is unanswered", ({ ticked }) => {
    expect(gradeResponse(penalised, { type: "multiple", choices: ticked })).toEqual(unanswered);
  });

  test("feedback of each ticked choice, in the order of the choices, empty ones left out", () => {
    expect(gradeResponse(thirds, { type: "multiple", choices: [3, 1, 2, 0] }).feedback).toEqual([
      "Misst Längen.",
      "Schlägt nur.",
      "Misst Winkel.",
    ]);
    expect(gradeResponse(thirds, { type: "multiple", choices: [2] }).feedback).toEqual([]);
  });

  describe("from quiz.yaml (`correct` shares 100 %, a wrong tick costs as much)", () => {
    const twoRight = fromFile({
      type: "multiple",
      choices: [{ text: "A", correct: true }, { text: "B", correct: true }, { text: "C" }, { text: "D" }],
    });

    test.each([
      { ticked: [0, 1], fraction: 1 },
      { ticked: [0], fraction: 0.5 },
      { ticked: [0, 2], fraction: 0 },
      { ticked: [0, 1, 2, 3], fraction: 0 },
    ])("two right answers: $ticked → $fraction", ({ ticked, fraction }) => {
      expect(gradeResponse(twoRight, { type: "multiple", choices: ticked }).fraction).toBe(fraction);
    });

    const threeRight = fromFile({
      type: "multiple",
      choices: [
        { text: "Messschieber", correct: true },
        { text: "Bügelmessschraube", correct: true },
        { text: "Hammer" },
        { text: "Winkelmesser", correct: true },
      ],
    });

    test("three right answers ticked give full marks, exactly 1 (the result page shows < 1 as 'partly right')", () => {
      expect(gradeResponse(threeRight, { type: "multiple", choices: [0, 1, 3] }).fraction).toBe(1);
    });

    test("three right answers: 2 of 3 = 2/3", () => {
      expect(gradeResponse(threeRight, { type: "multiple", choices: [0, 3] }).fraction).toBeCloseTo(2 / 3, digits);
    });
  });
});

describe("true/false", () => {
  const isTrue: QuestionConfig = {
    type: "truefalse",
    correct: true,
    feedbackTrue: "Stimmt, es fliegen Funken.",
    feedbackFalse: "Doch: beim Trennschleifen fliegen Funken.",
  };
  const isFalse: QuestionConfig = { type: "truefalse", correct: false, feedbackTrue: "Nein, nie.", feedbackFalse: "" };

  test.each([
    { config: isTrue, value: true, fraction: 1, feedback: ["Stimmt, es fliegen Funken."] },
    { config: isTrue, value: false, fraction: 0, feedback: ["Doch: beim Trennschleifen fliegen Funken."] },
    { config: isFalse, value: true, fraction: 0, feedback: ["Nein, nie."] },
    { config: isFalse, value: false, fraction: 1, feedback: [] },
  ])("answer $value to a question that is $config.correct → $fraction", ({ config, value, fraction, feedback }) => {
    expect(gradeResponse(config, { type: "truefalse", value })).toEqual({
      fraction,
      answered: true,
      feedback,
      notice: null,
    });
  });

  test("no answer is unanswered", () => {
    expect(gradeResponse(isTrue, { type: "truefalse", value: null })).toEqual(unanswered);
    expect(gradeResponse(isFalse, { type: "truefalse", value: null })).toEqual(unanswered);
  });
});

describe("numeric", () => {
  const pi: QuestionConfig = {
    type: "numeric",
    unit: null,
    answers: [{ value: 3.14, tolerance: 0.005, fraction: 1, feedback: "Genau." }],
  };
  const numeric = (text: string): QuestionResponse => ({ type: "numeric", text });

  test.each([
    { text: "3,14", fraction: 1 },
    { text: "3,135", fraction: 1 },
    { text: "3,145", fraction: 1 },
    { text: "3.135", fraction: 1 },
    { text: "3.145", fraction: 1 },
    { text: "3,1451", fraction: 0 },
    { text: "3,1349", fraction: 0 },
    { text: "3,15", fraction: 0 },
    { text: "-3,14", fraction: 0 },
    { text: "  3,14  ", fraction: 1 },
    { text: "+3,14", fraction: 1 },
  ])("3,14 ± 0,005: $text → $fraction", ({ text, fraction }) => {
    const grade = gradeResponse(pi, numeric(text));
    expect(grade).toEqual({ fraction, answered: true, feedback: fraction === 1 ? ["Genau."] : [], notice: null });
  });

  describe("a range becomes value ± tolerance", () => {
    const range = fromFile({ type: "numeric", answers: [{ range: [9.5, 10.5] }] });
    const small = fromFile({ type: "numeric", answers: [{ range: [0.1, 0.3] }] });

    test("value is the middle, tolerance half the width", () => {
      expect(range).toEqual({
        type: "numeric",
        unit: null,
        answers: [{ value: 10, tolerance: 0.5, fraction: 1, feedback: "" }],
      });
    });

    test.each([
      { config: range, text: "9,5", fraction: 1 },
      { config: range, text: "10,5", fraction: 1 },
      { config: range, text: "10", fraction: 1 },
      { config: range, text: "9,49", fraction: 0 },
      { config: range, text: "10,51", fraction: 0 },
      // Both borders of a range that is not exact in binary.
      { config: small, text: "0,1", fraction: 1 },
      { config: small, text: "0,3", fraction: 1 },
      { config: small, text: "0,31", fraction: 0 },
      { config: small, text: "0,09", fraction: 0 },
    ])("$text → $fraction", ({ config, text, fraction }) => {
      expect(gradeResponse(config, numeric(text)).fraction).toBe(fraction);
    });
  });

  describe("reading numbers as typed on a German keyboard", () => {
    test.each([
      { text: "3,5", unit: null, value: 3.5 },
      { text: "3.5", unit: null, value: 3.5 },
      { text: "1.250,5", unit: null, value: 1250.5 },
      { text: "1 250,5", unit: null, value: 1250.5 },
      { text: "1\u00a0250,5", unit: null, value: 1250.5 },
      { text: "1.250.000", unit: null, value: 1250000 },
      { text: "-2,5", unit: null, value: -2.5 },
      { text: "−2,5", unit: null, value: -2.5 },
      { text: "- 2,5", unit: null, value: -2.5 },
      { text: ",5", unit: null, value: 0.5 },
      { text: "3,5 m²", unit: "m²", value: 3.5 },
      { text: "3,5m²", unit: "m²", value: 3.5 },
      { text: "3,5m2", unit: "m²", value: 3.5 },
      { text: "3,5 m^2", unit: "m²", value: 3.5 },
      { text: "1 250,5 m²", unit: "m²", value: 1250.5 },
      { text: "3,5", unit: "m²", value: 3.5 },
    ])("$text (unit $unit) = $value", ({ text, unit, value }) => {
      expect(readNumber(text, unit)).toMatchObject({ ok: true, value });
    });

    test.each([
      { text: "", unit: null, reason: "empty" },
      { text: "   ", unit: null, reason: "empty" },
      { text: "abc", unit: null, reason: "not-a-number" },
      { text: "3 4", unit: null, reason: "not-a-number" },
      { text: "1,2,3", unit: null, reason: "not-a-number" },
      { text: "12.34,5", unit: null, reason: "not-a-number" },
      { text: "3,5 m", unit: "m²", reason: "wrong-unit" },
      { text: "3,5 cm²", unit: "m²", reason: "wrong-unit" },
      // Without a unit on the question, text after the number makes it no number.
      { text: "3,5 m", unit: null, reason: "not-a-number" },
    ])("$text (unit $unit) is $reason", ({ text, unit, reason }) => {
      expect(readNumber(text, unit)).toEqual({ ok: false, reason });
    });
  });

  describe("units and notices in the grade", () => {
    const area: QuestionConfig = {
      type: "numeric",
      unit: "m²",
      answers: [{ value: 3.5, tolerance: 0, fraction: 1, feedback: "" }],
    };

    test.each(["3,5", "3.5", "3,5 m²", "3,5m2", "3,5 m^2", " 3,5 m² "])("%s is right", (text) => {
      expect(gradeResponse(area, numeric(text))).toEqual({ fraction: 1, answered: true, feedback: [], notice: null });
    });

    test.each([
      { text: "3,5 m", notice: "wrong-unit" },
      { text: "abc", notice: "not-a-number" },
      { text: "3 4", notice: "not-a-number" },
    ] as const)("$text → 0 with notice $notice", ({ text, notice }) => {
      expect(gradeResponse(area, numeric(text))).toEqual({ fraction: 0, answered: true, feedback: [], notice });
    });

    test.each(["", "   "])("%j is unanswered", (text) => {
      expect(gradeResponse(area, numeric(text))).toEqual(unanswered);
    });
  });

  describe("the first matching answer wins", () => {
    const answers: QuestionConfig = {
      type: "numeric",
      unit: null,
      answers: [
        { value: 10, tolerance: 0.05, fraction: 1, feedback: "Genau." },
        { value: 10, tolerance: 1, fraction: 0.5, feedback: "Fast." },
        { value: null, tolerance: 0, fraction: 0, feedback: "Rechne Länge mal Breite." },
      ],
    };

    test.each([
      { text: "10", fraction: 1, feedback: ["Genau."] },
      { text: "10,05", fraction: 1, feedback: ["Genau."] },
      { text: "10,5", fraction: 0.5, feedback: ["Fast."] },
      { text: "9", fraction: 0.5, feedback: ["Fast."] },
      // The catch-all answers every other number, with its feedback.
      { text: "12", fraction: 0, feedback: ["Rechne Länge mal Breite."] },
      { text: "-10", fraction: 0, feedback: ["Rechne Länge mal Breite."] },
    ])("$text → $fraction", ({ text, fraction, feedback }) => {
      expect(gradeResponse(answers, numeric(text))).toEqual({ fraction, answered: true, feedback, notice: null });
    });

    test("the catch-all does not answer what is no number", () => {
      expect(gradeResponse(answers, numeric("zehn"))).toEqual({
        fraction: 0,
        answered: true,
        feedback: [],
        notice: "not-a-number",
      });
    });

    test("order decides, not the best fraction", () => {
      const reversed: QuestionConfig = {
        type: "numeric",
        unit: null,
        answers: [
          { value: 10, tolerance: 1, fraction: 0.5, feedback: "Fast." },
          { value: 10, tolerance: 0, fraction: 1, feedback: "Genau." },
        ],
      };
      expect(gradeResponse(reversed, numeric("10"))).toEqual({
        fraction: 0.5,
        answered: true,
        feedback: ["Fast."],
        notice: null,
      });
    });

    test("quiz.yaml `other: true` is the catch-all: feedback for wrong numbers, no points unless weighted", () => {
      const implicit = fromFile({
        type: "numeric",
        answers: [{ value: 10 }, { other: true, feedback: "Länge mal Breite." }],
      });
      const explicit = fromFile({
        type: "numeric",
        answers: [{ value: 10 }, { other: true, weight: 0, feedback: "Länge mal Breite." }],
      });
      const wrong = { fraction: 0, answered: true, feedback: ["Länge mal Breite."], notice: null };
      expect(gradeResponse(explicit, numeric("12"))).toEqual(wrong);
      expect(gradeResponse(implicit, numeric("12"))).toEqual(wrong);
      expect(gradeResponse(implicit, numeric("10")).fraction).toBe(1);
    });

    test("without a catch-all a wrong number gets 0 and no feedback", () => {
      expect(gradeResponse(pi, numeric("2"))).toEqual({ fraction: 0, answered: true, feedback: [], notice: null });
    });
  });
});

describe("short text", () => {
  const saw: QuestionConfig = {
    type: "shorttext",
    caseSensitive: false,
    answers: [{ text: "Säge", fraction: 1, feedback: "Richtig." }],
  };
  const short = (config: QuestionConfig, text: string) => gradeResponse(config, { type: "shorttext", text });

  test.each([
    { text: "Säge", fraction: 1 },
    { text: "säge", fraction: 1 },
    { text: "SÄGE", fraction: 1 },
    { text: "  Säge \n", fraction: 1 },
    // ä typed as a + combining diaeresis (macOS, some phones).
    { text: "Sa\u0308ge", fraction: 1 },
    { text: "SA\u0308GE", fraction: 1 },
    { text: "Sage", fraction: 0 },
    { text: "Sägen", fraction: 0 },
    { text: "Sä ge", fraction: 0 },
  ])("Säge: $text → $fraction", ({ text, fraction }) => {
    expect(short(saw, text)).toEqual({
      fraction,
      answered: true,
      feedback: fraction === 1 ? ["Richtig."] : [],
      notice: null,
    });
  });

  test("an accepted answer written decomposed matches a composed response", () => {
    const decomposed: QuestionConfig = { ...saw, answers: [{ text: "Sa\u0308ge", fraction: 1, feedback: "" }] };
    expect(short(decomposed, "Säge").fraction).toBe(1);
    expect(short(decomposed, "säge").fraction).toBe(1);
  });

  test.each([
    { text: "japanische säge", fraction: 1 },
    { text: "  Japanische    Säge  ", fraction: 1 },
    { text: "Japanische\tSäge", fraction: 1 },
    { text: "Japanische\u00a0Säge", fraction: 1 },
    { text: "JapanischeSäge", fraction: 0 },
  ])("spaces trimmed and collapsed: $text → $fraction", ({ text, fraction }) => {
    const config: QuestionConfig = {
      type: "shorttext",
      caseSensitive: false,
      answers: [{ text: "Japanische Säge", fraction: 1, feedback: "" }],
    };
    expect(short(config, text).fraction).toBe(fraction);
  });

  test.each([
    { text: "Straße", fraction: 1 },
    { text: "straße", fraction: 1 },
    { text: "STRAẞE", fraction: 1 },
    // ß is a letter of its own, like ä: "ss" is another word.
    { text: "Strasse", fraction: 0 },
  ])("ß: $text → $fraction", ({ text, fraction }) => {
    const config: QuestionConfig = {
      type: "shorttext",
      caseSensitive: false,
      answers: [{ text: "Straße", fraction: 1, feedback: "" }],
    };
    expect(short(config, text).fraction).toBe(fraction);
  });

  test.each([
    { text: "mm", fraction: 1 },
    { text: " mm ", fraction: 1 },
    { text: "MM", fraction: 0 },
    { text: "Mm", fraction: 0 },
  ])("case sensitive: $text → $fraction", ({ text, fraction }) => {
    const config: QuestionConfig = {
      type: "shorttext",
      caseSensitive: true,
      answers: [{ text: "mm", fraction: 1, feedback: "" }],
    };
    expect(short(config, text).fraction).toBe(fraction);
  });

  test("case sensitive still composes umlauts", () => {
    const config: QuestionConfig = { ...saw, caseSensitive: true };
    expect(short(config, "Sa\u0308ge").fraction).toBe(1);
    expect(short(config, "säge").fraction).toBe(0);
  });

  test.each([
    { accepted: "*eiche", text: "Roteiche", fraction: 1 },
    { accepted: "*eiche", text: "Stieleiche", fraction: 1 },
    { accepted: "*eiche", text: "Eiche", fraction: 1 },
    { accepted: "*eiche", text: "ROT-EICHE", fraction: 1 },
    { accepted: "*eiche", text: "Eichen", fraction: 0 },
    { accepted: "Hobel*", text: "Hobelbank", fraction: 1 },
    { accepted: "Hobel*", text: "Schlichthobel", fraction: 0 },
    { accepted: "H*l", text: "Hobel", fraction: 1 },
    { accepted: "H*l", text: "Hobel mit Eisen", fraction: 0 },
    // Everything but * is literal, also characters that mean something in a regular expression.
    { accepted: "*.txt", text: "bericht.txt", fraction: 1 },
    { accepted: "*.txt", text: "berichtxtxt", fraction: 0 },
    { accepted: "(a+b)*", text: "(a+b)²", fraction: 1 },
    { accepted: "(a+b)*", text: "aab", fraction: 0 },
    // Without *, a dot is just a dot.
    { accepted: "a.c", text: "abc", fraction: 0 },
    // Several wildcards; a run of them is one; the whole answer must match.
    { accepted: "*a*b*", text: "xaybz", fraction: 1 },
    { accepted: "*a*b*", text: "ab", fraction: 1 },
    { accepted: "*a*b*", text: "ba", fraction: 0 },
    { accepted: "a**b", text: "ab", fraction: 1 },
    { accepted: "a*a", text: "a", fraction: 0 },
    { accepted: "a*a", text: "aa", fraction: 1 },
    { accepted: "ab*ba", text: "aba", fraction: 0 },
    { accepted: "*", text: "was auch immer", fraction: 1 },
    // \* is a literal asterisk (Moodle); any other backslash is a backslash.
    { accepted: "5\\*3", text: "5*3", fraction: 1 },
    { accepted: "5\\*3", text: "513", fraction: 0 },
    { accepted: "5\\*3", text: "5\\*3", fraction: 0 },
    { accepted: "*\\**", text: "a*b", fraction: 1 },
    { accepted: "*\\**", text: "ab", fraction: 0 },
    { accepted: "a\\***b", text: "a*xyzb", fraction: 1 },
    { accepted: "a\\***b", text: "axyzb", fraction: 0 },
    { accepted: "C:\\Werk*", text: "c:\\werkstatt", fraction: 1 },
    { accepted: "a\\\\*", text: "a\\*", fraction: 1 },
    { accepted: "a\\\\*", text: "a\\x", fraction: 0 },
  ])("wildcard $accepted: $text → $fraction", ({ accepted, text, fraction }) => {
    const config: QuestionConfig = {
      type: "shorttext",
      caseSensitive: false,
      answers: [{ text: accepted, fraction: 1, feedback: "" }],
    };
    expect(short(config, text).fraction).toBe(fraction);
  });

  describe("partial credit, first match wins", () => {
    const wood: QuestionConfig = {
      type: "shorttext",
      caseSensitive: false,
      answers: [
        { text: "Eiche", fraction: 1, feedback: "Richtig." },
        { text: "*eiche", fraction: 0.5, feedback: "Eine Eiche, aber welche?" },
        { text: "*", fraction: 0, feedback: "Schau dir die Maserung an." },
      ],
    };

    test.each([
      { text: "eiche", fraction: 1, feedback: ["Richtig."] },
      { text: "Stieleiche", fraction: 0.5, feedback: ["Eine Eiche, aber welche?"] },
      { text: "Buche", fraction: 0, feedback: ["Schau dir die Maserung an."] },
    ])("$text → $fraction", ({ text, fraction, feedback }) => {
      expect(short(wood, text)).toEqual({ fraction, answered: true, feedback, notice: null });
    });

    test("order decides, not the best fraction", () => {
      const reversed: QuestionConfig = {
        type: "shorttext",
        caseSensitive: false,
        answers: [
          { text: "*eiche", fraction: 0.5, feedback: "" },
          { text: "Eiche", fraction: 1, feedback: "" },
        ],
      };
      expect(short(reversed, "Eiche").fraction).toBe(0.5);
    });

    test("no match: 0 without feedback", () => {
      expect(short(saw, "Feile")).toEqual({ fraction: 0, answered: true, feedback: [], notice: null });
    });

    test.each(["", "   ", "\n\t"])("%j is unanswered, even with a catch-all", (text) => {
      expect(short(wood, text)).toEqual(unanswered);
    });
  });
});

describe("ordering", () => {
  const steps: QuestionConfig = { type: "ordering", items: ["Anreißen", "Körnen", "Bohren", "Entgraten"] };
  const ordering = (order: number[]) => gradeResponse(steps, { type: "ordering", order });

  test.each([
    { order: [0, 1, 2, 3], fraction: 1 },
    { order: [1, 0, 2, 3], fraction: 0.5 },
    { order: [0, 1, 3, 2], fraction: 0.5 },
    { order: [0, 3, 2, 1], fraction: 0.5 },
    { order: [0, 2, 3, 1], fraction: 0.25 },
    { order: [3, 2, 1, 0], fraction: 0 },
    { order: [1, 2, 3, 0], fraction: 0 },
  ])("$order → $fraction (by items in the right place)", ({ order, fraction }) => {
    expect(ordering(order)).toEqual({ fraction, answered: true, feedback: [], notice: null });
  });

  test("thirds", () => {
    const three: QuestionConfig = { type: "ordering", items: ["Messen", "Anreißen", "Sägen"] };
    expect(gradeResponse(three, { type: "ordering", order: [0, 2, 1] }).fraction).toBeCloseTo(1 / 3, digits);
  });

  test.each([
    { label: "too short", order: [0, 1, 2] },
    { label: "too long", order: [0, 1, 2, 3, 4] },
    { label: "a duplicate", order: [0, 1, 2, 2] },
    { label: "out of range", order: [0, 1, 2, 4] },
    { label: "negative", order: [-1, 0, 1, 2] },
    { label: "not whole numbers", order: [0, 1, 2.5, 3] },
    { label: "empty", order: [] },
  ])("an invalid permutation ($label) is unanswered", ({ order }) => {
    expect(ordering(order)).toEqual(unanswered);
  });
});

describe("matching", () => {
  const tools: QuestionConfig = {
    type: "matching",
    pairs: [
      { left: "Hammer", right: "Schlagen" },
      { left: "Feile", right: "Spanen" },
      { left: "Zange", right: "Greifen" },
    ],
    distractors: ["Schweißen"],
  };
  const matching = (matches: (string | null)[]) => gradeResponse(tools, { type: "matching", matches });

  test.each([
    { matches: ["Schlagen", "Spanen", "Greifen"], fraction: 1 },
    { matches: ["Schlagen", "Greifen", "Spanen"], fraction: 1 / 3 },
    { matches: ["Schlagen", "Spanen", null], fraction: 2 / 3 },
    { matches: ["Spanen", "Greifen", "Schlagen"], fraction: 0 },
    // The distractor is a choice: chosen, it counts as a wrong answer (answered, 0).
    { matches: ["Schweißen", null, null], fraction: 0 },
    { matches: ["Schweißen", "Schweißen", "Schweißen"], fraction: 0 },
    { matches: ["Schlagen", "Schweißen", "Greifen"], fraction: 2 / 3 },
  ])("$matches → $fraction", ({ matches, fraction }) => {
    const grade = matching(matches);
    expect(grade).toMatchObject({ answered: true, feedback: [], notice: null });
    expect(grade.fraction).toBeCloseTo(fraction, digits);
  });

  test.each([
    { label: "none chosen", matches: [null, null, null] },
    { label: "an empty list", matches: [] },
    { label: "only texts that are no option", matches: ["Bohren", null, "Nieten"] },
  ])("$label is unanswered", ({ matches }) => {
    expect(matching(matches)).toEqual(unanswered);
  });

  test("a short list leaves the missing rows unmatched", () => {
    expect(matching(["Schlagen"]).fraction).toBeCloseTo(1 / 3, digits);
  });

  test("two left texts may share one answer; it is offered once", () => {
    const shared: QuestionConfig = {
      type: "matching",
      pairs: [
        { left: "Buche", right: "Laubholz" },
        { left: "Eiche", right: "Laubholz" },
        { left: "Kiefer", right: "Nadelholz" },
      ],
      distractors: ["Laubholz"],
    };
    expect(matchingOptions(shared)).toEqual(["Laubholz", "Nadelholz"]);
    expect(gradeResponse(shared, { type: "matching", matches: ["Laubholz", "Laubholz", "Nadelholz"] }).fraction).toBe(
      1,
    );
  });
});

describe("essay and description", () => {
  const essay: QuestionConfig = { type: "essay" };
  const description: QuestionConfig = { type: "description" };

  test("an essay with text waits for a person", () => {
    expect(gradeResponse(essay, { type: "essay", text: "Heute habe ich gehobelt." })).toEqual({
      fraction: null,
      answered: true,
      feedback: [],
      notice: null,
    });
  });

  test.each(["", "   ", "\n\n\t"])("a blank essay %j is unanswered with 0", (text) => {
    expect(gradeResponse(essay, { type: "essay", text })).toEqual(unanswered);
  });

  test("a description is never graded and never answered", () => {
    const notGraded = { fraction: null, answered: false, feedback: [], notice: null };
    expect(gradeResponse(description, { type: "description" })).toEqual(notGraded);
    expect(gradeResponse(description, null)).toEqual(notGraded);
    expect(gradeResponse(description, { type: "essay", text: "x" })).toEqual(notGraded);
  });
});

describe("a response that does not fit the question", () => {
  const configs: QuestionConfig[] = [
    {
      type: "single",
      choices: [
        { text: "A", fraction: 1, feedback: "" },
        { text: "B", fraction: 0, feedback: "" },
      ],
    },
    {
      type: "multiple",
      choices: [
        { text: "A", fraction: 1, feedback: "" },
        { text: "B", fraction: 0, feedback: "" },
      ],
    },
    { type: "truefalse", correct: true, feedbackTrue: "", feedbackFalse: "" },
    { type: "numeric", unit: null, answers: [{ value: 1, tolerance: 0, fraction: 1, feedback: "" }] },
    { type: "shorttext", caseSensitive: false, answers: [{ text: "1", fraction: 1, feedback: "" }] },
    { type: "ordering", items: ["A", "B"] },
    {
      type: "matching",
      pairs: [
        { left: "A", right: "1" },
        { left: "B", right: "2" },
      ],
      distractors: [],
    },
    { type: "essay" },
  ];
  // Each response would earn something (or need grading) on a question of its own type.
  const responses: QuestionResponse[] = [
    { type: "single", choice: 0 },
    { type: "multiple", choices: [0] },
    { type: "truefalse", value: true },
    { type: "numeric", text: "1" },
    { type: "shorttext", text: "1" },
    { type: "ordering", order: [0, 1] },
    { type: "matching", matches: ["1", "2"] },
    { type: "essay", text: "1" },
  ];
  const mismatches = configs.flatMap((config) =>
    responses.filter((r) => r.type !== config.type).map((response) => ({ config, response })),
  );

  test("each response is worth something on its own type (sanity check of the table)", () => {
    configs.forEach((config, i) => {
      expect(gradeResponse(config, responses[i] ?? null).answered).toBe(true);
    });
  });

  test.each(mismatches)(
    "a $response.type response to a $config.type question is unanswered",
    ({ config, response }) => {
      expect(gradeResponse(config, response)).toEqual(unanswered);
    },
  );

  test.each(configs)("no response to a $type question is unanswered", (config) => {
    expect(gradeResponse(config, null)).toEqual(unanswered);
  });
});

describe("scoreAttempt", () => {
  const mark = (points: number, fraction: number | null): SlotMark => ({ points, fraction, graded: true });
  const description: SlotMark = { points: 0, fraction: null, graded: false };

  test.each([
    { label: "1 of 3", marks: [mark(1, 1), mark(1, 0), mark(1, 0)], points: 1, maxPoints: 3, percent: 33.3 },
    { label: "2 of 3", marks: [mark(1, 1), mark(1, 1), mark(1, 0)], points: 2, maxPoints: 3, percent: 66.7 },
    { label: "7 of 12", marks: [mark(7, 1), mark(5, 0)], points: 7, maxPoints: 12, percent: 58.3 },
    { label: "11 of 12", marks: [mark(11, 1), mark(1, 0)], points: 11, maxPoints: 12, percent: 91.7 },
    // Half a tenth rounds up.
    { label: "0,5 of 8", marks: [mark(1, 0.5), mark(7, 0)], points: 0.5, maxPoints: 8, percent: 6.3 },
    { label: "2,5 of 8", marks: [mark(5, 0.5), mark(3, 0)], points: 2.5, maxPoints: 8, percent: 31.3 },
    { label: "4,5 of 8", marks: [mark(4, 1), mark(4, 0.125)], points: 4.5, maxPoints: 8, percent: 56.3 },
    { label: "5 of 7", marks: [mark(5, 1), mark(2, 0)], points: 5, maxPoints: 7, percent: 71.4 },
    { label: "all", marks: [mark(2, 1), mark(3, 1)], points: 5, maxPoints: 5, percent: 100 },
    { label: "none", marks: [mark(2, 0), mark(3, 0)], points: 0, maxPoints: 5, percent: 0 },
  ])("percent to one decimal: $label → $percent", ({ marks, points, maxPoints, percent }) => {
    expect(scoreAttempt(marks, 50)).toMatchObject({ points, maxPoints, percent, complete: true });
  });

  test("percent of graded marks: 1/3 of 3 points + 1,5 of 5 = 2,5 of 8 = 31,25 % → 31,3", () => {
    const matching: QuestionConfig = {
      type: "matching",
      pairs: [
        { left: "Hammer", right: "Schlagen" },
        { left: "Feile", right: "Spanen" },
        { left: "Zange", right: "Greifen" },
      ],
      distractors: [],
    };
    const third = gradeResponse(matching, { type: "matching", matches: ["Schlagen", null, null] }).fraction;
    expect(scoreAttempt([mark(3, third), mark(5, 0.3)], 60)).toMatchObject({ maxPoints: 8, percent: 31.3 });
  });

  test("points are fraction × points per question", () => {
    expect(scoreAttempt([mark(3, 0.5), mark(2, 0.25), mark(1, 1)], 50)).toEqual({
      points: 3,
      maxPoints: 6,
      percent: 50,
      complete: true,
      passed: true,
    });
  });

  test("descriptions count neither for points nor for the maximum nor for completeness", () => {
    expect(scoreAttempt([description, mark(2, 0.5), { points: 5, fraction: 1, graded: false }], 50)).toEqual({
      points: 1,
      maxPoints: 2,
      percent: 50,
      complete: true,
      passed: true,
    });
  });

  test("a pending essay: ungraded counts as 0 for now, incomplete, passed open", () => {
    expect(scoreAttempt([mark(4, null), mark(6, 1)], 60)).toEqual({
      points: 6,
      maxPoints: 10,
      percent: 60,
      complete: false,
      passed: null,
    });
    expect(scoreAttempt([mark(4, null), mark(6, 0)], 60)).toMatchObject({ complete: false, passed: null });
  });

  test.each([
    { label: "exactly the pass mark passes", marks: [mark(3, 1), mark(2, 0)], passPercent: 60, passed: true },
    {
      label: "below the pass mark fails",
      marks: [mark(1, 0.95), mark(2, 1), mark(2, 0)],
      passPercent: 60,
      passed: false,
    },
    { label: "above passes", marks: [mark(4, 1), mark(1, 0)], passPercent: 60, passed: true },
    { label: "100 % needs everything", marks: [mark(4, 1), mark(1, 0.5)], passPercent: 100, passed: false },
    { label: "100 % with everything", marks: [mark(4, 1), mark(1, 1)], passPercent: 100, passed: true },
    { label: "0 % passes with nothing", marks: [mark(4, 0)], passPercent: 0, passed: true },
  ])("$label", ({ marks, passPercent, passed }) => {
    expect(scoreAttempt(marks, passPercent).passed).toBe(passed);
  });
});

/** mulberry32: a tiny seeded PRNG, good enough to make layouts reproducible. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("layoutAttempt", () => {
  const choice = (text: string, fraction: number) => ({ text, fraction, feedback: "" });
  const pool: LayoutQuestion[] = [
    { id: "intro", points: 0, config: { type: "description" } },
    {
      id: "single",
      points: 1,
      config: {
        type: "single",
        choices: [choice("A", 1), choice("B", 0), choice("C", 0), choice("D", 0), choice("E", 0)],
      },
    },
    {
      id: "multiple",
      points: 2,
      config: { type: "multiple", choices: [choice("A", 0.5), choice("B", 0.5), choice("C", -0.5), choice("D", 0)] },
    },
    { id: "steps", points: 4, config: { type: "ordering", items: ["1", "2", "3", "4"] } },
    { id: "pair", points: 1, config: { type: "ordering", items: ["erst", "dann"] } },
    {
      id: "tools",
      points: 3,
      config: {
        type: "matching",
        pairs: [
          { left: "Hammer", right: "Schlagen" },
          { left: "Feile", right: "Spanen" },
          { left: "Zange", right: "Greifen" },
        ],
        distractors: ["Schweißen"],
      },
    },
    { id: "tf", points: 1, config: { type: "truefalse", correct: true, feedbackTrue: "", feedbackFalse: "" } },
    {
      id: "number",
      points: 2,
      config: { type: "numeric", unit: null, answers: [{ value: 1, tolerance: 0, fraction: 1, feedback: "" }] },
    },
  ];
  const gradableIds = pool.filter((q) => q.config.type !== "description").map((q) => q.id);
  const settings: LayoutSettings = { shuffleQuestions: false, shuffleAnswers: false, drawCount: null, perPage: 3 };
  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);
  const identity = (length: number) => Array.from({ length }, (_, i) => i);
  const isPermutation = (order: number[], length: number) =>
    [...order].sort((a, b) => a - b).join() === identity(length).join();
  const slotOf = (slots: ReturnType<typeof layoutAttempt>, id: string) => {
    const slot = slots.find((s) => s.questionId === id);
    if (!slot) throw new Error(`${id} not laid out`);
    return slot;
  };

  test("without draw or shuffle: every question in order, pages by perPage, descriptions worth 0", () => {
    const slots = layoutAttempt(pool, settings, seeded(1));
    expect(slots.map((s) => [s.slot, s.questionId, s.page, s.maxPoints])).toEqual([
      [1, "intro", 1, 0],
      [2, "single", 1, 1],
      [3, "multiple", 1, 2],
      [4, "steps", 2, 4],
      [5, "pair", 2, 1],
      [6, "tools", 2, 3],
      [7, "tf", 3, 1],
      [8, "number", 3, 2],
    ]);
  });

  test.each([
    { perPage: 1, pages: [1, 2, 3, 4, 5, 6, 7, 8] },
    { perPage: 2, pages: [1, 1, 2, 2, 3, 3, 4, 4] },
    { perPage: 8, pages: [1, 1, 1, 1, 1, 1, 1, 1] },
    { perPage: 20, pages: [1, 1, 1, 1, 1, 1, 1, 1] },
  ])("perPage $perPage → pages $pages", ({ perPage, pages }) => {
    expect(layoutAttempt(pool, { ...settings, perPage }, seeded(2)).map((s) => s.page)).toEqual(pages);
  });

  test("the same seed gives the same layout", () => {
    const all = { shuffleQuestions: true, shuffleAnswers: true, drawCount: 4, perPage: 2 };
    expect(layoutAttempt(pool, all, seeded(42))).toEqual(layoutAttempt(pool, all, seeded(42)));
  });

  test("a draw takes N different gradable questions, keeps pool order, leaves out descriptions", () => {
    const drawnAtAll = new Set<string>();
    for (const seed of seeds) {
      const slots = layoutAttempt(pool, { ...settings, drawCount: 3, perPage: 2 }, seeded(seed));
      const ids = slots.map((s) => s.questionId);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      expect(ids).not.toContain("intro");
      expect(ids).toEqual(gradableIds.filter((id) => ids.includes(id)));
      expect(slots.map((s) => [s.slot, s.page])).toEqual([
        [1, 1],
        [2, 1],
        [3, 2],
      ]);
      for (const id of ids) drawnAtAll.add(id);
    }
    // The draw is random: over many attempts every question comes up.
    expect([...drawnAtAll].sort()).toEqual([...gradableIds].sort());
  });

  test("a draw larger than the pool takes every gradable question, still without descriptions", () => {
    const slots = layoutAttempt(pool, { ...settings, drawCount: 50 }, seeded(3));
    expect(slots.map((s) => s.questionId)).toEqual(gradableIds);
  });

  test("shuffled questions are a permutation of the pool, numbered and paged in the new order", () => {
    const orders = new Set<string>();
    for (const seed of seeds.slice(0, 50)) {
      const slots = layoutAttempt(pool, { ...settings, shuffleQuestions: true }, seeded(seed));
      expect([...slots.map((s) => s.questionId)].sort()).toEqual(pool.map((q) => q.id).sort());
      expect(slots.map((s) => s.slot)).toEqual(identity(8).map((i) => i + 1));
      expect(slots.map((s) => s.page)).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
      orders.add(slots.map((s) => s.questionId).join());
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  test.each([{ shuffleAnswers: false }, { shuffleAnswers: true }])(
    "ordering items never start in the correct order (shuffleAnswers $shuffleAnswers)",
    ({ shuffleAnswers }) => {
      for (const seed of seeds) {
        const slots = layoutAttempt(pool, { ...settings, shuffleAnswers }, seeded(seed));
        for (const [id, length] of [
          ["steps", 4],
          ["pair", 2],
        ] as const) {
          const order = slotOf(slots, id).displayOrder;
          expect(isPermutation(order, length)).toBe(true);
          expect(order).not.toEqual(identity(length));
        }
      }
    },
  );

  test.each([
    { label: "always 0", random: () => 0 },
    { label: "always almost 1", random: () => 0.999999 },
    { label: "always 0.5", random: () => 0.5 },
  ])("ordering is mixed even with a degenerate random ($label)", ({ random }) => {
    const slots = layoutAttempt(pool, settings, random);
    for (const [id, length] of [
      ["steps", 4],
      ["pair", 2],
    ] as const) {
      const order = slotOf(slots, id).displayOrder;
      expect(isPermutation(order, length)).toBe(true);
      expect(order).not.toEqual(identity(length));
    }
  });

  test("matching options (with distractors) are shuffled even when answers are not", () => {
    const seen = new Set<string>();
    for (const seed of seeds) {
      const order = slotOf(layoutAttempt(pool, settings, seeded(seed)), "tools").displayOrder;
      expect(isPermutation(order, 4)).toBe(true);
      seen.add(order.join());
    }
    // Not one fixed order: many of the 24 arrangements occur.
    expect(seen.size).toBeGreaterThan(12);
  });

  test("choices keep authoring order when shuffleAnswers is false", () => {
    for (const seed of seeds) {
      const slots = layoutAttempt(pool, settings, seeded(seed));
      expect(slotOf(slots, "single").displayOrder).toEqual(identity(5));
      expect(slotOf(slots, "multiple").displayOrder).toEqual(identity(4));
      expect(slotOf(slots, "tf").displayOrder).toEqual([]);
      expect(slotOf(slots, "number").displayOrder).toEqual([]);
      expect(slotOf(slots, "intro").displayOrder).toEqual([]);
    }
  });

  test("choices are shuffled when shuffleAnswers is true", () => {
    const seen = new Set<string>();
    for (const seed of seeds) {
      const slots = layoutAttempt(pool, { ...settings, shuffleAnswers: true }, seeded(seed));
      const order = slotOf(slots, "single").displayOrder;
      expect(isPermutation(order, 5)).toBe(true);
      expect(isPermutation(slotOf(slots, "multiple").displayOrder, 4)).toBe(true);
      seen.add(order.join());
    }
    expect(seen.size).toBeGreaterThan(20);
  });
});
