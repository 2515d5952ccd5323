import type { Choice, NumericAnswer, QuestionConfig } from "../question-config.ts";
import { encodeHtmlText, escapeGift, hasTags, phpTrim } from "./gift-text.ts";
import type { GiftExportQuestion, GiftExportResult } from "./gift-types.ts";

/**
 * Writes questions as GIFT for Moodle. Prompts and feedbacks are Markdown (`[markdown]`), every
 * special character is escaped and line breaks become `\n`, so each question stays one block and
 * parseGift reads back the same config, title and texts. What GIFT cannot hold is named in `notes`.
 */
export function exportGift(questions: GiftExportQuestion[], options: { category?: string } = {}): GiftExportResult {
  const notes: string[] = [];
  const blocks: string[] = [];
  if (options.category) blocks.push(`$CATEGORY: ${options.category.replace(/\s+/g, " ").trim()}`);
  for (const question of questions) {
    const name = `„${question.title}“`;
    const block = writeQuestion(question, (detail) => notes.push(`${name}: ${detail}`));
    if (block) blocks.push(block);
    else blocks.push(`// Nicht exportiert: ${question.title.replace(/\s+/g, " ")}`);
  }
  return { text: `${blocks.join("\n\n")}\n`, notes };
}

type Note = (detail: string) => void;

function writeQuestion(q: GiftExportQuestion, note: Note): string | null {
  const config = q.config;
  if (config.type === "ordering") {
    note("nicht exportiert – GIFT kennt keine Reihenfolge-Fragen");
    return null;
  }
  if (hasTags(q.title)) note("Moodle entfernt HTML-ähnliche Tags aus dem Titel");
  if (q.points !== 1 && config.type !== "description")
    note(`${q.points} Punkte gehen verloren (GIFT kennt keine Punkte)`);
  const head = `::${escapeGift(q.title)}::[markdown]`;
  const prompt = q.promptMarkdown.replace(/\r\n?/g, "\n");
  const feedback = phpTrim(q.generalFeedbackMarkdown ?? "");
  if (config.type === "description") {
    if (feedback) note("das allgemeine Feedback geht verloren (Beschreibungen haben keines)");
    return head + escapeGift(prompt);
  }
  const answers = answerBlock(config, note);
  if (answers === null) return null;
  const general = feedback ? `####${formatted(feedback)}` : "";
  const block = answers.inline
    ? `{${answers.lines.join("")}${general}}`
    : `{${answers.opening ?? ""}\n${[...answers.lines, ...(general ? [general] : [])].map((line) => `\t${line}`).join("\n")}\n}`;
  return head + withBlock(prompt, block);
}

/**
 * Moodle puts `_____` where the block stood unless it ends the text; writing the block at the
 * prompt's first `_____` therefore reads back to the same prompt and keeps the missing-word look.
 */
function withBlock(prompt: string, block: string): string {
  const gap = prompt.indexOf("_____");
  if (gap !== -1 && phpTrim(prompt.slice(gap + 5)) !== "")
    return escapeGift(prompt.slice(0, gap)) + block + escapeGift(prompt.slice(gap + 5));
  return escapeGift(prompt) + block;
}

/** Text that Moodle reads with a format: a leading `[` would be taken for a format marker. */
function formatted(text: string): string {
  return (text.startsWith("[") ? "[markdown]" : "") + escapeGift(text);
}

/**
 * Matching is recognised by `=` together with `->`; where a `->` would mislead the reader, the
 * text goes as `[html]` with `>` as an entity (feedbacks and matching items are HTML in Moodle).
 */
function arrowSafe(text: string): string {
  return text.includes("->") ? `[html]${escapeGift(encodeHtmlText(text))}` : formatted(text);
}

function withFeedback(feedback: string, write: (text: string) => string = formatted): string {
  return feedback ? `#${write(feedback)}` : "";
}

/** `%n%` with at most five decimals, so 1/3 is written 33.33333 and read back as 0.3333333. */
function weight(fraction: number, note: Note): string {
  const percent = Number((fraction * 100).toFixed(5));
  if (Math.abs(percent / 100 - fraction) > 1e-12) {
    const german = (n: number) => n.toLocaleString("de-DE", { maximumFractionDigits: 10 });
    note(`Gewichtung ${german(fraction * 100)} % auf ${german(percent)} % gerundet`);
  }
  return `%${percent === 0 ? 0 : percent}%`;
}

type AnswerLines = { lines: string[]; inline: boolean; opening?: string };

function answerBlock(config: QuestionConfig, note: Note): AnswerLines | null {
  switch (config.type) {
    case "essay":
      return { lines: [], inline: true };
    case "truefalse":
      return { lines: [trueFalse(config.correct, config.feedbackTrue, config.feedbackFalse)], inline: true };
    case "single":
    case "multiple":
      return { lines: choiceLines(config.type, config.choices, note), inline: false };
    case "shorttext":
      return shortTextLines(config.answers, config.caseSensitive, note);
    case "numeric":
      if (config.unit) note(`die Einheit „${config.unit}“ geht verloren`);
      return { lines: numericLines(config.answers, note), inline: false, opening: "#" };
    case "matching":
      return {
        lines: [
          ...config.pairs.map((pair) => `=${arrowSafe(pair.left)} -> ${escapeGift(pair.right)}`),
          ...config.distractors.map((extra) => `= -> ${escapeGift(extra)}`),
        ],
        inline: false,
      };
    default:
      return null;
  }
}

/** `{TRUE#shown if wrong#shown if right}`, as Moodle writes it. */
function trueFalse(correct: boolean, feedbackTrue: string, feedbackFalse: string): string {
  const right = correct ? feedbackTrue : feedbackFalse;
  const wrong = correct ? feedbackFalse : feedbackTrue;
  return `${correct ? "TRUE" : "FALSE"}${wrong ? `#${formatted(wrong)}` : right ? "#" : ""}${withFeedback(right)}`;
}

function choiceLines(type: "single" | "multiple", choices: Choice[], note: Note): string[] {
  // Moodle reads single choice only from a `=`, so the first full answer gets it.
  const first = type === "single" ? choices.findIndex((c) => c.fraction === 1) : -1;
  if (type === "single" && first === -1)
    note("Einfachauswahl ohne 100-%-Antwort: Moodle liest sie als Mehrfachauswahl");
  return choices.map((choice, index) => {
    const text = formatted(choice.text);
    let prefix: string;
    if (index === first) prefix = "=";
    else if (type === "single" && choice.fraction === 0 && !text.startsWith("%")) prefix = "~";
    else prefix = `~${weight(choice.fraction, note)}`;
    return `${prefix}${text}${withFeedback(choice.feedback)}`;
  });
}

function shortTextLines(
  answers: { text: string; fraction: number; feedback: string }[],
  caseSensitive: boolean,
  note: Note,
): AnswerLines | null {
  if (caseSensitive) note("„Groß-/Kleinschreibung beachten“ geht verloren (Moodle liest ohne)");
  const arrows = answers.some((a) => a.text.includes("->"));
  if (arrows && answers.length > 1) {
    note("nicht exportiert – mehrere Kurzantworten mit „->“ liest Moodle als Zuordnung");
    return null;
  }
  // A single answer needs no `=`, and without `=` a `->` cannot turn it into matching.
  const lead = arrows ? "" : "=";
  const write = answers.some((a) => a.feedback.includes("->")) && !arrows ? arrowSafe : formatted;
  return {
    lines: answers.map(
      (a) => `${lead}${weight(a.fraction, note)}${formatted(a.text)}${withFeedback(a.feedback, write)}`,
    ),
    inline: false,
  };
}

function numericLines(answers: NumericAnswer[], note: Note): string[] {
  return answers.map((a, index) => {
    const feedback = withFeedback(a.feedback);
    if (a.value === null) {
      // Moodle's own form for "any other number" is a last `~`; elsewhere `*` reads the same.
      if (index === answers.length - 1 && a.fraction === 0 && a.tolerance === 0) return `~${feedback}`;
      return `=${weight(a.fraction, note)}*${a.tolerance ? `:${a.tolerance}` : ""}${feedback}`;
    }
    return `=${weight(a.fraction, note)}${a.value}:${a.tolerance}${feedback}`;
  });
}
