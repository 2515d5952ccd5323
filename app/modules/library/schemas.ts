import { z } from "zod";
import { courseOccupationCodes } from "#db/seed/occupations.ts";

export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** `01-some-slug` for module folders, `01-some-slug.md` for lessons. */
export const orderedNamePattern = /^(\d{1,3})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

const text = (max: number) => z.string().trim().min(1, "darf nicht leer sein").max(max, `höchstens ${max} Zeichen`);

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
  summary: z.string().trim().max(600).default(""),
});

export const lessonFrontMatterSchema = z.strictObject({
  title: text(160),
  minutes: z.int("ganze Minuten angeben").min(1).max(120),
});

export type CourseFile = z.infer<typeof courseFileSchema>;
export type ModuleFile = z.infer<typeof moduleFileSchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
