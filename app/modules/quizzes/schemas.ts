import { z } from "zod";
import { markupTooDeep, NESTING_ERROR } from "#app/modules/rich-text/nesting.ts";
import { userLine, userText } from "#app/modules/shared/user-text.ts";

/**
 * What the attempt form's buttons say. One field, because without JavaScript only the pressed
 * button's name and value are sent: "next", "page:3", "move:2:1:up" (slot 2, position 1).
 */
const intentPattern = /^(previous|next|save|submit|autosave|page:(\d{1,3})|move:(\d{1,3}):(\d{1,2}):(up|down))$/;

export const AttemptFormSchema = z.object({
  intent: z.string().regex(intentPattern),
  revision: z.coerce.number().int().min(0),
  page: z.coerce.number().int().min(1).max(999),
});

export type AttemptIntent =
  | { kind: "previous" | "next" | "save" | "submit" | "autosave" }
  | { kind: "page"; page: number }
  | { kind: "move"; slot: number; position: number; direction: "up" | "down" };

export function parseIntent(intent: string): AttemptIntent {
  const match = intentPattern.exec(intent);
  if (match?.[2]) return { kind: "page", page: Number(match[2]) };
  if (match?.[3]) {
    return { kind: "move", slot: Number(match[3]), position: Number(match[4]), direction: match[5] as "up" | "down" };
  }
  return { kind: intent as "previous" | "next" | "save" | "submit" | "autosave" };
}

/** `?page=` of an attempt: anything but a page number shows the first page. */
export const PageParamSchema = z.coerce.number().int().min(1).max(999).catch(1);

/** The slot in a grading URL: anything but a slot number cannot exist. */
export const SlotParamSchema = z.coerce.number().int().min(1).max(999);

export const StartQuizSchema = z.object({ intent: z.literal("start") });

export const GradeEssaySchema = z.object({
  points: z
    .string()
    .trim()
    .min(1, "errors.grading.points")
    .transform((value) => Number(value.replace(",", ".")))
    .pipe(z.number("errors.grading.points").min(0, "errors.grading.points").max(100, "errors.grading.points")),
  comment: userText({ max: 2000, tooLong: "errors.grading.commentTooLong" }).default(""),
});

const optionalCount = (max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : Number(value)))
    .pipe(z.int(message).min(1, message).max(max, message).nullable());

/** The quiz editor's settings form. Empty "attempts" = practice mode, empty "draw" = all questions. */
export const QuizSettingsSchema = z.object({
  title: userLine({ max: 160, required: "errors.quiz.titleRequired", tooLong: "errors.quiz.titleTooLong" }),
  introMarkdown: userText({ max: 5000, tooLong: "errors.quiz.introTooLong" })
    .refine((markdown) => !markupTooDeep(markdown), NESTING_ERROR)
    .default(""),
  passPercent: z.coerce
    .number("errors.quiz.passPercent")
    .int("errors.quiz.passPercent")
    .min(0, "errors.quiz.passPercent")
    .max(100, "errors.quiz.passPercent"),
  maxAttempts: optionalCount(20, "errors.quiz.attempts"),
  drawCount: optionalCount(200, "errors.quiz.draw"),
  perPage: z.coerce
    .number("errors.quiz.perPage")
    .int("errors.quiz.perPage")
    .min(1, "errors.quiz.perPage")
    .max(20, "errors.quiz.perPage"),
  shuffleQuestions: z.literal("on").optional().transform(Boolean),
  shuffleAnswers: z.literal("on").optional().transform(Boolean),
  reviewPolicy: z.enum(["after_attempt", "after_pass", "never"], "errors.quiz.review"),
});

export const QuizEditIntentSchema = z.object({
  intent: z
    .string()
    .transform((value) => value.split(":"))
    .pipe(z.tuple([z.enum(["settings", "gift", "archiveQuestion", "restoreQuestion"])], z.string())),
});
