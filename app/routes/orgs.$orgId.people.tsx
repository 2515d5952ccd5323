import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PeopleList } from "#app/components/people/people-list.tsx";
import { ResetCodeCard } from "#app/components/people/reset-code-card.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { passwordResetLink, qrCodeDataUrl } from "#app/modules/orgs/invitation-link.server.ts";
import { changeRole } from "#app/modules/people/change-role.server.ts";
import { editApprenticeship } from "#app/modules/people/edit-apprenticeship.server.ts";
import { endApprenticeship } from "#app/modules/people/end-apprenticeship.server.ts";
import { deactivateMember, reactivateMember } from "#app/modules/people/membership-status.server.ts";
import { peoplePage } from "#app/modules/people/queries.server.ts";
import { createResetCode } from "#app/modules/people/reset-code.server.ts";
import {
  ChangeRoleSchema,
  EditApprenticeshipSchema,
  EndApprenticeshipSchema,
  PersonSchema,
} from "#app/modules/people/schemas.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { env } from "#app/utils/env.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { readForm } from "#app/utils/read-form.server.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx, params }) => peoplePage(ctx, parseId(params.orgId, "organization")));

export const action = authenticated(async ({ ctx, params, request }) => {
  const organizationId = parseId(params.orgId, "organization");
  const formData = await readForm(request);
  // Rights before input: an outsider learns nothing from which field was wrong.
  const resetting = formData.get("intent") === "resetCode";
  const ending = formData.get("intent") === "end";
  requirePermission(
    ctx.actor,
    resetting ? "passwords.reset" : ending ? "apprenticeships.end" : "people.manage",
    organizationId,
  );
  if (ending) {
    const parsed = parseForm(EndApprenticeshipSchema, formData);
    if (!parsed.ok) return formFailure(parsed);
    const result = await endApprenticeship({ ctx, input: { ...parsed.data, organizationId } });
    if (!result.ok) return formFailure(parsed, { fieldErrors: { [result.field]: [result.error] } });
    return { ok: true as const, done: "end" as const };
  }
  if (resetting) {
    const parsed = parseForm(PersonSchema, formData);
    if (!parsed.ok) throw new NotFoundError("person");
    const result = await createResetCode({ ctx, input: { organizationId, userId: parsed.data.userId } });
    if (!result.ok) return formFailure(parsed, { formErrors: [result.error] });
    const link = passwordResetLink(env().APP_URL, result.code);
    return {
      ok: true as const,
      resetCode: { ...result, link, qrCode: await qrCodeDataUrl(link) },
    };
  }
  if (formData.get("intent") === "role") {
    const parsed = parseForm(ChangeRoleSchema, formData);
    if (!parsed.ok) return formFailure(parsed);
    const result = await changeRole({ ctx, input: { organizationId, ...parsed.data } });
    if (!result.ok) return formFailure(parsed, { formErrors: [result.error] });
    return { ok: true as const, done: "role" as const };
  }
  if (formData.get("intent") === "leave" || formData.get("intent") === "rejoin") {
    const parsed = parseForm(PersonSchema, formData);
    if (!parsed.ok) throw new NotFoundError("person");
    const input = { organizationId, userId: parsed.data.userId };
    if (formData.get("intent") === "rejoin") {
      await reactivateMember({ ctx, input });
      return { ok: true as const, done: "rejoin" as const };
    }
    const result = await deactivateMember({ ctx, input });
    if (!result.ok) return formFailure(parsed, { formErrors: [result.error] });
    return { ok: true as const, done: "leave" as const };
  }
  if (formData.get("intent") === "apprenticeship") {
    const parsed = parseForm(EditApprenticeshipSchema, formData);
    if (!parsed.ok) return formFailure(parsed);
    const result = await editApprenticeship({ ctx, input: { ...parsed.data, organizationId } });
    if (!result.ok) return formFailure(parsed, { fieldErrors: { [result.field]: [result.error] } });
    return { ok: true as const, done: "apprenticeship" as const };
  }
  throw new NotFoundError("intent");
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "people.title");

export default function PeoplePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const resetCode = result && "resetCode" in result ? result.resetCode : null;
  const done = result && "done" in result ? result.done : null;
  return (
    <>
      <PageHeader
        title={t("people.title")}
        lead={t(page.canManage ? "people.leadAdmin" : "people.leadTrainer", { organization: page.organization.name })}
        actions={
          page.canAudit ? (
            <ButtonLink variant="secondary" to={`/orgs/${page.organization.id}/audit`}>
              {t("people.auditLink")}
            </ButtonLink>
          ) : undefined
        }
      />
      {resetCode ? <ResetCodeCard code={resetCode} /> : null}
      {done ? <Alert tone="success">{t(`people.done.${done}`)}</Alert> : null}
      <Section title={t("people.list", { count: page.people.length })} id="people">
        <PeopleList page={page} />
      </Section>
    </>
  );
}
