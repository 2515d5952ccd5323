import { z } from "zod";
import { courseOccupationCodes } from "#db/seed/occupations.ts";
import { jsonTooDeep, markupTooDeep, NESTING_ERROR } from "#app/modules/rich-text/nesting.ts";
import { userLine, userText } from "#app/modules/shared/user-text.ts";

const title = userLine({ max: 160, required: "errors.course.titleRequired", tooLong: "errors.course.titleTooLong" });
const summary = userText({ max: 600, tooLong: "errors.course.summaryTooLong" }).default("");

export const CreateCourseSchema = z.object({ title });

/** A multi-value form field (checkboxes) with at least one value. */
const listOf = <T extends z.ZodType>(item: T, emptyMessage: string) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item).min(1, emptyMessage),
  );

export const UpdateCourseSchema = z.object({
  title,
  summary,
  occupations: listOf(
    z.enum(courseOccupationCodes, { error: "errors.course.occupation" }),
    "errors.course.occupationRequired",
  ),
  trainingYears: listOf(z.coerce.number().int().min(1).max(4), "errors.course.yearRequired"),
  status: z.enum(["draft", "published", "archived"], { error: "errors.course.status" }),
});

export const ModuleSchema = z.object({
  title,
  summary,
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
  // Its depth is bounded before anything parses it (a deep JSON text would overflow the stack).
  body: z
    .string()
    .max(2_000_000, "errors.lesson.body")
    .refine((json) => !jsonTooDeep(json), NESTING_ERROR)
    .optional(),
  markdown: userText({ max: 500_000, tooLong: "errors.lesson.body", trim: false })
    .refine((markdown) => !markupTooDeep(markdown), NESTING_ERROR)
    .optional(),
});

/**
 * What a form on the course editor asks for: `name` or `name:target`, the target being a module id
 * (rename, add a lesson) or a direction (move).
 */
export const CourseEditIntentSchema = z.object({
  intent: z
    .string()
    .transform((value) => value.split(":"))
    .pipe(
      z.tuple(
        [
          z.enum([
            "details",
            "addModule",
            "updateModule",
            "addLesson",
            "addQuiz",
            "moveModule",
            "moveLesson",
            "archiveModule",
            "restoreModule",
            "archiveLesson",
            "restoreLesson",
          ]),
        ],
        z.string(),
      ),
    ),
});

export const DirectionSchema = z.enum(["up", "down"]);
