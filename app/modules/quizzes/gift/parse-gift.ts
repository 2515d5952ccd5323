import type { z } from "zod";
import { questionConfigSchema } from "../question-config.ts";
import { readAnswerBlock } from "./gift-answers.ts";
import { QuestionProblems, type Seg, sliceSeg, trimSeg } from "./gift-segment.ts";
import { cleanTitle, phpTrim, protectEscapes, resolveEscapes, splitFormat } from "./gift-text.ts";
import type { GiftParseResult, GiftProblem, GiftQuestion, GiftText } from "./gift-types.ts";

/**
 * Reads a GIFT file as Moodle's qformat_gift does (question/format/gift/format.php), into our
 * question model. Where Moodle would accept something the model cannot hold, the question is
 * dropped with an error; where it is kept with a loss, a warning says so. Lines are 1-based.
 */
export function parseGift(source: string): GiftParseResult {
  const questions: GiftQuestion[] = [];
  const problems: GiftProblem[] = [];
  let category: string | null = null;
  for (const block of splitBlocks(source)) {
    const read = readBlock(block);
    if (!read) continue;
    problems.push(...read.problems);
    if (read.kind === "category") category = read.category;
    else if (read.question) questions.push({ ...read.question, category });
  }
  return { questions, problems };
}

type Line = { text: string; line: number };

/** Moodle's readquestions: lines trimmed, questions separated by blank lines. */
function splitBlocks(source: string): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  source
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const text = phpTrim(raw);
      if (text !== "") {
        current.push({ text, line: index + 1 });
      } else if (current.length > 0) {
        blocks.push(current);
        current = [];
      }
    });
  if (current.length > 0) blocks.push(current);
  return blocks;
}

type BlockResult =
  | { kind: "category"; category: string | null; problems: GiftProblem[] }
  | { kind: "question"; question: Omit<GiftQuestion, "category"> | null; problems: GiftProblem[] };

function readBlock(lines: Line[]): BlockResult | null {
  // Comment lines give way to a space (as in Moodle), so offsets keep their lines.
  const comments = lines.filter((l) => l.text.startsWith("//")).map((l) => l.text);
  const joined = lines.map((l) => (l.text.startsWith("//") ? " " : l.text)).join("\n");
  // Escapes never add or remove a line break, so a newline count still finds the line.
  const processed = protectEscapes(joined);
  const breaks: number[] = [];
  for (let i = processed.indexOf("\n"); i !== -1; i = processed.indexOf("\n", i + 1)) breaks.push(i);
  const lineAt = (at: number) => {
    const index = breaks.filter((b) => b < at).length;
    return lines[Math.min(index, lines.length - 1)]?.line ?? 0;
  };
  const p = new QuestionProblems(lineAt);

  let text = trimSeg({ text: processed, at: 0 });
  if (text.text === "") return null;
  const line = p.line(text);

  if (text.text.startsWith("$CATEGORY:")) return readCategory(text, p);

  let title: string | null = null;
  if (text.text.startsWith("::")) {
    text = sliceSeg(text, 2);
    const end = text.text.indexOf("::");
    // Without a closing `::` Moodle drops the opening one and reads the rest as text.
    if (end !== -1) {
      title = cleanTitle(resolveEscapes(text.text.slice(0, end)));
      text = trimSeg(sliceSeg(text, end + 2));
    }
  }

  const question = readQuestion(text, p);
  const { idNumber, tags } = idNumberAndTags(comments.join("\n"));
  return {
    kind: "question",
    question: question && !p.failed ? { line, title, idNumber, tags, ...question } : null,
    problems: p.failed ? p.list.filter((x) => x.severity === "error") : p.list,
  };
}

function readCategory(text: Seg, p: QuestionProblems): BlockResult {
  const newline = text.text.indexOf("\n");
  const firstLine = newline === -1 ? text.text : text.text.slice(0, newline);
  // Moodle would take the following lines into the category name; we keep the first and say why.
  if (newline !== -1)
    p.error(
      text.at + newline + 1,
      "Nach „$CATEGORY:“ fehlt eine Leerzeile; die folgenden Zeilen werden nicht als Frage gelesen",
    );
  const category = phpTrim(resolveEscapes(firstLine.slice("$CATEGORY:".length)));
  return { kind: "category", category: category || null, problems: p.list };
}

type ReadQuestion = Pick<GiftQuestion, "prompt" | "generalFeedback" | "config">;

function readQuestion(text: Seg, p: QuestionProblems): ReadQuestion | null {
  const start = text.text.indexOf("{");
  const end = text.text.indexOf("}");
  if (start === -1 && end !== -1) {
    p.error(text.at + end, "Geschweifte Klammer fehlt: } ohne {");
    return null;
  }
  if (start !== -1 && end === -1) {
    p.error(text.at + start, "Geschweifte Klammer fehlt: { ohne }");
    return null;
  }
  if (end < start) {
    p.error(text.at + end, "Geschweifte Klammern vertauscht: } vor {");
    return null;
  }

  const description = start === -1;
  let promptText = text.text;
  let answer: Seg = { text: "", at: text.at };
  if (!description) {
    answer = trimSeg(sliceSeg(text, start + 1, end));
    // A block in the middle leaves Moodle's blank line (missing word); at the very end it just goes.
    const blank = text.text.endsWith("}") ? "" : "_____";
    promptText = text.text.slice(0, start) + blank + text.text.slice(end + 1);
  }

  let generalFeedbackText = "";
  const separator = answer.text.lastIndexOf("####");
  if (separator !== -1) {
    generalFeedbackText = answer.text.slice(separator + 4);
    answer = trimSeg(sliceSeg(answer, 0, separator));
  }

  const prompt: GiftText = splitFormat(promptText, "moodle");
  const feedback = splitFormat(generalFeedbackText, prompt.format);
  // Escaped braces are placeholders by now; a raw one left in the prompt was meant as a second block.
  if (/[{}]/.test(promptText))
    p.warn(text, "Der Fragetext enthält weitere geschweifte Klammern; sie bleiben Text (als \\{ und \\} schreiben)");

  const config = description ? { type: "description" as const } : readAnswerBlock(answer, prompt.format, p);
  if (!config || p.failed) return null;
  const parsed = questionConfigSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) p.error(answer.text ? answer : text, describeIssue(issue));
    return null;
  }
  return { prompt, generalFeedback: feedback.text ? feedback : null, config: parsed.data };
}

const LABELS: Record<string, [string, string]> = {
  choices: ["Antwort", "Antworten"],
  answers: ["Antwort", "Antworten"],
  pairs: ["Paar", "Paare"],
  distractors: ["Zusätzliche Antwort", "Zusätzliche Antworten"],
  items: ["Eintrag", "Einträge"],
  feedback: ["Feedback", "Feedback"],
  left: ["links", "links"],
  right: ["rechts", "rechts"],
  fraction: ["Gewichtung", "Gewichtung"],
  value: ["Wert", "Wert"],
  tolerance: ["Toleranz", "Toleranz"],
};

/** Our schema's rules in German, e.g. "Antwort 3, Feedback: höchstens 2000 Zeichen". */
function describeIssue(issue: z.core.$ZodIssue): string {
  const parts: string[] = [];
  issue.path.forEach((part, i) => {
    if (typeof part === "number") parts[parts.length - 1] += ` ${part + 1}`;
    else if (part !== "text")
      parts.push(LABELS[String(part)]?.[typeof issue.path[i + 1] === "number" ? 0 : 1] ?? String(part));
  });
  let message = issue.message;
  if (issue.code === "too_small" || issue.code === "too_big") {
    const small = issue.code === "too_small";
    const limit = Number(small ? issue.minimum : issue.maximum);
    if (issue.origin === "string") message = small ? "darf nicht leer sein" : `höchstens ${limit} Zeichen`;
    else message = small ? `mindestens ${limit}` : `höchstens ${limit}`;
  }
  return parts.length > 0 ? `${parts.join(", ")}: ${message}` : message;
}

/** Moodle's extract_idnumber_and_tags_from_comment: first `[id:…]`, every `[tag:…]`, `\]` escapes `]`. */
function idNumberAndTags(comments: string): { idNumber: string | null; tags: string[] } {
  const id = /\[id:((?:\\\]|[^\]\p{Cc}])+)\]/u.exec(comments);
  const tags = [...comments.matchAll(/\[tag:((?:\\\]|[^\]<>`\p{Cc}])*)\]/gu)]
    .map((m) => phpTrim((m[1] ?? "").replaceAll("\\]", "]")))
    .filter((tag) => tag !== "");
  const idNumber = id ? phpTrim((id[1] ?? "").replaceAll("\\]", "]")) : "";
  return { idNumber: idNumber || null, tags };
}
