import { z } from "zod";
import { userText } from "#app/modules/shared/user-text.ts";
import { slugPattern } from "./schemas.ts";

/**
 * `quiz.yaml` in a module folder: the quiz's settings and questions in our own format, written
 * for authors (percent weights, `correct: true`, ranges). `toQuestionConfig` turns a question into
 * the stored model. Prompts and general feedback are Markdown, like lessons.
 */

const controlCharacters = "enthält unsichtbare Steuerzeichen";
const text = (max: number) =>
  userText({ max, required: "darf nicht leer sein", tooLong: `höchstens ${max} Zeichen`, controlCharacters });
const feedback = userText({ max: 2000, tooLong: "höchstens 2000 Zeichen", controlCharacters }).optional();
/** Percent of the points, -100 … 100. */
const weight = z.number("Gewicht in Prozent angeben").min(-100).max(100);

const common = {
  /** Stable within the quiz: re-imports update the question with this key. */
  key: z.string().regex(slugPattern, "key: nur a-z, 0-9 und Bindestriche").max(80),
  title: text(160).optional(),
  prompt: text(5000),
  /** A picture from the course folder, e.g. images/bild.svg, and what it shows (required with it). */
  image: z.string().trim().min(1).optional(),
  imageAlt: text(400).optional(),
  points: z.number().positive("Punkte größer als 0").max(100).default(1),
  /** General feedback (Markdown), shown with the result. */
  feedback: userText({ max: 5000, tooLong: "höchstens 5000 Zeichen", controlCharacters }).optional(),
};

const choice = z.strictObject({
  text: text(1000),
  /** Shorthand for weight 100 (single choice) or an equal share (multiple choice). */
  correct: z.boolean().optional(),
  weight: weight.optional(),
  feedback,
});

const numericAnswer = z
  .strictObject({
    value: z.number().optional(),
    tolerance: z.number().min(0).optional(),
    /** [min, max] instead of value ± tolerance. */
    range: z.tuple([z.number(), z.number()]).optional(),
    /** Any other number: for feedback on wrong answers. */
    other: z.literal(true).optional(),
    /** Default 100, and 0 for `other` (it gives feedback, not marks). */
    weight: weight.optional(),
    feedback,
  })
  .refine((a) => [a.value !== undefined, a.range !== undefined, a.other === true].filter(Boolean).length === 1, {
    message: "genau eines von value, range oder other: true angeben",
  })
  .refine((a) => !a.range || a.range[0] <= a.range[1], { message: "range: erst Minimum, dann Maximum" });

const shortAnswer = z.strictObject({ text: text(1000), weight: weight.default(100), feedback });

const questionVariants = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ ...common, type: z.literal("single"), choices: z.array(choice).min(2).max(20) }),
    z.strictObject({ ...common, type: z.literal("multiple"), choices: z.array(choice).min(2).max(20) }),
    z.strictObject({
      ...common,
      type: z.literal("truefalse"),
      answer: z.boolean("answer: true oder false"),
      feedbackTrue: feedback,
      feedbackFalse: feedback,
    }),
    z.strictObject({
      ...common,
      type: z.literal("numeric"),
      answers: z.array(numericAnswer).min(1).max(20),
      unit: z.string().trim().min(1).max(20).optional(),
    }),
    z.strictObject({
      ...common,
      type: z.literal("shorttext"),
      answers: z.array(shortAnswer).min(1).max(20),
      caseSensitive: z.boolean().default(false),
    }),
    z.strictObject({ ...common, type: z.literal("ordering"), items: z.array(text(1000)).min(2).max(12) }),
    z.strictObject({
      ...common,
      type: z.literal("matching"),
      pairs: z
        .array(z.strictObject({ left: text(1000), right: text(1000) }))
        .min(2)
        .max(12),
      distractors: z.array(text(1000)).max(12).default([]),
    }),
    z.strictObject({ ...common, type: z.literal("essay") }),
    z.strictObject({ ...common, type: z.literal("description"), points: z.literal(0).default(0) }),
  ],
  {
    error: "type: single, multiple, truefalse, numeric, shorttext, ordering, matching, essay oder description",
  },
);

export const quizQuestionFileSchema = questionVariants.refine((q) => !q.image || q.imageAlt, {
  message: "imageAlt: sag in Worten, was das Bild zeigt (für Menschen, die es nicht sehen)",
  path: ["imageAlt"],
});

export const reviewPolicies = ["after-attempt", "after-pass", "never"] as const;

export const quizSettingsSchema = z.strictObject({
  title: text(160).optional(),
  /** Markdown shown before the start button. */
  intro: userText({ max: 5000, tooLong: "höchstens 5000 Zeichen", controlCharacters }).optional(),
  passPercent: z.int().min(0).max(100).default(60),
  /** A number, or "unlimited" for practice mode (best attempt counts). */
  attempts: z.union([z.int().min(1).max(20), z.literal("unlimited")]).default("unlimited"),
  shuffleQuestions: z.boolean().default(false),
  shuffleAnswers: z.boolean().default(true),
  /** Draw this many questions at random from the pool for each attempt. */
  draw: z.int().min(1).max(200).optional(),
  perPage: z.int().min(1).max(20).default(3),
  /** When feedback and correct answers are shown. */
  review: z.enum(reviewPolicies).default("after-attempt"),
});

export const quizFileSchema = quizSettingsSchema.extend({
  questions: z.array(quizQuestionFileSchema).max(200).default([]),
});

export type QuizFile = z.infer<typeof quizFileSchema>;
export type QuizQuestionFile = z.infer<typeof quizQuestionFileSchema>;
export type QuizSettingsFile = z.infer<typeof quizSettingsSchema>;
