import { z } from "zod";
import { emailField, nameField, newPasswordField } from "#app/modules/auth/schemas.ts";
import { PASSWORD_MAX_LENGTH } from "#app/modules/auth/password-rules.ts";
import { roles } from "#app/modules/permissions/roles.ts";
import { trainingDate } from "#app/modules/shared/typed-date.ts";
import { userLine } from "#app/modules/shared/user-text.ts";

/** Start and end of an apprenticeship: real days between 1990 and 2100. */
const isoDate = trainingDate("errors.date.invalid");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const invitationValidDays = [1, 7, 14, 30] as const;

export const CreateInvitationSchema = z
  .object({
    label: userLine({
      max: 120,
      required: "errors.invitation.labelRequired",
      tooLong: "errors.invitation.labelTooLong",
    }),
    role: z.enum(roles, { error: "errors.invitation.roleRequired" }),
    validDays: z.coerce
      .number({ error: "errors.invitation.validDays" })
      .refine((days) => (invitationValidDays as readonly number[]).includes(days), {
        error: "errors.invitation.validDays",
      }),
    occupationId: optional(z.uuid({ error: "errors.invitation.occupation" })),
    startsOn: optional(isoDate),
    plannedEndOn: optional(isoDate),
    classId: optional(z.uuid({ error: "errors.invitation.class" })),
  })
  .superRefine((value, issue) => {
    // An apprenticeship needs occupation and start together; the end defaults to the
    // occupation's regular duration. Name what is missing, field by field.
    const missing = (["occupationId", "startsOn"] as const).filter((field) => !value[field]);
    const started = Boolean(value.occupationId || value.startsOn || value.plannedEndOn);
    if (started) {
      for (const field of missing) {
        issue.addIssue({ code: "custom", path: [field], message: "errors.invitation.apprenticeshipIncomplete" });
      }
    }
    if (value.startsOn && value.plannedEndOn && value.plannedEndOn <= value.startsOn) {
      issue.addIssue({ code: "custom", path: ["plannedEndOn"], message: "errors.invitation.endBeforeStart" });
    }
  });

/** A malformed id is "not found", never a database error. */
export const RevokeInvitationSchema = z.object({ invitationId: z.uuid({ error: "errors.http.404" }) });

export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

export const NewAccountSchema = z
  .object({
    name: nameField,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "errors.password.required" }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.password.mismatch",
  });

/** "I already have an account": join with it; the password is checked like a login. */
export const ExistingAccountSchema = z.object({
  intent: z.literal("existing"),
  email: emailField,
  password: z
    .string({ error: "errors.password.required" })
    .min(1, { error: "errors.password.required" })
    .max(PASSWORD_MAX_LENGTH, { error: "errors.login.failed" }),
});

export const InvitationCodeSchema = z.object({
  code: z
    .string({ error: "errors.invitation.codeRequired" })
    .trim()
    .min(1, { error: "errors.invitation.codeRequired" }),
});
