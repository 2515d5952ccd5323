import type { MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CreatedInvitation } from "#app/components/invitations/created-invitation.tsx";
import { InvitationForm } from "#app/components/invitations/invitation-form.tsx";
import { InvitationList } from "#app/components/invitations/invitation-list.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { createdInvitationView } from "#app/modules/orgs/invitation-link.server.ts";
import { getOrganizationFor, invitationFormOptions, listInvitations } from "#app/modules/orgs/queries.server.ts";
import { revokeInvitation } from "#app/modules/orgs/revoke-invitation.server.ts";
import { CreateInvitationSchema, RevokeInvitationSchema } from "#app/modules/orgs/schemas.ts";
import { invitableRoles } from "#app/modules/permissions/permissions.ts";
import { env } from "#app/utils/env.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, params }) => {
  const organization = await getOrganizationFor(ctx, params.orgId ?? "", "invitations.manage");
  const [invitations, options] = await Promise.all([
    listInvitations(ctx, organization.id),
    invitationFormOptions(ctx, organization.id),
  ]);
  return { organization, invitations, roles: invitableRoles(ctx.actor, organization), ...options };
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const organizationId = params.orgId ?? "";
  const formData = await readForm(request);
  if (formData.get("intent") === "revoke") {
    const revoke = parseForm(RevokeInvitationSchema, formData);
    if (!revoke.ok) throw new NotFoundError("invitation");
    await revokeInvitation({ ctx, input: { organizationId, invitationId: revoke.data.invitationId } });
    return { ok: true as const, revoked: true };
  }
  const parsed = parseForm(CreateInvitationSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const created = await createInvitation({ ctx, input: { ...parsed.data, organizationId } });
  return {
    ok: true as const,
    created: await createdInvitationView(env().APP_URL, {
      code: created.code,
      label: parsed.data.label,
      role: parsed.data.role,
      expiresAt: created.expiresAt,
    }),
  };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitations.title");

export default function InvitationsPage() {
  const { organization, invitations, roles, occupations, classes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const created = result && "created" in result ? result.created : null;
  return (
    <>
      <PageHeader title={t("invitations.title")} lead={t("invitations.lead", { organization: organization.name })} />
      {created ? <CreatedInvitation invitation={created} /> : null}
      <Section title={t("invitations.new")} id="new-invitation">
        <InvitationForm
          // A new key after each created invitation empties the form for the next one.
          key={created?.code ?? "new"}
          organizationKind={organization.kind}
          roles={roles}
          occupations={occupations}
          classes={classes}
        />
      </Section>
      <Section title={t("invitations.list")} id="invitation-list">
        <InvitationList invitations={invitations} />
      </Section>
    </>
  );
}
