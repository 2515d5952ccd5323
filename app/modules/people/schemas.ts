import { z } from "zod";
import { roles } from "#app/modules/permissions/roles.ts";
import { RECORD_RHYTHMS } from "#app/modules/records/rhythm.ts";
import { BIRTH_DATE_MAX, BIRTH_DATE_MIN, trainingDate, typedDate } from "#app/modules/shared/typed-date.ts";

/** A malformed id is "not found", never a database error. */
const id = z.uuid({ error: "errors.http.404" });
const date = trainingDate("errors.date.invalid");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/**
 * Optional, only for the JArbSchG warning on a minor's record. The form always sends the field:
 * empty clears it (null), a missing field is an error rather than a silent removal.
 */
const birthDate = z.preprocess(
  (value) => (value === "" ? null : value),
  typedDate({
    min: BIRTH_DATE_MIN,
    max: BIRTH_DATE_MAX,
    invalid: "errors.date.invalid",
    outOfRange: "errors.people.birthDateRange",
  }).nullable(),
);

export const ChangeRoleSchema = z.object({
  userId: id,
  from: z.enum(roles, { error: "errors.http.404" }),
  role: z.enum(roles, { error: "errors.people.roleRequired" }),
});

export const PersonSchema = z.object({ userId: id });

export const EditApprenticeshipSchema = z
  .object({
    apprenticeshipId: id,
    trainerId: optional(z.uuid({ error: "errors.people.trainer" })),
    occupationId: z.uuid({ error: "errors.people.occupation" }),
    startsOn: date,
    plannedEndOn: date,
    actualEndOn: optional(date),
    birthDate,
    recordRhythm: z.enum(RECORD_RHYTHMS, { error: "errors.people.recordRhythm" }),
  })
  .superRefine((value, issue) => {
    if (value.plannedEndOn <= value.startsOn) {
      issue.addIssue({ code: "custom", path: ["plannedEndOn"], message: "errors.people.endBeforeStart" });
    }
    if (value.actualEndOn && value.actualEndOn < value.startsOn) {
      issue.addIssue({ code: "custom", path: ["actualEndOn"], message: "errors.people.actualEndBeforeStart" });
    }
  });

/** "Ausbildung hier beenden": the last day at the company. */
export const EndApprenticeshipSchema = z.object({ apprenticeshipId: id, lastDay: date });

export type EditApprenticeshipInput = z.infer<typeof EditApprenticeshipSchema>;

/** The audit page: ?page=2; anything else is the first page. */
export const AuditPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
