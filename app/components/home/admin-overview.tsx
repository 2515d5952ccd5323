import { ButtonLink } from "#app/components/ui/button.tsx";
import { Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";

type Administration = HomeData["administration"][number];

/** The admin's view of their organisation: how many belong to it (the people page lists them), and open invitations. */
export function AdminOverview({ organization }: { organization: Administration }) {
  const t = useT();
  return (
    <Section
      title={t("home.admin.title", { organization: organization.organizationName })}
      id={`admin-${organization.organizationId}`}
    >
      <p>{t("home.admin.members", { count: new Set(organization.members.map((m) => m.userId)).size })}</p>
      <p>{t("home.admin.openInvitations", { count: organization.openInvitations })}</p>
      <div className="page-actions">
        <ButtonLink to={`/orgs/${organization.organizationId}/people`}>{t("home.admin.managePeople")}</ButtonLink>
        <ButtonLink variant="secondary" to={`/orgs/${organization.organizationId}/invitations`}>
          {t("home.admin.manageInvitations")}
        </ButtonLink>
      </div>
    </Section>
  );
}
