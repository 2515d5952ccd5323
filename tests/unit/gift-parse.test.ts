import { describe, expect, test } from "vitest";
import { parseGift } from "#app/modules/quizzes/gift/parse-gift.ts";
import { gradeResponse } from "#app/modules/quizzes/grading/grade-response.ts";
import type { GiftQuestion } from "#app/modules/quizzes/gift/gift-types.ts";

/** The single question of a source that must read without any problem. */
function only(source: string): GiftQuestion {
  const { questions, problems } = parseGift(source);
  expect(problems).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0] as GiftQuestion;
}

function errors(source: string) {
  const result = parseGift(source);
  return { questions: result.questions, errors: result.problems.filter((p) => p.severity === "error") };
}

function warnings(source: string) {
  return parseGift(source).problems.filter((p) => p.severity === "warning");
}

describe("multiple choice (one right answer)", () => {
  test("= marks the right answer, ~ the wrong ones with fraction 0", () => {
    const q = only("Womit misst man Winkel?{~Zollstock ~Wasserwaage =Winkelmesser}");
    expect(q.config).toEqual({
      type: "single",
      choices: [
        { text: "Zollstock", fraction: 0, feedback: "" },
        { text: "Wasserwaage", fraction: 0, feedback: "" },
        { text: "Winkelmesser", fraction: 1, feedback: "" },
      ],
    });
    expect(q.prompt).toEqual({ format: "moodle", text: "Womit misst man Winkel?" });
  });

  test("answers on their own lines, with feedback after #", () => {
    const { questions, problems } = parseGift(
      "::F1:: Welche Farbe hat ein Schutzleiter?\n{\n  =grün-gelb # richtig\n  ~blau # [html]das ist der <b>Neutralleiter</b>\n  ~[plain]braun # falsch\n}",
    );
    expect(problems.map((p) => [p.line, p.severity])).toEqual([[4, "warning"]]);
    expect(questions[0]?.config).toEqual({
      type: "single",
      choices: [
        { text: "grün-gelb", fraction: 1, feedback: "richtig" },
        { text: "blau", fraction: 0, feedback: "das ist der Neutralleiter" },
        { text: "braun", fraction: 0, feedback: "falsch" },
      ],
    });
  });

  test("needs at least two answers (Moodle's check_answer_count 2)", () => {
    const { questions, errors: found } = errors("::Eins:: Nur eine?{~einzig}");
    expect(questions).toEqual([]);
    expect(found).toEqual([
      { line: 1, message: "Zu wenige Antworten: eine Auswahlfrage braucht mindestens zwei", severity: "error" },
    ]);
  });

  test("a single choice without a 100 % answer is kept with a warning", () => {
    // Every `=` is 100 % in Moodle, so this needs an `=` that starts an empty answer.
    const source = "Welche?{~%50%a ~%50%b =}";
    expect(warnings(source).map((w) => w.message)).toEqual([
      "Leere Antwort wird übergangen (wie in Moodle)",
      "Einfachauswahl ohne Antwort mit 100 %",
    ]);
  });
});

describe("multiple choice with several right answers", () => {
  test("without = it is multiple choice (Moodle's single=0), weights as fractions", () => {
    const q = only(
      "::PSA:: Was gehört zur PSA?{\n~%50%Schutzbrille#ja\n~%50%Gehörschutz#ja\n~%-100%Ring#nein\n~%-100%Uhr#nein\n}",
    );
    expect(q.config).toEqual({
      type: "multiple",
      choices: [
        { text: "Schutzbrille", fraction: 0.5, feedback: "ja" },
        { text: "Gehörschutz", fraction: 0.5, feedback: "ja" },
        { text: "Ring", fraction: -1, feedback: "nein" },
        { text: "Uhr", fraction: -1, feedback: "nein" },
      ],
    });
  });

  test("%100% with negative weights stays multiple choice", () => {
    const q = only("Welche?{~%100%gelb ~%-50%rot ~%-50%blau}");
    expect(q.config.type).toBe("multiple");
    expect(q.config.type === "multiple" && q.config.choices.map((c) => c.fraction)).toEqual([1, -0.5, -0.5]);
  });

  test("positive weights that do not add up to 100 % give a warning", () => {
    expect(warnings("Welche?{~%50%a ~%25%b ~c}")).toEqual([
      { line: 1, message: "Mehrfachauswahl: die positiven Gewichtungen ergeben 75 % statt 100 %", severity: "warning" },
    ]);
  });
});

describe("true/false", () => {
  test.each([
    ["{T}", true],
    ["{TRUE}", true],
    ["{F}", false],
    ["{FALSE}", false],
  ])("%s", (block, correct) => {
    expect(only(`Ein Hammer ist ein Werkzeug.${block}`).config).toEqual({
      type: "truefalse",
      correct,
      feedbackTrue: "",
      feedbackFalse: "",
    });
  });

  test("{FALSE#wrong#right}: the first feedback goes to 'wahr', the second to 'falsch'", () => {
    const q = only("Beton brennt.{FALSE#Beton brennt nicht.#Richtig erkannt.}");
    expect(q.config).toEqual({
      type: "truefalse",
      correct: false,
      feedbackTrue: "Beton brennt nicht.",
      feedbackFalse: "Richtig erkannt.",
    });
  });

  test("{TRUE#wrong#right}: the first feedback goes to 'falsch', the second to 'wahr'", () => {
    const q = only("Stahl rostet.{TRUE#Doch, er rostet.#Genau.}");
    expect(q.config).toEqual({
      type: "truefalse",
      correct: true,
      feedbackTrue: "Genau.",
      feedbackFalse: "Doch, er rostet.",
    });
  });

  test("lower case 'true' is a short answer, as in Moodle", () => {
    expect(only("Stimmt das?{true}").config.type).toBe("shorttext");
  });
});

describe("short answer", () => {
  test("several = answers, each worth 100 % without a weight", () => {
    const q = only("Wie heißt das Gerät?{=Wasserwaage =Libelle}");
    expect(q.config).toEqual({
      type: "shorttext",
      caseSensitive: false,
      answers: [
        { text: "Wasserwaage", fraction: 1, feedback: "" },
        { text: "Libelle", fraction: 1, feedback: "" },
      ],
    });
  });

  test("a bare {answer} is one full-credit answer", () => {
    expect(only("Wie viele Zentimeter hat ein Meter?{hundert}").config).toEqual({
      type: "shorttext",
      caseSensitive: false,
      answers: [{ text: "hundert", fraction: 1, feedback: "" }],
    });
  });

  test("weights, feedback and the * wildcard", () => {
    const q = only("Bestes Werkzeug?{\n=Hammer#Gut!\n=%50%Zange#Auch möglich.\n=%0%*#Leider nein.\n}");
    expect(q.config).toEqual({
      type: "shorttext",
      caseSensitive: false,
      answers: [
        { text: "Hammer", fraction: 1, feedback: "Gut!" },
        { text: "Zange", fraction: 0.5, feedback: "Auch möglich." },
        { text: "*", fraction: 0, feedback: "Leider nein." },
      ],
    });
  });

  test("\\* stays in the answer and is graded as an asterisk, as in Moodle", () => {
    const q = only("Wie schreibt man fünf mal drei?{=5\\*3#Richtig. =%0%*#Nein.}");
    expect(q.config).toEqual({
      type: "shorttext",
      caseSensitive: false,
      answers: [
        { text: "5\\*3", fraction: 1, feedback: "Richtig." },
        { text: "*", fraction: 0, feedback: "Nein." },
      ],
    });
    const grade = (text: string) => gradeResponse(q.config, { type: "shorttext", text });
    expect(grade("5*3")).toMatchObject({ fraction: 1, feedback: ["Richtig."] });
    expect(grade("5 * 3")).toMatchObject({ fraction: 0, feedback: ["Nein."] });
    expect(grade("513")).toMatchObject({ fraction: 0, feedback: ["Nein."] });
  });

  test("answers stay as written even in HTML format (Moodle compares them as plain strings)", () => {
    const q = only("[html]Firma?{=Müller &amp; Sohn}");
    expect(q.config.type === "shorttext" && q.config.answers[0]?.text).toBe("Müller &amp; Sohn");
  });
});

describe("matching", () => {
  test("=left -> right pairs; an empty left side is an extra answer", () => {
    const q = only("::Paare:: Ordne zu.{\n=Hammer -> Nagel\n=Schraubendreher -> Schraube\n= -> Dübel\n}");
    expect(q.config).toEqual({
      type: "matching",
      pairs: [
        { left: "Hammer", right: "Nagel" },
        { left: "Schraubendreher", right: "Schraube" },
      ],
      distractors: ["Dübel"],
    });
  });

  test("one entry is too few (Moodle's check_answer_count 2)", () => {
    expect(errors("Ordne zu.{=a -> b}").errors.map((e) => e.message)).toEqual([
      "Zu wenige Einträge: eine Zuordnungsfrage braucht mindestens zwei",
    ]);
  });

  test("one pair and one extra answer passes Moodle's count but not our two pairs", () => {
    expect(errors("Ordne zu.{=a -> b = -> c}").errors.map((e) => e.message)).toEqual(["Paare: mindestens 2"]);
  });

  test("an entry without -> is an error on its line", () => {
    expect(errors("Ordne zu.{\n=a -> b\n=c\n}").errors).toEqual([
      { line: 3, message: "Zuordnung ohne „->“: „c“", severity: "error" },
    ]);
  });

  test("left sides follow the format, right sides are plain strings", () => {
    const { questions, problems } = parseGift("[markdown]Ordne zu.{=[html]<b>A</b> -> [html]x =B -> y}");
    expect(problems.map((p) => p.severity)).toEqual(["warning"]);
    expect(questions[0]?.config).toEqual({
      type: "matching",
      pairs: [
        { left: "A", right: "[html]x" },
        { left: "B", right: "y" },
      ],
      distractors: [],
    });
  });
});

describe("missing word", () => {
  test("text after the block: the prompt gets _____ where the block stood", () => {
    const q = only("Holz wird mit einer {~Zange =Säge ~Feile} zugeschnitten.");
    expect(q.prompt.text).toBe("Holz wird mit einer _____ zugeschnitten.");
    expect(q.config.type).toBe("single");
  });

  test("works for short answers too", () => {
    const q = only("Zwei plus {=zwei =2} ergibt vier.");
    expect(q.prompt.text).toBe("Zwei plus _____ ergibt vier.");
    expect(q.config.type).toBe("shorttext");
  });

  test("a block at the very end is removed without a blank", () => {
    expect(only("Holz sägt man mit der {=Säge ~Zange}").prompt.text).toBe("Holz sägt man mit der");
  });
});

describe("numeric", () => {
  test("{#value:tolerance}", () => {
    expect(only("Pi auf drei Stellen?{#3.14:0.005}").config).toEqual({
      type: "numeric",
      unit: null,
      answers: [{ value: 3.14, tolerance: 0.005, fraction: 1, feedback: "" }],
    });
  });

  test("{#value} has tolerance 0", () => {
    expect(only("7 mal 8?{#56}").config).toEqual({
      type: "numeric",
      unit: null,
      answers: [{ value: 56, tolerance: 0, fraction: 1, feedback: "" }],
    });
  });

  test("{#min..max} becomes midpoint and half width", () => {
    expect(only("Eine Zahl von 1 bis 5?{#1..5}").config).toEqual({
      type: "numeric",
      unit: null,
      answers: [{ value: 3, tolerance: 2, fraction: 1, feedback: "" }],
    });
    const decimals = only("Zwischen 0,1 und 0,3?{#0.1..0.3}").config;
    expect(decimals.type).toBe("numeric");
    if (decimals.type !== "numeric") return;
    expect(decimals.answers[0]?.value).toBeCloseTo(0.2, 12);
    expect(decimals.answers[0]?.tolerance).toBeCloseTo(0.1, 12);
  });

  test("several answers with weights and feedback", () => {
    const q = only("Geburtsjahr?{#\n=1822:0 # Genau.\n=%50%1822:2 # Knapp.\n}");
    expect(q.config).toEqual({
      type: "numeric",
      unit: null,
      answers: [
        { value: 1822, tolerance: 0, fraction: 1, feedback: "Genau." },
        { value: 1822, tolerance: 2, fraction: 0.5, feedback: "Knapp." },
      ],
    });
  });

  test("a trailing ~#feedback is Moodle's answer * with fraction 0 (value null)", () => {
    const q = only("Eine Zahl von 1 bis 5?{#3:2~#Völlig daneben}");
    expect(q.config).toEqual({
      type: "numeric",
      unit: null,
      answers: [
        { value: 3, tolerance: 2, fraction: 1, feedback: "" },
        { value: null, tolerance: 0, fraction: 0, feedback: "Völlig daneben" },
      ],
    });
  });

  test("* as an answer is any number", () => {
    const q = only("Zahl?{#=5 =%0%*#Nein}");
    expect(q.config.type === "numeric" && q.config.answers[1]).toEqual({
      value: null,
      tolerance: 0,
      fraction: 0,
      feedback: "Nein",
    });
  });

  test("negative numbers, exponents and 0", () => {
    const q = only("Werte?{#=-2.5:0.1 =%50%1e3 =%10%0}");
    expect(q.config.type === "numeric" && q.config.answers.map((a) => a.value)).toEqual([-2.5, 1000, 0]);
  });

  test("a reversed range gives a negative tolerance, taken as its absolute value", () => {
    const result = parseGift("Zahl?{#5..1}");
    expect(result.questions[0]?.config).toEqual({
      type: "numeric",
      unit: null,
      answers: [{ value: 3, tolerance: 2, fraction: 1, feedback: "" }],
    });
    expect(result.problems.map((p) => p.message)).toEqual(["Negative Toleranz wird als Betrag übernommen"]);
  });
});

describe("essay and description", () => {
  test("{} is an essay", () => {
    expect(only("::Aufsatz:: Beschreibe deinen Betrieb.{}").config).toEqual({ type: "essay" });
  });

  test("an essay with only general feedback", () => {
    const q = only("Wie geht es dir?{####Wir hoffen, gut.}");
    expect(q.config).toEqual({ type: "essay" });
    expect(q.generalFeedback).toEqual({ format: "moodle", text: "Wir hoffen, gut." });
  });

  test("no braces at all: a description", () => {
    const q = only("::Hinweis:: Es folgen Fragen zu Messwerkzeugen.");
    expect(q.config).toEqual({ type: "description" });
    expect(q.prompt.text).toBe("Es folgen Fragen zu Messwerkzeugen.");
  });
});

describe("comments", () => {
  test("// lines are skipped; a block of only comments is no question", () => {
    const { questions, problems } = parseGift("// Überschrift\n// noch eine\n\n// davor\nFrage?{T}\n// danach");
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.line, q.prompt.text])).toEqual([[5, "Frage?"]]);
  });

  test("a comment inside a question leaves a space line, as in Moodle", () => {
    expect(only("Erste Zeile\n// mittendrin\nzweite Zeile{T}").prompt.text).toBe("Erste Zeile\n \nzweite Zeile");
  });

  test("// later in a line is text", () => {
    expect(only("Adresse: https://example.org?{T}").prompt.text).toBe("Adresse: https://example.org?");
  });
});

describe("titles", () => {
  test("::title:: is the title, escapes resolved and tags removed (Moodle's PARAM_TEXT)", () => {
    const q = only("::Maße\\: <b>Zoll</b>:: Wie viel mm?{#25.4}");
    expect(q.title).toBe("Maße: Zoll");
    expect(q.prompt.text).toBe("Wie viel mm?");
  });

  test("without a title it is null", () => {
    expect(only("Frage ohne Titel?{T}").title).toBeNull();
  });

  test("an opening :: without a closing one is dropped and the rest is text", () => {
    const q = only("::Kein Ende {T}");
    expect(q.title).toBeNull();
    expect(q.prompt.text).toBe("Kein Ende");
  });
});

describe("percentage weights", () => {
  test("decimals, negative and 100 %", () => {
    const q = only("Welche?{~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-50%d ~%-100%e}");
    expect(q.config.type === "multiple" && q.config.choices.map((c) => c.fraction)).toEqual([
      0.3333333, 0.3333333, 0.3333334, -0.5, -1,
    ]);
    const single = only("Welche?{=a ~%100%b ~%5%c ~%12.5%d}").config;
    expect(single.type === "single" && single.choices.map((c) => c.fraction)).toEqual([1, 1, 0.05, 0.125]);
  });

  test("a weight Moodle's pattern does not match stays part of the answer", () => {
    const q = only("Welche?{=a ~%abc%b}");
    expect(q.config.type === "single" && q.config.choices[1]).toEqual({ text: "%abc%b", fraction: 0, feedback: "" });
  });

  test("a weight over 100 % is an error", () => {
    expect(errors("Welche?{~%150%a ~b}").errors.map((e) => e.message)).toEqual([
      "Gewichtung 150 % liegt außerhalb von -100 % bis 100 %",
    ]);
  });

  test("two minus signs are an error (Moodle's pattern allows them, PHP cannot compute them)", () => {
    expect(errors("Welche?{~%--50%a =b}").errors.map((e) => e.message)).toEqual(["Ungültige Gewichtung „%--50%“"]);
  });
});

describe("general feedback", () => {
  test("the last #### starts it; it takes the question's format", () => {
    const q = only("[html]Was ist härter?{=Stahl ~Holz ####<p>Stahl ist härter.</p>}");
    expect(q.generalFeedback).toEqual({ format: "html", text: "<p>Stahl ist härter.</p>" });
    expect(q.config.type).toBe("single");
  });

  test("a format marker of its own wins", () => {
    expect(only("Frage?{=a =b ####[markdown]**fett**}").generalFeedback).toEqual({
      format: "markdown",
      text: "**fett**",
    });
  });
});

describe("text formats", () => {
  test.each([
    ["[html]", "html"],
    ["[moodle]", "moodle"],
    ["[plain]", "plain"],
    ["[markdown]", "markdown"],
    ["", "moodle"],
  ])("%s before the prompt", (marker, format) => {
    expect(only(`::T::${marker}Text *mit* <i>Format</i>{T}`).prompt).toEqual({
      format,
      text: "Text *mit* <i>Format</i>",
    });
  });

  test("an unknown marker stays text", () => {
    expect(only("[latex]Formel?{T}").prompt).toEqual({ format: "moodle", text: "[latex]Formel?" });
  });

  test("answers inherit the prompt's format: HTML loses its tags with one warning, Markdown stays", () => {
    const html = parseGift("[html]Was?{=<b>fett</b> &lt;x&gt; ~<i>kursiv</i>}");
    expect(html.questions[0]?.config).toEqual({
      type: "single",
      choices: [
        { text: "fett <x>", fraction: 1, feedback: "" },
        { text: "kursiv", fraction: 0, feedback: "" },
      ],
    });
    expect(html.problems).toEqual([
      {
        line: 1,
        message: "Formatierung in Antworten und Feedbacks wird als reiner Text übernommen (HTML-Tags entfernt)",
        severity: "warning",
      },
    ]);
    const markdown = only("[markdown]Was?{=<b>fett</b> ~&lt;x&gt;}");
    expect(markdown.config.type === "single" && markdown.config.choices.map((c) => c.text)).toEqual([
      "<b>fett</b>",
      "&lt;x&gt;",
    ]);
  });
});

describe("escapes", () => {
  test("\\: \\# \\= \\{ \\} \\~ are the characters themselves", () => {
    const q = only("::a\\:b:: Zeichen \\{ \\} \\= \\~ \\# \\:?{=\\= gleich#\\# Raute ~\\~ Tilde ~\\{\\}}");
    expect(q.title).toBe("a:b");
    expect(q.prompt.text).toBe("Zeichen { } = ~ # :?");
    expect(q.config).toEqual({
      type: "single",
      choices: [
        { text: "= gleich", fraction: 1, feedback: "# Raute" },
        { text: "~ Tilde", fraction: 0, feedback: "" },
        { text: "{}", fraction: 0, feedback: "" },
      ],
    });
  });

  test("\\\\ is one backslash, \\n a line break, other backslashes stay", () => {
    const q = only("Pfad C\\:\\\\Daten\\nZeile zwei \\d{}");
    expect(q.prompt.text).toBe("Pfad C:\\Daten\nZeile zwei \\d");
  });

  test("an escaped backslash before a brace leaves the brace structural", () => {
    const q = only("Ende mit \\\\{T}");
    expect(q.prompt.text).toBe("Ende mit \\");
    expect(q.config.type).toBe("truefalse");
  });
});

describe("an unescaped = in the question text before the answer block is text", () => {
  test("2 + 2 = ? {=4 ~5}", () => {
    const q = only("2 + 2 = ? {=4 ~5}");
    expect(q.prompt.text).toBe("2 + 2 = ?");
    expect(q.config).toEqual({
      type: "single",
      choices: [
        { text: "4", fraction: 1, feedback: "" },
        { text: "5", fraction: 0, feedback: "" },
      ],
    });
  });
});

describe("categories", () => {
  test("$CATEGORY: sets the category of the following questions", () => {
    const { questions, problems } = parseGift(
      "Vorher?{T}\n\n$CATEGORY: $course$/top/Werkstatt\n\nDanach?{T}\n\n$CATEGORY: Sicherheit\n\nZuletzt?{F}",
    );
    expect(problems).toEqual([]);
    expect(questions.map((q) => q.category)).toEqual([null, "$course$/top/Werkstatt", "Sicherheit"]);
  });

  test("a question right below $CATEGORY without a blank line is reported", () => {
    const { questions, errors: found } = errors("$CATEGORY: Werkstatt\nFrage?{T}\n\nNächste?{T}");
    expect(found).toEqual([
      {
        line: 2,
        message: "Nach „$CATEGORY:“ fehlt eine Leerzeile; die folgenden Zeilen werden nicht als Frage gelesen",
        severity: "error",
      },
    ]);
    expect(questions.map((q) => [q.category, q.prompt.text])).toEqual([["Werkstatt", "Nächste?"]]);
  });
});

describe("id number and tags from comments", () => {
  test("[id:…] and [tag:…] in the comment lines of the question", () => {
    const q = only(
      "// Schlagwörter: [tag:werkzeug] [tag:  grundlagen ]\n// und eine ID: [id:  q-17 ]\n::T:: Frage?{T}",
    );
    expect(q.idNumber).toBe("q-17");
    expect(q.tags).toEqual(["werkzeug", "grundlagen"]);
  });

  test.each([
    ["// nur Text", null, []],
    ["// [id:frosch] <-- eine ID", "frosch", []],
    ["// [tag:add] [tag:basic] [id:four]", "four", ["add", "basic"]],
    ["// [tag:  basic] Hier\n// eine [id:   four   ] Fra[tag:add   ]ge.", "four", ["basic", "add"]],
    ["// [id:i\\]d].", "i]d", []],
    ["// [tag:t\\]ag].", null, ["t]ag"]],
    ["// [id:erste] [id:zweite]", "erste", []],
  ])("%s", (comment, idNumber, tags) => {
    const q = only(`${comment}\nFrage?{T}`);
    expect([q.idNumber, q.tags]).toEqual([idNumber, tags]);
  });

  test("comments separated by a blank line do not belong to the question", () => {
    expect(only("// [id:weg]\n\nFrage?{T}").idNumber).toBeNull();
  });
});

describe("errors", () => {
  test("{ without }", () => {
    expect(errors("Frage\n{=a ~b").errors).toEqual([
      { line: 2, message: "Geschweifte Klammer fehlt: { ohne }", severity: "error" },
    ]);
  });

  test("} without {", () => {
    expect(errors("Frage =a ~b}").errors).toEqual([
      { line: 1, message: "Geschweifte Klammer fehlt: } ohne {", severity: "error" },
    ]);
  });

  test("} before {", () => {
    expect(errors("Frage } und {").errors.map((e) => e.message)).toEqual(["Geschweifte Klammern vertauscht: } vor {"]);
  });

  test("a number that is not a number names its line (Moodle would silently make it *)", () => {
    expect(errors("::Zahl::\nWie viel?{#\n=3,5:0.1\n=abc\n}").errors).toEqual([
      { line: 3, message: "Die Antwort ist keine Zahl: „3,5“ (Dezimalpunkt statt Komma verwenden)", severity: "error" },
      { line: 4, message: "Die Antwort ist keine Zahl: „abc“", severity: "error" },
    ]);
  });

  test("a tolerance or range that is not a number", () => {
    expect(errors("Zahl?{#3:x}").errors.map((e) => e.message)).toEqual(["Die Toleranz ist keine Zahl: „x“"]);
    expect(errors("Zahl?{#1..b}").errors.map((e) => e.message)).toEqual(["Der Bereich ist keine Zahl: „1..b“"]);
  });

  test("a numeric block without any answer", () => {
    expect(errors("Zahl?{#}").errors.map((e) => e.message)).toEqual(["Keine Zahl als Antwort gefunden"]);
  });

  test("what our model cannot hold is an error with a German message; the question is dropped", () => {
    const long = "x".repeat(1001);
    const { questions, errors: found } = errors(`Welche?{=${long} ~b}`);
    expect(questions).toEqual([]);
    expect(found.map((e) => e.message)).toEqual(["Antwort 1: höchstens 1000 Zeichen"]);
  });

  test("empty answers are skipped with a warning, as Moodle does when saving", () => {
    const result = parseGift("Welche?{=a ~b ~}");
    expect(result.questions[0]?.config.type === "single" && result.questions[0].config.choices).toHaveLength(2);
    expect(result.problems.map((p) => p.message)).toEqual(["Leere Antwort wird übergangen (wie in Moodle)"]);
  });

  test("extra braces in the prompt stay text, with a warning", () => {
    const result = parseGift("Erst {=a ~b} dann {c}");
    expect(result.questions[0]?.prompt.text).toBe("Erst  dann {c}");
    expect(result.problems.map((p) => p.severity)).toEqual(["warning"]);
  });

  test("other questions still load after an error", () => {
    const { questions, errors: found } = errors("Gut?{T}\n\nKaputt {=a\n\nAuch gut?{F}");
    expect(questions.map((q) => q.line)).toEqual([1, 5]);
    expect(found.map((e) => e.line)).toEqual([3]);
  });
});

describe("lines and encodings", () => {
  test("\\r\\n line endings, a BOM and indented lines", () => {
    const { questions, problems } = parseGift(
      "\uFEFF// Kopf\r\n\r\n  ::A:: Eins?{T}\r\n\r\n\t::B::\r\n  Zwei?{\r\n  =x\r\n  ~y\r\n}\r\n",
    );
    expect(problems).toEqual([]);
    expect(questions.map((q) => [q.line, q.title, q.prompt.text])).toEqual([
      [3, "A", "Eins?"],
      [5, "B", "Zwei?"],
    ]);
  });

  test("a line of spaces separates questions; a no-break space does not (PHP's trim)", () => {
    expect(parseGift("Eins?{T}\n   \nZwei?{T}").questions).toHaveLength(2);
    expect(parseGift("Eins?\n\u00A0\nZwei?{T}").questions).toHaveLength(1);
  });
});
