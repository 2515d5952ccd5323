import { matchingOptions, type QuestionConfig, type QuestionResponse } from "../question-config.ts";
import { readNumber, withinTolerance } from "./number-input.ts";
import { shortTextMatches } from "./short-text.ts";

/** Why a response got no marks although something was typed; the UI words it. */
export const gradeNotices = ["not-a-number", "wrong-unit"] as const;
export type GradeNotice = (typeof gradeNotices)[number];

export type Grade = {
  /**
   * Share of the question's points, 0 … 1 (penalties never take a question below 0).
   * null = a person has to grade it (an essay with text).
   */
  fraction: number | null;
  answered: boolean;
  /** The author's feedback for what was answered, in order. */
  feedback: string[];
  notice: GradeNotice | null;
};

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const nonEmpty = (texts: string[]) => texts.filter((text) => text !== "");
const unanswered: Grade = { fraction: 0, answered: false, feedback: [], notice: null };

/**
 * Grades one response against the question's answer key. Pure: the same input always gives the
 * same grade, so attempts can be re-graded and tests can replay them. A response of another type
 * than the question counts as unanswered.
 */
export function gradeResponse(config: QuestionConfig, response: QuestionResponse | null): Grade {
  if (config.type === "description") return { fraction: null, answered: false, feedback: [], notice: null };
  if (!response || response.type !== config.type) return unanswered;
  switch (response.type) {
    case "single": {
      if (config.type !== "single") return unanswered;
      const choice = response.choice === null ? undefined : config.choices[response.choice];
      if (!choice) return unanswered;
      return { fraction: clamp(choice.fraction), answered: true, feedback: nonEmpty([choice.feedback]), notice: null };
    }
    case "multiple": {
      if (config.type !== "multiple") return unanswered;
      const choices = config.choices;
      const picked = [...new Set(response.choices)].sort((a, b) => a - b).flatMap((i) => choices[i] ?? []);
      if (picked.length === 0) return unanswered;
      const sum = picked.reduce((total, choice) => total + choice.fraction, 0);
      return {
        fraction: clamp(round(sum)),
        answered: true,
        feedback: nonEmpty(picked.map((c) => c.feedback)),
        notice: null,
      };
    }
    case "truefalse": {
      if (response.value === null || config.type !== "truefalse") return unanswered;
      const feedback = response.value ? config.feedbackTrue : config.feedbackFalse;
      return {
        fraction: response.value === config.correct ? 1 : 0,
        answered: true,
        feedback: nonEmpty([feedback]),
        notice: null,
      };
    }
    case "numeric": {
      if (config.type !== "numeric") return unanswered;
      const reading = readNumber(response.text, config.unit);
      if (!reading.ok) {
        if (reading.reason === "empty") return unanswered;
        return { fraction: 0, answered: true, feedback: [], notice: reading.reason };
      }
      // First matching answer wins, as in Moodle; `value: null` matches any number.
      const hit = config.answers.find((a) => a.value === null || withinTolerance(reading.value, a.value, a.tolerance));
      return {
        fraction: clamp(hit?.fraction ?? 0),
        answered: true,
        feedback: nonEmpty([hit?.feedback ?? ""]),
        notice: null,
      };
    }
    case "shorttext": {
      if (config.type !== "shorttext") return unanswered;
      if (response.text.trim() === "") return unanswered;
      const hit = config.answers.find((a) => shortTextMatches(response.text, a.text, config.caseSensitive));
      return {
        fraction: clamp(hit?.fraction ?? 0),
        answered: true,
        feedback: nonEmpty([hit?.feedback ?? ""]),
        notice: null,
      };
    }
    case "ordering": {
      if (config.type !== "ordering") return unanswered;
      if (!isPermutation(response.order, config.items.length)) return unanswered;
      const inPlace = response.order.filter((item, place) => item === place).length;
      return { fraction: round(inPlace / config.items.length), answered: true, feedback: [], notice: null };
    }
    case "matching": {
      if (config.type !== "matching") return unanswered;
      const options = new Set(matchingOptions(config));
      const given = config.pairs.map((_, i) => response.matches[i] ?? null);
      if (given.every((match) => match === null || !options.has(match))) return unanswered;
      const right = config.pairs.filter((pair, i) => given[i] === pair.right).length;
      return { fraction: round(right / config.pairs.length), answered: true, feedback: [], notice: null };
    }
    case "essay":
      if (response.text.trim() === "") return unanswered;
      return { fraction: null, answered: true, feedback: [], notice: null };
    default:
      return unanswered;
  }
}

function isPermutation(order: number[], length: number): boolean {
  return (
    order.length === length &&
    new Set(order).size === length &&
    order.every((i) => Number.isInteger(i) && i >= 0 && i < length)
  );
}

/**
 * Six decimals: avoids 0.30000000000000004 in stored marks, and makes three ticks worth
 * 33.33333 % each (Moodle's way to write a third) add up to full marks.
 */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
