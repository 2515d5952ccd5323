import type { Choice, NumericAnswer, QuestionConfig } from "../question-config.ts";
import { dropEmptyFirst, type QuestionProblems, type Seg, sliceSeg, splitSeg, trimSeg } from "./gift-segment.ts";
import { phpTrim, plainText, resolveEscapes, splitFormat } from "./gift-text.ts";
import type { GiftTextFormat } from "./gift-types.ts";

/**
 * The answer block `{…}` of one question, read in Moodle's order: empty → essay, `#…` → numeric,
 * any `~` → multiple choice, `=` with `->` → matching, T/TRUE/F/FALSE → true/false, else short answer.
 * `answer` is trimmed, escapes still protected, general feedback already removed.
 */
export function readAnswerBlock(answer: Seg, format: GiftTextFormat, p: QuestionProblems): QuestionConfig | null {
  const text = answer.text;
  if (text === "") return { type: "essay" };
  if (text.startsWith("#")) return readNumeric(answer, format, p);
  if (text.includes("~")) return readChoices(answer, format, p);
  if (text.includes("=") && text.includes("->")) return readMatching(answer, format, p);
  const hash = text.indexOf("#");
  const value = hash > 0 ? phpTrim(text.slice(0, hash)) : text;
  if (["T", "TRUE", "F", "FALSE"].includes(value)) return readTrueFalse(answer, format, p);
  return readShortText(answer, format, p);
}

const EMPTY_SKIPPED = "Leere Antwort wird übergangen (wie in Moodle)";

/** An answer or feedback with Moodle's format handling, as the plain text our model keeps. */
function plain(seg: Seg, format: GiftTextFormat, p: QuestionProblems): string {
  const parsed = splitFormat(phpTrim(seg.text), format);
  const result = plainText(parsed.text, parsed.format);
  if (result.hadTags) p.warnTagsOnce(seg);
  return result.text;
}

/** Short answers, numbers and matching options are plain strings in Moodle too: no tag stripping. */
function raw(seg: Seg, format: GiftTextFormat): string {
  return splitFormat(phpTrim(seg.text), format).text;
}

/** Moodle's commentparser: the first `#` starts the feedback. */
function splitFeedback(seg: Seg): [Seg, Seg | null] {
  const [answer, feedback] = splitSeg(seg, "#", 2);
  return [answer ?? seg, feedback ?? null];
}

function feedbackOf(seg: Seg | null, format: GiftTextFormat, p: QuestionProblems): string {
  return seg ? plain(seg, format, p) : "";
}

const WEIGHT = /^%-*[0-9]{1,2}\.?[0-9]*%/;

/** A leading `%n%` (Moodle's regex); null when there is none. The fraction is null when unusable. */
function takeWeight(seg: Seg, p: QuestionProblems): { fraction: number | null; rest: Seg } | null {
  const match = WEIGHT.exec(seg.text);
  if (!match) return null;
  const percent = match[0].slice(1, -1);
  const fraction = percentToFraction(percent);
  if (fraction === null) p.error(seg, `Ungültige Gewichtung „%${percent}%“`);
  else if (fraction < -1 || fraction > 1) p.error(seg, `Gewichtung ${percent} % liegt außerhalb von -100 % bis 100 %`);
  return { fraction, rest: sliceSeg(seg, match[0].length) };
}

/**
 * Shifts the decimal point instead of dividing by 100, so "33.33333" gives exactly 0.3333333
 * (Moodle divides and may differ in the 17th digit).
 */
export function percentToFraction(percent: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(percent);
  if (!match) return null;
  const whole = match[2] ?? "";
  const digits = whole + (match[3] ?? "");
  const point = whole.length - 2;
  const shifted = point <= 0 ? `0.${"0".repeat(-point)}${digits}` : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const value = Number(`${match[1]}${shifted}`);
  return value === 0 ? 0 : value;
}

function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2)).toLocaleString("de-DE")} %`;
}

function readChoices(answer: Seg, format: GiftTextFormat, p: QuestionProblems): QuestionConfig | null {
  // Any `=` makes it single choice, as in Moodle (`single=1`); `=` also starts an answer.
  const single = answer.text.includes("=");
  const pieces = dropEmptyFirst(splitChoices(answer));
  if (pieces.length < 2) {
    p.error(answer, "Zu wenige Antworten: eine Auswahlfrage braucht mindestens zwei");
    return null;
  }
  const choices: Choice[] = [];
  for (const piece of pieces) {
    let rest = trimSeg(piece);
    let fraction = 0;
    if (rest.text.startsWith("=")) {
      fraction = 1;
      rest = sliceSeg(rest, 1);
    } else {
      const weight = takeWeight(rest, p);
      if (weight) {
        fraction = weight.fraction ?? 0;
        rest = weight.rest;
      }
    }
    const [textSeg, feedbackSeg] = splitFeedback(rest);
    const text = plain(textSeg, format, p);
    const feedback = feedbackOf(feedbackSeg, format, p);
    if (text === "") {
      p.warn(piece, EMPTY_SKIPPED);
      continue;
    }
    choices.push({ text, fraction, feedback });
  }
  if (single && !choices.some((c) => c.fraction === 1)) p.warn(answer, "Einfachauswahl ohne Antwort mit 100 %");
  if (!single) {
    const positive = choices.reduce((sum, c) => sum + Math.max(0, c.fraction), 0);
    if (Math.abs(positive - 1) > 0.01)
      p.warn(answer, `Mehrfachauswahl: die positiven Gewichtungen ergeben ${percentText(positive)} statt 100 %`);
  }
  return { type: single ? "single" : "multiple", choices };
}

/** Moodle replaces `=` by `~=` and splits on `~`: `~` ends an answer, `=` starts one and stays. */
function splitChoices(seg: Seg): Seg[] {
  const pieces: Seg[] = [];
  let from = 0;
  for (let i = 0; i < seg.text.length; i++) {
    const c = seg.text[i];
    if (c !== "~" && c !== "=") continue;
    pieces.push(sliceSeg(seg, from, i));
    from = c === "~" ? i + 1 : i;
  }
  pieces.push(sliceSeg(seg, from));
  return pieces;
}

function readMatching(answer: Seg, format: GiftTextFormat, p: QuestionProblems): QuestionConfig | null {
  const pieces = dropEmptyFirst(splitSeg(answer, "="));
  if (pieces.length < 2) {
    p.error(answer, "Zu wenige Einträge: eine Zuordnungsfrage braucht mindestens zwei");
    return null;
  }
  const pairs: { left: string; right: string }[] = [];
  const distractors: string[] = [];
  for (const piece of pieces) {
    const entry = trimSeg(piece);
    const arrow = entry.text.indexOf("->");
    if (arrow === -1) {
      p.error(entry, `Zuordnung ohne „->“: „${resolveEscapes(entry.text)}“`);
      return null;
    }
    const left = plain(sliceSeg(entry, 0, arrow), format, p);
    const right = phpTrim(resolveEscapes(entry.text.slice(arrow + 2)));
    if (left === "" && right === "") p.warn(entry, "Leerer Eintrag wird übergangen (wie in Moodle)");
    else if (left === "") distractors.push(right);
    else pairs.push({ left, right });
  }
  return { type: "matching", pairs, distractors };
}

function readTrueFalse(answer: Seg, format: GiftTextFormat, p: QuestionProblems): QuestionConfig {
  // `{T#shown if wrong#shown if right}`: the feedbacks belong to the wrong and the right answer.
  const [value, wrongSeg, rightSeg] = splitSeg(answer, "#", 3);
  const correct = ["T", "TRUE"].includes(raw(value ?? answer, format));
  const wrong = feedbackOf(wrongSeg ?? null, format, p);
  const right = feedbackOf(rightSeg ?? null, format, p);
  return {
    type: "truefalse",
    correct,
    feedbackTrue: correct ? right : wrong,
    feedbackFalse: correct ? wrong : right,
  };
}

function readShortText(answer: Seg, format: GiftTextFormat, p: QuestionProblems): QuestionConfig | null {
  const answers: { text: string; fraction: number; feedback: string }[] = [];
  for (const piece of dropEmptyFirst(splitSeg(answer, "="))) {
    let rest = trimSeg(piece);
    const weight = takeWeight(rest, p);
    if (weight) rest = weight.rest;
    const [textSeg, feedbackSeg] = splitFeedback(rest);
    const text = raw(textSeg, format);
    const feedback = feedbackOf(feedbackSeg, format, p);
    if (text === "") {
      p.warn(piece, EMPTY_SKIPPED);
      continue;
    }
    answers.push({ text, fraction: weight ? (weight.fraction ?? 0) : 1, feedback });
  }
  if (answers.length > 0 && !answers.some((a) => a.fraction === 1)) p.warn(answer, "Keine Antwort mit 100 %");
  return { type: "shorttext", answers, caseSensitive: false };
}

// PHP's is_numeric for trimmed strings: sign, digits with optional point, optional exponent.
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function numberProblem(what: string, value: string): string {
  const hint = value.includes(",") ? " (Dezimalpunkt statt Komma verwenden)" : "";
  return `${what} ist keine Zahl: „${value}“${hint}`;
}

function readNumeric(answer: Seg, format: GiftTextFormat, p: QuestionProblems): QuestionConfig | null {
  let body = sliceSeg(answer, 1);
  // Everything from the first `~` is the feedback for any other number (Moodle's answer "*").
  const tilde = body.text.indexOf("~");
  const other = tilde === -1 ? null : sliceSeg(body, tilde);
  if (tilde !== -1) body = sliceSeg(body, 0, tilde);
  const pieces = dropEmptyFirst(splitSeg(body, "="));
  if (pieces.length === 0) {
    p.error(answer, "Keine Zahl als Antwort gefunden");
    return null;
  }
  const answers: NumericAnswer[] = [];
  for (const piece of pieces) {
    let rest = trimSeg(piece);
    const weight = takeWeight(rest, p);
    if (weight) rest = weight.rest;
    const [valueSeg, feedbackSeg] = splitFeedback(rest);
    const parsed = numericValue(raw(valueSeg, format), valueSeg, p);
    if (!parsed) continue;
    answers.push({
      ...parsed,
      fraction: weight ? (weight.fraction ?? 0) : 1,
      feedback: feedbackOf(feedbackSeg, format, p),
    });
  }
  if (other) {
    const [, feedbackSeg] = splitFeedback(other);
    answers.push({ value: null, tolerance: 0, fraction: 0, feedback: feedbackOf(feedbackSeg, format, p) });
  }
  if (!answers.some((a) => a.fraction === 1)) p.warn(answer, "Keine Antwort mit 100 %");
  return { type: "numeric", answers, unit: null };
}

/** `value`, `value:tolerance` or `min..max` (midpoint and half width, as Moodle); `*` = any number. */
function numericValue(text: string, seg: Seg, p: QuestionProblems): { value: number | null; tolerance: number } | null {
  const range = text.indexOf("..");
  const colon = text.indexOf(":");
  let value: number | null;
  let tolerance: number;
  if (range > 0) {
    const min = phpTrim(text.slice(0, range));
    const max = phpTrim(text.slice(range + 2));
    if (!NUMBER.test(min) || !NUMBER.test(max)) {
      p.error(seg, numberProblem("Der Bereich", text));
      return null;
    }
    value = (Number(max) + Number(min)) / 2;
    tolerance = Number(max) - value;
  } else {
    const valueText = colon > 0 ? phpTrim(text.slice(0, colon)) : text;
    const toleranceText = colon > 0 ? phpTrim(text.slice(colon + 1)) : "0";
    if (valueText !== "*" && !NUMBER.test(valueText)) {
      p.error(seg, numberProblem("Die Antwort", valueText));
      return null;
    }
    if (!NUMBER.test(toleranceText)) {
      p.error(seg, numberProblem("Die Toleranz", toleranceText));
      return null;
    }
    value = valueText === "*" ? null : Number(valueText);
    tolerance = Number(toleranceText);
  }
  if (tolerance < 0) {
    // Moodle grades with the absolute tolerance; a reversed range gives a negative one.
    p.warn(seg, "Negative Toleranz wird als Betrag übernommen");
    tolerance = -tolerance;
  }
  return { value, tolerance };
}
