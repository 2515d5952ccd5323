import { z } from "zod";
import { userText } from "#app/modules/shared/user-text.ts";
import { courseOccupationCodes } from "#db/seed/occupations.ts";

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** `01-some-slug` for module folders, `01-some-slug.md` for lessons. */
export const orderedNamePattern = /^(\d{1,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

// Files are typed by people too: control characters are refused like in the forms.
const text = (max: number) =>
  userText({
    max,
    required: "darf nicht leer sein",
    tooLong: `höchstens ${max} Zeichen`,
    controlCharacters: "enthält unsichtbare Steuerzeichen",
  });

export const courseFileSchema = z.strictObject({
  title: text(160),
  summary: text(600),
  occupations: z
    .array(z.enum(courseOccupationCodes, { error: `unbekannter Beruf; erlaubt: ${courseOccupationCodes.join(", ")}` }))
    .min(1, "mindestens ein Beruf oder all"),
  trainingYears: z.array(z.int().min(1).max(4)).min(1, "mindestens ein Ausbildungsjahr"),
  learningFields: z.array(text(200)).default([]),
  cover: z.string().trim().min(1).optional(),
});

export const moduleFileSchema = z.strictObject({
  title: text(160),
  summary: userText({
    max: 600,
    tooLong: "höchstens 600 Zeichen",
    controlCharacters: "enthält unsichtbare Steuerzeichen",
  }).default(""),
});

export const lessonFrontMatterSchema = z.strictObject({
  title: text(160),
  minutes: z.int("ganze Minuten angeben").min(1).max(120),
});

export type CourseFile = z.infer<typeof courseFileSchema>;
export type ModuleFile = z.infer<typeof moduleFileSchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
