import { describe, expect, test } from "vitest";
import { exportGift } from "#app/modules/quizzes/gift/export-gift.ts";
import type { GiftExportQuestion, GiftQuestion } from "#app/modules/quizzes/gift/gift-types.ts";
import { parseGift } from "#app/modules/quizzes/gift/parse-gift.ts";
import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";

function question(config: QuestionConfig, extra: Partial<GiftExportQuestion> = {}): GiftExportQuestion {
  return {
    title: "Frage",
    promptMarkdown: "Was gilt?",
    generalFeedbackMarkdown: null,
    points: config.type === "description" ? 0 : 1,
    config,
    ...extra,
  };
}

/** Export, read back, and compare what GIFT promises to keep. */
function roundTrip(q: GiftExportQuestion): GiftQuestion {
  const { text, notes } = exportGift([q]);
  const { questions, problems } = parseGift(text);
  expect(problems, text).toEqual([]);
  expect(notes).toEqual([]);
  expect(questions).toHaveLength(1);
  const read = questions[0] as GiftQuestion;
  expect(read.config, text).toEqual(q.config);
  expect(read.title).toBe(q.title);
  expect(read.prompt).toEqual({ format: "markdown", text: q.promptMarkdown.trim() });
  const feedback = q.generalFeedbackMarkdown?.trim();
  expect(read.generalFeedback).toEqual(feedback ? { format: "markdown", text: feedback } : null);
  return read;
}

const NASTY = "a {b} c = d ~ e # f : g \\ h -> i #### j % k \\n l";

const configs: [name: string, config: QuestionConfig][] = [
  [
    "single choice",
    {
      type: "single",
      choices: [
        { text: "richtig", fraction: 1, feedback: "Gut so." },
        { text: "halb", fraction: 0.5, feedback: "" },
        { text: "falsch", fraction: 0, feedback: "Nein." },
        { text: "Abzug", fraction: -0.3333333, feedback: "" },
      ],
    },
  ],
  [
    "single choice with two full answers",
    {
      type: "single",
      choices: [
        { text: "eins", fraction: 1, feedback: "" },
        { text: "auch", fraction: 1, feedback: "" },
        { text: "nein", fraction: 0, feedback: "" },
      ],
    },
  ],
  [
    "multiple choice with negative weights",
    {
      type: "multiple",
      choices: [
        { text: "a", fraction: 0.3333333, feedback: "ja" },
        { text: "b", fraction: 0.3333333, feedback: "" },
        { text: "c", fraction: 0.3333334, feedback: "" },
        { text: "d", fraction: -1, feedback: "nie" },
        { text: "e", fraction: 0, feedback: "" },
      ],
    },
  ],
  [
    "choices with nasty characters",
    {
      type: "single",
      choices: [
        { text: NASTY, fraction: 1, feedback: NASTY },
        { text: "=gleich am Anfang", fraction: 0, feedback: "#Raute am Anfang" },
        { text: "%50% sieht aus wie ein Gewicht", fraction: 0, feedback: "" },
        { text: "[html]<b>kein Format</b>", fraction: 0.25, feedback: "[markdown] auch kein Format" },
        { text: "~Tilde\nzwei Zeilen", fraction: 0, feedback: "Zeile 1\nZeile 2" },
        { text: "T", fraction: 0, feedback: "" },
      ],
    },
  ],
  [
    "multiple choice with a text that looks like a weight",
    {
      type: "multiple",
      choices: [
        { text: "%100%", fraction: 1, feedback: "" },
        { text: "%-50%", fraction: 0, feedback: "" },
      ],
    },
  ],
  [
    "true, with both feedbacks",
    { type: "truefalse", correct: true, feedbackTrue: "Genau # so.", feedbackFalse: "Doch {wahr}." },
  ],
  [
    "false, with both feedbacks",
    { type: "truefalse", correct: false, feedbackTrue: "Nein: falsch.", feedbackFalse: "=Richtig" },
  ],
  ["true, only the right feedback", { type: "truefalse", correct: true, feedbackTrue: "Stimmt.", feedbackFalse: "" }],
  [
    "false, only the wrong feedback",
    { type: "truefalse", correct: false, feedbackTrue: "[html]Leider", feedbackFalse: "" },
  ],
  ["true without feedback", { type: "truefalse", correct: true, feedbackTrue: "", feedbackFalse: "" }],
  [
    "numeric with tolerance, range and any other number",
    {
      type: "numeric",
      unit: null,
      answers: [
        { value: 3.14, tolerance: 0.005, fraction: 1, feedback: "Genau: π." },
        { value: 3.1414999999999997, tolerance: 0.000500000000000167, fraction: 0.5, feedback: "" },
        { value: -2.5e-7, tolerance: 0, fraction: 0.1, feedback: "" },
        { value: 1e21, tolerance: 1e3, fraction: 0, feedback: "" },
        { value: null, tolerance: 0, fraction: 0, feedback: "Ganz daneben ~ wirklich." },
      ],
    },
  ],
  [
    "numeric with 'any number' not at the end and with a tolerance",
    {
      type: "numeric",
      unit: null,
      answers: [
        { value: null, tolerance: 2, fraction: 0.5, feedback: "irgendwas" },
        { value: 0, tolerance: 0, fraction: 1, feedback: "" },
        { value: null, tolerance: 0, fraction: 0, feedback: "" },
      ],
    },
  ],
  [
    "short answers with weights, wildcard and nasty feedback",
    {
      type: "shorttext",
      caseSensitive: false,
      answers: [
        { text: "Wasserwaage", fraction: 1, feedback: "Richtig = gut." },
        { text: "T", fraction: 0.5, feedback: "" },
        { text: "%50%", fraction: 0.25, feedback: "x -> y" },
        { text: "[plain]", fraction: 0, feedback: "" },
        { text: "*", fraction: 0, feedback: "Nein # leider." },
      ],
    },
  ],
  [
    "short answers with a literal asterisk and backslashes",
    {
      type: "shorttext",
      caseSensitive: false,
      answers: [
        { text: "5\\*3", fraction: 1, feedback: "" },
        { text: "C:\\Werk*", fraction: 0.5, feedback: "\\*" },
      ],
    },
  ],
  [
    "one short answer containing ->",
    { type: "shorttext", caseSensitive: false, answers: [{ text: "a -> b", fraction: 1, feedback: "c -> d" }] },
  ],
  [
    "matching with distractors and nasty items",
    {
      type: "matching",
      pairs: [
        { left: "Hammer", right: "Nagel" },
        { left: "a -> b <i>&amp;</i>", right: "c -> d" },
        { left: "[html]=x", right: "[html]#y" },
        { left: "Zeile 1\nZeile 2", right: "~z:" },
      ],
      distractors: ["Dübel", "= -> ?"],
    },
  ],
  ["essay", { type: "essay" }],
  ["description", { type: "description" }],
];

describe("round trip: parseGift(exportGift([q])) gives q back", () => {
  test.each(configs)("%s", (_name, config) => {
    roundTrip(question(config, { generalFeedbackMarkdown: config.type === "description" ? null : "Zur Erklärung." }));
  });

  test.each(configs)("%s with nasty title, prompt and general feedback", (_name, config) => {
    roundTrip(
      question(config, {
        title: `::Titel:: ${NASTY}`,
        promptMarkdown: `[html]${NASTY}\n\n// keine Zeile\n$CATEGORY: nein`,
        generalFeedbackMarkdown: config.type === "description" ? null : `[x] ${NASTY}`,
      }),
    );
  });
});

describe("prompts that could be taken for GIFT syntax", () => {
  const prompts = [
    "{",
    "}",
    "} {",
    "=",
    "~",
    "#",
    ":",
    "\\",
    "\\\\",
    "\\n",
    "->",
    "####",
    "%50%",
    "[html]fett",
    "[markdown]",
    "::Titel::",
    "::",
    "//kein Kommentar",
    "$CATEGORY: Werkstatt",
    "",
    "   ",
    "\n\nAbsatz\n\n\nnoch einer\n",
    "Text mit _____ in der Mitte",
    "Lücke am Ende: _____",
    "_____ am Anfang",
    "zwei _____ Lücken _____ hier",
    "Windows\r\nZeilen",
  ];
  const kinds: QuestionConfig[] = [
    { type: "description" },
    { type: "essay" },
    { type: "truefalse", correct: false, feedbackTrue: "", feedbackFalse: "" },
    {
      type: "single",
      choices: [
        { text: "a", fraction: 1, feedback: "" },
        { text: "b", fraction: 0, feedback: "" },
      ],
    },
  ];
  test.each(prompts)("%j", (promptMarkdown) => {
    for (const config of kinds) {
      const { text } = exportGift([question(config, { promptMarkdown })]);
      const [read] = parseGift(text).questions;
      expect(read?.config, text).toEqual(config);
      expect(read?.prompt, text).toEqual({ format: "markdown", text: promptMarkdown.replace(/\r\n/g, "\n").trim() });
    }
  });

  test("an empty title stays empty", () => {
    expect(roundTrip(question({ type: "essay" }, { title: "" })).title).toBe("");
  });

  test("a missing-word prompt keeps the block at the gap", () => {
    const { text } = exportGift([
      question({ type: "essay" }, { title: "Lücke", promptMarkdown: "Der _____ ist rund." }),
    ]);
    expect(text).toBe("::Lücke::[markdown]Der {} ist rund.\n");
  });
});

describe("what the file looks like", () => {
  test("Moodle's layout: title, [markdown], answers on their own lines, weights as %n%", () => {
    const { text } = exportGift(
      [
        question({
          type: "single",
          choices: [
            { text: "Messschieber", fraction: 1, feedback: "Richtig." },
            { text: "Zollstock", fraction: 0, feedback: "" },
            { text: "Maßband", fraction: 0.3333333, feedback: "" },
          ],
        }),
        question(
          {
            type: "numeric",
            unit: null,
            answers: [
              { value: 25.4, tolerance: 0.1, fraction: 1, feedback: "" },
              { value: null, tolerance: 0, fraction: 0, feedback: "Nein." },
            ],
          },
          { title: "Zoll", promptMarkdown: "Wie viele mm hat ein Zoll?", generalFeedbackMarkdown: "1 Zoll = 25,4 mm" },
        ),
        question(
          { type: "truefalse", correct: false, feedbackTrue: "Falsch gedacht.", feedbackFalse: "" },
          { title: "Beton", promptMarkdown: "Beton brennt." },
        ),
      ],
      { category: "Werkstatt/Messen" },
    );
    expect(text).toBe(
      [
        "$CATEGORY: Werkstatt/Messen",
        "",
        "::Frage::[markdown]Was gilt?{",
        "\t=Messschieber#Richtig.",
        "\t~Zollstock",
        "\t~%33.33333%Maßband",
        "}",
        "",
        "::Zoll::[markdown]Wie viele mm hat ein Zoll?{#",
        "\t=%100%25.4:0.1",
        "\t~#Nein.",
        "\t####1 Zoll \\= 25,4 mm",
        "}",
        "",
        "::Beton::[markdown]Beton brennt.{FALSE#Falsch gedacht.}",
        "",
      ].join("\n"),
    );
    expect(parseGift(text).questions.map((q) => q.category)).toEqual([
      "Werkstatt/Messen",
      "Werkstatt/Messen",
      "Werkstatt/Messen",
    ]);
  });

  test("multiple choice always writes ~%n%", () => {
    const { text } = exportGift([
      question({
        type: "multiple",
        choices: [
          { text: "a", fraction: 1, feedback: "" },
          { text: "b", fraction: 0, feedback: "" },
          { text: "c", fraction: -0.5, feedback: "" },
        ],
      }),
    ]);
    expect(text).toContain("\t~%100%a\n\t~%0%b\n\t~%-50%c\n");
  });
});

describe("what GIFT cannot hold", () => {
  test("ordering is skipped with a note and a comment line naming it", () => {
    const { text, notes } = exportGift([
      question({ type: "ordering", items: ["erst", "dann"] }, { title: "Reihenfolge beim Bohren" }),
      question({ type: "essay" }, { title: "Danach" }),
    ]);
    expect(notes).toEqual(["„Reihenfolge beim Bohren“: nicht exportiert – GIFT kennt keine Reihenfolge-Fragen"]);
    expect(text).toBe("// Nicht exportiert: Reihenfolge beim Bohren\n\n::Danach::[markdown]Was gilt?{}\n");
    expect(parseGift(text).questions.map((q) => q.title)).toEqual(["Danach"]);
  });

  test("unit, case sensitivity and points are named; the rest of the question is exported", () => {
    const { text, notes } = exportGift([
      question(
        { type: "numeric", unit: "mm", answers: [{ value: 5, tolerance: 0, fraction: 1, feedback: "" }] },
        { title: "Maß", points: 2 },
      ),
      question(
        { type: "shorttext", caseSensitive: true, answers: [{ text: "DIN", fraction: 1, feedback: "" }] },
        { title: "Norm" },
      ),
    ]);
    expect(notes).toEqual([
      "„Maß“: 2 Punkte gehen verloren (GIFT kennt keine Punkte)",
      "„Maß“: die Einheit „mm“ geht verloren",
      "„Norm“: „Groß-/Kleinschreibung beachten“ geht verloren (Moodle liest ohne)",
    ]);
    expect(parseGift(text).questions.map((q) => q.config.type)).toEqual(["numeric", "shorttext"]);
  });

  test("weights are rounded to five decimals of a percent, with a note", () => {
    const { text, notes } = exportGift([
      question({
        type: "multiple",
        choices: [
          { text: "a", fraction: 1 / 3, feedback: "" },
          { text: "b", fraction: 2 / 3, feedback: "" },
        ],
      }),
    ]);
    expect(text).toContain("~%33.33333%a\n\t~%66.66667%b");
    expect(notes).toEqual([
      "„Frage“: Gewichtung 33,3333333333 % auf 33,33333 % gerundet",
      "„Frage“: Gewichtung 66,6666666667 % auf 66,66667 % gerundet",
    ]);
    const read = parseGift(text).questions[0]?.config;
    expect(read?.type === "multiple" && read.choices.map((c) => c.fraction)).toEqual([0.3333333, 0.6666667]);
  });

  test("several short answers with -> would read as matching: skipped with a note", () => {
    const { text, notes } = exportGift([
      question({
        type: "shorttext",
        caseSensitive: false,
        answers: [
          { text: "a -> b", fraction: 1, feedback: "" },
          { text: "c", fraction: 1, feedback: "" },
        ],
      }),
    ]);
    expect(notes).toEqual(["„Frage“: nicht exportiert – mehrere Kurzantworten mit „->“ liest Moodle als Zuordnung"]);
    expect(parseGift(text).questions).toEqual([]);
  });

  test("a single choice without a 100 % answer is named (Moodle reads it as multiple choice)", () => {
    const { notes } = exportGift([
      question({
        type: "single",
        choices: [
          { text: "a", fraction: 0.5, feedback: "" },
          { text: "b", fraction: 0, feedback: "" },
        ],
      }),
    ]);
    expect(notes).toEqual(["„Frage“: Einfachauswahl ohne 100-%-Antwort: Moodle liest sie als Mehrfachauswahl"]);
  });
});

describe("export → parse → export", () => {
  test("gives the identical text", () => {
    const all = [
      ...configs.map(([name, config]) =>
        question(config, {
          title: `${name} {${NASTY}}`,
          promptMarkdown: `Frage zu _____ mit ${NASTY}\n\nund Absatz`,
          generalFeedbackMarkdown: config.type === "description" ? null : `Feedback ${NASTY}`,
        }),
      ),
    ];
    const first = exportGift(all, { category: "Werkstatt/Alles" });
    const read = parseGift(first.text);
    expect(read.problems).toEqual([]);
    const again = exportGift(
      read.questions.map((q) => ({
        title: q.title ?? "",
        promptMarkdown: q.prompt.text,
        generalFeedbackMarkdown: q.generalFeedback?.text ?? null,
        points: q.config.type === "description" ? 0 : 1,
        config: q.config,
      })),
      { category: read.questions[0]?.category ?? undefined },
    );
    expect(again.text).toBe(first.text);
  });
});
