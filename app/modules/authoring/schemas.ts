import { z } from "zod";
import { occupationList } from "#db/seed/occupations.ts";

const occupationCodes = ["all", ...occupationList.map((o) => o.code)] as [string, ...string[]];

const title = z
  .string({ error: "errors.course.titleRequired" })
  .trim()
  .min(1, "errors.course.titleRequired")
  .max(160, "errors.course.titleTooLong");

export const CreateCourseSchema = z.object({ title });

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

export const UpdateCourseSchema = z.object({
  title,
  summary: z.string().trim().max(600, "errors.course.summaryTooLong").default(""),
  occupations: listOf(z.enum(occupationCodes, { error: "errors.course.occupation" })).pipe(
    z.array(z.string()).min(1, "errors.course.occupationRequired"),
  ),
  trainingYears: listOf(z.coerce.number().int().min(1).max(4)).pipe(
    z.array(z.number()).min(1, "errors.course.yearRequired"),
  ),
  status: z.enum(["draft", "published", "archived"], { error: "errors.course.status" }),
});

export const ModuleSchema = z.object({
  title,
  summary: z.string().trim().max(600, "errors.course.summaryTooLong").default(""),
});

export const LessonMetaSchema = z.object({
  title,
  minutes: z.coerce
    .number({ error: "errors.lesson.minutes" })
    .int("errors.lesson.minutes")
    .min(1, "errors.lesson.minutes")
    .max(120, "errors.lesson.minutes"),
});

export const LessonSaveSchema = LessonMetaSchema.extend({
  intent: z.enum(["save", "publish"]).default("save"),
  /** The editor's ProseMirror JSON; without JavaScript the form sends `markdown` instead. */
  body: z.string().max(2_000_000).optional(),
  markdown: z.string().max(500_000).optional(),
});

export const MoveSchema = z.object({ direction: z.enum(["up", "down"]) });
