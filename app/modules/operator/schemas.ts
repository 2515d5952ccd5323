import { z } from "zod";
import { organizationKinds } from "#app/modules/permissions/roles.ts";
import { invitationValidDays } from "#app/modules/orgs/schemas.ts";
import { GERMAN_STATES } from "#app/modules/shared/german-states.ts";
import { userLine } from "#app/modules/shared/user-text.ts";

/** The roles an operator hands out with an organisation's first invitation (apprentices come later). */
export const firstInvitationRoles = ["admin", "trainer", "teacher"] as const;

const name = userLine({ max: 120, required: "errors.operator.nameRequired", tooLong: "errors.operator.nameTooLong" });
const town = userLine({ max: 80, required: "errors.operator.townRequired", tooLong: "errors.operator.townTooLong" });
/** Checkboxes of occupations: none, one or several ids (parseForm's list field). */
const occupationIds = z
  .array(z.uuid({ error: "errors.operator.occupation" }), { error: "errors.operator.occupation" })
  .max(100, { error: "errors.operator.occupation" })
  .default([]);
/** The Bundesland, whose public holidays the Berichtsheft fills in; anything else is a field error. */
const state = z.enum(GERMAN_STATES, { error: "errors.operator.state" });

export const CreateOrganizationSchema = z.object({
  kind: z.enum(organizationKinds, { error: "errors.operator.kindRequired" }),
  name,
  town,
  state,
  occupationIds,
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationSchema>;

/** The detail page's organisation form: what the action does for any intent but the others. */
export const UpdateOrganizationSchema = z.object({
  name,
  town,
  state,
  occupationIds,
});
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationSchema>;

export const FirstInvitationSchema = z.object({
  intent: z.literal("invite"),
  role: z.enum(firstInvitationRoles, { error: "errors.invitation.roleRequired" }),
  label: userLine({ max: 120, required: "errors.invitation.labelRequired", tooLong: "errors.invitation.labelTooLong" }),
  validDays: z.coerce
    .number({ error: "errors.invitation.validDays" })
    .refine((days) => (invitationValidDays as readonly number[]).includes(days), {
      error: "errors.invitation.validDays",
    }),
});

/** The search box of the list: anything typed, cut to a sensible length. */
export function organizationSearch(value: string | null): string {
  return (value ?? "")
    .replace(/\p{Cc}/gu, " ")
    .trim()
    .slice(0, 100);
}
