import { z } from "zod";
import { userLine } from "#app/modules/shared/user-text.ts";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/** "2026/27": the second year is the first plus one, as schools write it. */
export function isSchoolYear(value: string): boolean {
  const match = /^(\d{4})\/(\d{2})$/.exec(value);
  if (!match) return false;
  const first = Number(match[1]);
  return first >= 1990 && first <= 2100 && (first + 1) % 100 === Number(match[2]);
}

/** The school year after "2026/27": "2027/28". */
export function nextSchoolYear(value: string): string {
  const first = Number(value.slice(0, 4)) + 1;
  return `${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}

export const ClassSchema = z.object({
  /** Which form on the page sent it (it keeps its own errors). */
  intent: z.string().optional(),
  name: userLine({ max: 60, required: "errors.class.nameRequired", tooLong: "errors.class.nameTooLong" }),
  occupationId: optional(z.uuid({ error: "errors.class.occupation" })),
  trainingYear: z.coerce
    .number({ error: "errors.class.trainingYear" })
    .int({ error: "errors.class.trainingYear" })
    .min(1, { error: "errors.class.trainingYear" })
    .max(4, { error: "errors.class.trainingYear" }),
  schoolYear: z
    .string({ error: "errors.class.schoolYear" })
    .trim()
    .refine(isSchoolYear, { error: "errors.class.schoolYear" }),
});
export type ClassInput = z.infer<typeof ClassSchema>;

/** The ticked teachers; none is allowed (the class then shows for the admins only). */
export const ClassTeachersSchema = z.object({
  intent: z.string().optional(),
  teacherIds: z.array(z.uuid({ error: "errors.class.teacher" })).max(50, { error: "errors.class.teacher" }),
});

/** A malformed id is "not found", never a database error. */
export const StudentSchema = z.object({ studentId: z.uuid({ error: "errors.http.404" }) });

export const MoveStudentSchema = z.object({
  intent: z.string().optional(),
  studentId: z.uuid({ error: "errors.http.404" }),
  targetClassId: z.uuid({ error: "errors.class.target" }),
});

export const classCodeValidDays = [7, 14, 30, 60] as const;

export const ClassCodeSchema = z.object({
  intent: z.string().optional(),
  validDays: z.coerce
    .number({ error: "errors.invitation.validDays" })
    .refine((days) => (classCodeValidDays as readonly number[]).includes(days), {
      error: "errors.invitation.validDays",
    }),
});

/** The training year the page showed, so that a repeated "promote" promotes once. */
export const PromoteSchema = z.object({
  fromYear: z.coerce.number({ error: "errors.http.404" }).int({ error: "errors.http.404" }).min(1).max(4),
});
