import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { GiftQuestion } from "#app/modules/quizzes/gift/gift-types.ts";
import { parseGift } from "#app/modules/quizzes/gift/parse-gift.ts";
import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";

const source = readFileSync(new URL("../fixtures/gift/moodle-doc-constructs.gift", import.meta.url), "utf8");
const result = parseGift(source);

const BASICS = "$course$/top/Werkstatt/Grundlagen";
const choice = (text: string, fraction: number, feedback = "") => ({ text, fraction, feedback });
const number = (value: number | null, tolerance: number, fraction = 1, feedback = "") => ({
  value,
  tolerance,
  fraction,
  feedback,
});
const trueFalse = (correct: boolean, feedbackTrue = "", feedbackFalse = ""): QuestionConfig => ({
  type: "truefalse",
  correct,
  feedbackTrue,
  feedbackFalse,
});

/** Per title: where it starts, its prompt (when worth checking) and its config. */
const expected: [title: string | null, line: number, prompt: string | null, config: QuestionConfig][] = [
  [
    "Einfachauswahl",
    7,
    "Welches Werkzeug misst Längen am genauesten?",
    {
      type: "single",
      choices: [
        choice("Zollstock", 0, "Zu ungenau."),
        choice("Messschieber", 1, "Richtig, auf ein Zehntel genau."),
        choice("Maßband", 0),
      ],
    },
  ],
  [
    "Lückentext",
    14,
    "Holz wird mit einer _____ zugeschnitten.",
    { type: "single", choices: [choice("Zange", 0), choice("Säge", 1), choice("Feile", 0)] },
  ],
  [
    "Mehrfachauswahl",
    17,
    null,
    {
      type: "multiple",
      choices: [
        choice("Schutzbrille", 0.5, "Ja."),
        choice("Sicherheitsschuhe", 0.5, "Ja."),
        choice("Armbanduhr", -1, "Nein, sie kann sich verfangen."),
        choice("Halskette", -1),
      ],
    },
  ],
  ["Falsch kurz", 25, null, trueFalse(false)],
  ["Wahr kurz", 27, null, trueFalse(true)],
  ["Falsch lang", 29, null, trueFalse(false)],
  ["Wahr mit Feedback", 31, null, trueFalse(true, "Richtig.", "Doch, genau dafür ist sie da.")],
  [
    "Kurzantwort",
    34,
    null,
    {
      type: "shorttext",
      caseSensitive: false,
      answers: [choice("Wasserwaage", 1), choice("Libelle", 1, "Auch richtig."), choice("Waage", 0.5, "Fast.")],
    },
  ],
  [
    "Kurzantwort ohne Gleichheitszeichen",
    36,
    null,
    { type: "shorttext", caseSensitive: false, answers: [choice("hundert", 1)] },
  ],
  [
    "Kurzantwort als Lücke",
    38,
    "Zwei plus _____ ergibt vier.",
    { type: "shorttext", caseSensitive: false, answers: [choice("zwei", 1), choice("2", 1)] },
  ],
  [
    "Zuordnung",
    41,
    null,
    {
      type: "matching",
      pairs: [
        { left: "Hammer", right: "Nagel" },
        { left: "Schraubendreher", right: "Schraube" },
        { left: "Abisolierzange", right: "Kabel" },
      ],
      distractors: ["Dübel"],
    },
  ],
  ["Zahl mit Toleranz", 49, null, { type: "numeric", unit: null, answers: [number(25.4, 0.1)] }],
  ["Zahlenbereich", 52, null, { type: "numeric", unit: null, answers: [number(3, 2)] }],
  [
    "Mehrere Zahlen",
    55,
    null,
    {
      type: "numeric",
      unit: null,
      answers: [
        number(1917, 0, 1, "Genau."),
        number(1917, 2, 0.5, "Knapp daneben."),
        number(null, 0, 0, "Leider falsch."),
      ],
    },
  ],
  ["Zahl ohne Toleranz", 61, null, { type: "numeric", unit: null, answers: [number(56, 0)] }],
  ["Freitext", 64, "Beschreibe deinen ersten Tag in der Werkstatt.", { type: "essay" }],
  ["Hinweis", 67, "Die folgenden Fragen behandeln Messwerkzeuge.", { type: "description" }],
  [
    "Allgemeines Feedback",
    70,
    "Was ist härter?",
    { type: "single", choices: [choice("Stahl", 1), choice("Kiefernholz", 0)] },
  ],
  [
    "Gewichte",
    73,
    null,
    {
      type: "multiple",
      choices: [
        choice("Meter", 0.3333333),
        choice("Zentimeter", 0.3333333),
        choice("Millimeter", 0.3333334),
        choice("Zoll", -0.5),
        choice("Fuß", -0.5),
      ],
    },
  ],
  [
    "HTML-Format",
    82,
    "Was zeigt das <b>Symbol</b>?",
    { type: "single", choices: [choice("Einen Hammer", 1), choice("Eine Säge", 0, "Nein.")] },
  ],
  [
    "Markdown-Format",
    84,
    "Wofür steht **PSA**?",
    { type: "single", choices: [choice("Persönliche Schutzausrüstung", 1), choice("Private Sicherheitsanlage", 0)] },
  ],
  ["Moodle-Format", 86, "Das Auto-Format ist der Standard.", trueFalse(true)],
  [
    "Plain-Format",
    88,
    "Hier bleibt <b> als Text stehen.",
    { type: "single", choices: [choice("ja", 1), choice("nein", 0)] },
  ],
  [
    "Sonderzeichen: alle",
    91,
    "Welche Zeichen markieren einen Block in { }?",
    {
      type: "single",
      choices: [
        choice("geschweifte Klammern", 1, "Richtig: { und }."),
        choice("Tilde ~", 0),
        choice("Gleichheitszeichen =", 0),
        choice("Raute #", 0),
      ],
    },
  ],
  ["Pfad", 93, "Wo liegt die Datei C:\\Werkstatt\\plan.txt?", { type: "essay" }],
  [
    "Zeilenumbruch",
    96,
    "Erste Zeile\nZweite Zeile",
    { type: "single", choices: [choice("gelesen", 1), choice("nicht gelesen", 0)] },
  ],
  ["Rechnen", 99, "3 + 4 = ?", { type: "single", choices: [choice("7", 1), choice("8", 0)] }],
  [
    "Mehrzeilig",
    102,
    "Welche Schutzklasse hat ein\n \ndoppelt isoliertes Gerät?",
    { type: "single", choices: [choice("II", 1), choice("I", 0), choice("III", 0)] },
  ],
  ["Mit ID", 113, null, { type: "single", choices: [choice("Zum Ansenken von Bohrungen", 1), choice("Zum Sägen", 0)] }],
  [null, 117, "Frage ohne Titel: Muss ein Feuerlöscher regelmäßig geprüft werden?", trueFalse(true)],
];

function byTitle(title: string | null): GiftQuestion {
  const found = result.questions.filter((q) => q.title === title);
  expect(found).toHaveLength(1);
  return found[0] as GiftQuestion;
}

describe("GIFT fixture with every construct of Moodle's documentation", () => {
  test("has no errors; the only warning is the HTML feedback turned into plain text", () => {
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.problems).toEqual([
      {
        line: 82,
        message: "Formatierung in Antworten und Feedbacks wird als reiner Text übernommen (HTML-Tags entfernt)",
        severity: "warning",
      },
    ]);
  });

  test("reads every question, in file order", () => {
    expect(result.questions.map((q) => q.title)).toEqual(expected.map(([title]) => title));
  });

  test.each(expected)("%s", (title, line, prompt, config) => {
    const question = byTitle(title);
    expect(question.line).toBe(line);
    expect(question.config).toEqual(config);
    if (prompt !== null) expect(question.prompt.text).toBe(prompt);
  });

  test("categories switch where $CATEGORY says", () => {
    expect(result.questions.slice(0, -1).every((q) => q.category === BASICS)).toBe(true);
    expect(byTitle(null).category).toBe("$course$/top/Werkstatt/Sicherheit");
  });

  test("formats: prompt markers, inherited by answers and general feedback", () => {
    expect(byTitle("HTML-Format").prompt.format).toBe("html");
    expect(byTitle("Markdown-Format").prompt.format).toBe("markdown");
    expect(byTitle("Moodle-Format").prompt.format).toBe("moodle");
    expect(byTitle("Plain-Format").prompt.format).toBe("plain");
    expect(byTitle("Einfachauswahl").prompt.format).toBe("moodle");
    expect(byTitle("Allgemeines Feedback").generalFeedback).toEqual({
      format: "moodle",
      text: "Stahl ist härter als jedes Holz.",
    });
  });

  test("id number and tags come from the comments of their own question only", () => {
    expect(byTitle("Mit ID")).toMatchObject({ idNumber: "werkzeug-01", tags: ["werkzeug", "grundlagen"] });
    expect(result.questions.filter((q) => q.idNumber !== null || q.tags.length > 0)).toHaveLength(1);
  });

  test("general feedback only where #### stands", () => {
    expect(result.questions.filter((q) => q.generalFeedback !== null).map((q) => q.title)).toEqual([
      "Allgemeines Feedback",
    ]);
  });
});
