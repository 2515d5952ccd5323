import { z } from "zod";
import { addDays, todayInGermany } from "#app/modules/training/training-year.ts";
import { TRAINING_DATE_MAX, TRAINING_DATE_MIN, typedDate } from "#app/modules/shared/typed-date.ts";
import { userText } from "#app/modules/shared/user-text.ts";

export const assignmentKinds = ["course", "module", "lesson", "quiz"] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

/** A target in the form's one select: "lesson:<uuid>", so the choice works without JavaScript. */
const targetField = z
  .string({ error: "errors.assignment.targetRequired" })
  .regex(/^(course|module|lesson|quiz):[0-9a-f-]{36}$/i, { error: "errors.assignment.targetRequired" })
  .transform((value) => {
    const [kind, id] = value.split(":") as [AssignmentKind, string];
    return { kind, id: id.toLowerCase() };
  });

/** How far ahead a due date may lie: an apprenticeship lasts at most about four years. */
export const MAX_DUE_DAYS = 4 * 366;

/** The latest due date a new or moved assignment may get (ISO date, German calendar). */
export function latestDueOn(now: Date): string {
  return addDays(todayInGermany(now), MAX_DUE_DAYS);
}

/** A plausible day here; whether it is too early or too late for now is the operation's rule. */
const dueOnField = typedDate({
  min: TRAINING_DATE_MIN,
  max: TRAINING_DATE_MAX,
  invalid: "errors.assignment.dueOnInvalid",
});

const noteField = userText({ max: 1000, tooLong: "errors.assignment.noteTooLong" })
  .optional()
  .transform((value) => value ?? "");

const idList = (error: string) => z.array(z.uuid({ error })).max(1000).default([]);

/** The people part of the form: a company picks apprentices; a school a class and, if not all, students. */
const recipientsFields = {
  apprenticeIds: idList("errors.assignment.recipientsRequired"),
  classId: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.uuid({ error: "errors.assignment.classRequired" }).optional(),
  ),
  scope: z.enum(["class", "chosen"]).default("class"),
};

export const CreateAssignmentSchema = z.object({
  submissionId: z.uuid({ error: "errors.form.stale" }),
  target: targetField,
  dueOn: dueOnField,
  note: noteField,
  ...recipientsFields,
});
export type CreateAssignmentInput = z.infer<typeof CreateAssignmentSchema>;

export const UpdateAssignmentSchema = z.object({
  dueOn: dueOnField,
  note: noteField,
  ...recipientsFields,
});
export type UpdateAssignmentInput = z.infer<typeof UpdateAssignmentSchema>;

/** Multi-value fields of the assignment forms (for parseForm and formFailure). */
export const assignmentListFields = ["apprenticeIds"];
