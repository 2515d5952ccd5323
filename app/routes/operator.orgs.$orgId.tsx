import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CreatedInvitation } from "#app/components/invitations/created-invitation.tsx";
import { OrganizationForm } from "#app/components/operator/organization-form.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { occupationChoices, organizationForOperator } from "#app/modules/operator/organizations.server.ts";
import { FirstInvitationSchema, UpdateOrganizationSchema } from "#app/modules/operator/schemas.ts";
import {
  createFirstInvitation,
  setOrganizationActive,
  updateOrganizationAsOperator,
} from "#app/modules/operator/write-organizations.server.ts";
import { createdInvitationView } from "#app/modules/orgs/invitation-link.server.ts";
import { env } from "#app/utils/env.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, params }) => {
  const detail = await organizationForOperator(ctx, params.orgId ?? "");
  return { ...detail, occupations: await occupationChoices(ctx) };
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const organizationId = params.orgId ?? "";
  const formData = await readForm(request);
  if (formData.get("intent") === "deactivate") {
    await setOrganizationActive({ ctx, input: { organizationId, active: false } });
    return { ok: true as const, changed: "deactivate" as const };
  }
  if (formData.get("intent") === "reactivate") {
    await setOrganizationActive({ ctx, input: { organizationId, active: true } });
    return { ok: true as const, changed: "reactivate" as const };
  }
  if (formData.get("intent") === "invite") {
    const parsed = parseForm(FirstInvitationSchema, formData);
    if (!parsed.ok) return formFailure(parsed);
    const created = await createFirstInvitation({ ctx, input: { ...parsed.data, organizationId } });
    if (!created.ok) return formFailure(parsed, { formErrors: ["errors.operator.inactive"] }, 409);
    return {
      ok: true as const,
      created: await createdInvitationView(env().APP_URL, {
        code: created.code,
        label: parsed.data.label,
        role: parsed.data.role,
        expiresAt: created.expiresAt,
      }),
    };
  }
  // "update", and any other intent: the organisation's form.
  const parsed = parseForm(UpdateOrganizationSchema, formData, ["occupationIds"]);
  if (!parsed.ok) return formFailure(parsed);
  const updated = await updateOrganizationAsOperator({ ctx, input: { ...parsed.data, organizationId } });
  if (!updated.ok) return formFailure(parsed, { fieldErrors: { name: ["errors.operator.duplicate"] } }, 409);
  return { ok: true as const, changed: "update" as const };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.detail.title");

const validDayChoices = ["1", "7", "14", "30"];

export default function OperatorOrganizationPage() {
  const { organization, counts, occupationIds, invitationRoles, occupations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const created = result && "created" in result ? result.created : null;
  const changed = result && "changed" in result ? result.changed : null;
  const inviteFailure = useFormFailure("invite");
  const inviting = useIsSubmitting("invite");
  const switching = useIsSubmitting(organization.active ? "deactivate" : "reactivate");
  return (
    <>
      <p>
        <Link to="/operator">{t("operator.back")}</Link>
      </p>
      <PageHeader
        title={organization.name}
        lead={t("operator.detail.where", {
          kind: t(`operator.kind.${organization.kind}`),
          town: organization.town,
          state: t(`operator.land.${organization.state}`),
        })}
      />
      {changed ? <Alert tone="success">{t(`operator.changed.${changed}`)}</Alert> : null}
      {organization.active ? null : (
        <Alert tone="info">
          {t("operator.detail.inactiveSince", {
            date: organization.deactivatedAt ? formatDate(locale, organization.deactivatedAt) : "",
          })}
        </Alert>
      )}
      <Section title={t("operator.detail.facts")} id="facts">
        <dl className="operator-facts">
          <dt>{t("operator.column.members")}</dt>
          <dd>{counts.members}</dd>
          <dt>{t("operator.column.apprentices")}</dt>
          <dd>{counts.apprentices}</dd>
          {organization.kind === "company" ? null : (
            <>
              <dt>{t("operator.column.classes")}</dt>
              <dd>{counts.classes}</dd>
            </>
          )}
          <dt>{t("operator.detail.openInvitations")}</dt>
          <dd>{counts.openInvitations}</dd>
        </dl>
      </Section>
      {created ? <CreatedInvitation invitation={created} /> : null}
      {organization.active ? (
        <Section title={t("operator.invite.title")} id="first-invitation">
          <p>{t("operator.invite.lead")}</p>
          <Form method="post" className="form" noValidate key={created?.code ?? "new"}>
            <input type="hidden" name="intent" value="invite" />
            {inviteFailure.formErrors.map((key) => (
              <Alert key={key} tone="error">
                {t(key)}
              </Alert>
            ))}
            <Field
              label={t("invitations.form.label")}
              name="label"
              hint={t("invitations.form.labelHint")}
              required
              defaultValue={inviteFailure.value("label")}
              errors={inviteFailure.fieldErrors("label")}
            />
            <SelectField
              label={t("invitations.form.role")}
              name="role"
              options={invitationRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              defaultValue={inviteFailure.value("role") ?? "admin"}
              errors={inviteFailure.fieldErrors("role")}
            />
            <SelectField
              label={t("invitations.form.validDays")}
              name="validDays"
              options={validDayChoices.map((days) => ({ value: days, label: t("invitations.form.days", { days }) }))}
              defaultValue={inviteFailure.value("validDays") ?? "7"}
              errors={inviteFailure.fieldErrors("validDays")}
            />
            <Button disabled={inviting}>
              {inviting ? t("invitations.form.submitting") : t("invitations.form.submit")}
            </Button>
          </Form>
        </Section>
      ) : null}
      <Section title={t("operator.detail.edit")} id="edit">
        <OrganizationForm
          key={`${organization.name}|${organization.town}|${organization.state}|${occupationIds.join(",")}`}
          occupations={occupations}
          intent="update"
          initial={{ name: organization.name, town: organization.town, state: organization.state, occupationIds }}
          submitLabel={t("operator.form.save")}
        />
      </Section>
      <Section title={t(organization.active ? "operator.deactivate.title" : "operator.reactivate.title")} id="state">
        <p>{t(organization.active ? "operator.deactivate.lead" : "operator.reactivate.lead")}</p>
        <Form method="post">
          {organization.active ? (
            <Button variant="danger" name="intent" value="deactivate" disabled={switching}>
              {t("operator.deactivate.submit")}
            </Button>
          ) : (
            <Button variant="secondary" name="intent" value="reactivate" disabled={switching}>
              {t("operator.reactivate.submit")}
            </Button>
          )}
        </Form>
      </Section>
    </>
  );
}
