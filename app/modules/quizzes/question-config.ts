import { z } from "zod";
import { userText } from "#app/modules/shared/user-text.ts";

/**
 * What a question needs for grading: its type and answer key. Stored as JSON in
 * `questions.config`; it never leaves the server before the review settings allow it.
 * Answer texts, items and feedbacks are plain text (shown escaped); the prompt and the general
 * feedback are rich documents and live beside the config.
 */

/** A share of the question's points: 1 = full marks, negative = penalty (multiple choice). */
export const fractionSchema = z.number().min(-1).max(1);
const controlCharacters = "enthält unsichtbare Steuerzeichen";
const answerText = userText({
  max: 1000,
  required: "darf nicht leer sein",
  tooLong: "höchstens 1000 Zeichen",
  controlCharacters,
});
const feedbackText = userText({ max: 2000, tooLong: "höchstens 2000 Zeichen", controlCharacters }).default("");

export const choiceSchema = z.strictObject({ text: answerText, fraction: fractionSchema, feedback: feedbackText });

export const singleConfigSchema = z.strictObject({
  type: z.literal("single"),
  choices: z.array(choiceSchema).min(2, "mindestens zwei Antworten").max(20),
});
export const multipleConfigSchema = z.strictObject({
  type: z.literal("multiple"),
  choices: z.array(choiceSchema).min(2, "mindestens zwei Antworten").max(20),
});
export const trueFalseConfigSchema = z.strictObject({
  type: z.literal("truefalse"),
  correct: z.boolean(),
  /** Shown to whoever answered "wahr" / "falsch". */
  feedbackTrue: feedbackText,
  feedbackFalse: feedbackText,
});
export const numericAnswerSchema = z.strictObject({
  /** null = any other number ("*" in GIFT), to give feedback to wrong answers. */
  value: z.number().finite().nullable(),
  tolerance: z.number().finite().min(0).default(0),
  fraction: fractionSchema,
  feedback: feedbackText,
});
export const numericConfigSchema = z.strictObject({
  type: z.literal("numeric"),
  answers: z.array(numericAnswerSchema).min(1).max(20),
  /** Shown beside the input; an answer may repeat it ("3,5 m²") but not give another one. */
  unit: z.string().trim().max(20).nullable().default(null),
});
export const shortTextAnswerSchema = z.strictObject({
  /** `*` matches any run of characters, `\*` is an asterisk, as in Moodle. */
  text: answerText,
  fraction: fractionSchema,
  feedback: feedbackText,
});
export const shortTextConfigSchema = z.strictObject({
  type: z.literal("shorttext"),
  answers: z.array(shortTextAnswerSchema).min(1).max(20),
  caseSensitive: z.boolean().default(false),
});
export const orderingConfigSchema = z.strictObject({
  type: z.literal("ordering"),
  /** In the correct order. */
  items: z.array(answerText).min(2, "mindestens zwei Einträge").max(12),
});
export const matchingConfigSchema = z.strictObject({
  type: z.literal("matching"),
  pairs: z
    .array(z.strictObject({ left: answerText, right: answerText }))
    .min(2, "mindestens zwei Paare")
    .max(12),
  /** Extra right-hand options that match nothing. */
  distractors: z.array(answerText).max(12).default([]),
});
export const essayConfigSchema = z.strictObject({ type: z.literal("essay") });
/** Information between questions (GIFT "description"): shown, never graded. */
export const descriptionConfigSchema = z.strictObject({ type: z.literal("description") });

export const questionConfigSchema = z.discriminatedUnion("type", [
  singleConfigSchema,
  multipleConfigSchema,
  trueFalseConfigSchema,
  numericConfigSchema,
  shortTextConfigSchema,
  orderingConfigSchema,
  matchingConfigSchema,
  essayConfigSchema,
  descriptionConfigSchema,
]);

export type QuestionConfig = z.infer<typeof questionConfigSchema>;
export type QuestionType = QuestionConfig["type"];
export type Choice = z.infer<typeof choiceSchema>;
export type NumericAnswer = z.infer<typeof numericAnswerSchema>;

export const questionTypes = [
  "single",
  "multiple",
  "truefalse",
  "numeric",
  "shorttext",
  "ordering",
  "matching",
  "essay",
  "description",
] as const satisfies readonly QuestionType[];

/** Right-hand options of a matching question: each distinct answer once, in authoring order. */
export function matchingOptions(config: z.infer<typeof matchingConfigSchema>): string[] {
  return [...new Set([...config.pairs.map((p) => p.right), ...config.distractors])];
}

/**
 * A response in authoring terms (indices into the config, not display positions). Display
 * order is per attempt; the attempt maps positions back before anything is stored or graded.
 */
export type QuestionResponse =
  | { type: "single"; choice: number | null }
  | { type: "multiple"; choices: number[] }
  | { type: "truefalse"; value: boolean | null }
  | { type: "numeric"; text: string }
  | { type: "shorttext"; text: string }
  /** order[i] = authoring index of the item the apprentice put at place i. */
  | { type: "ordering"; order: number[] }
  /** matches[i] = the option chosen for pair i, or null. */
  | { type: "matching"; matches: (string | null)[] }
  | { type: "essay"; text: string }
  | { type: "description" };
