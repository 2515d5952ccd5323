import { ButtonLink } from "#app/components/ui/button.tsx";
import { Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";

type Administration = HomeData["administration"][number];

/** The admin's view of their organisation: who belongs to it, and open invitations. */
export function AdminOverview({ organization }: { organization: Administration }) {
  const t = useT();
  return (
    <Section
      title={t("home.admin.title", { organization: organization.organizationName })}
      id={`admin-${organization.organizationId}`}
    >
      <h3>{t("home.admin.members", { count: organization.members.length })}</h3>
      <ul className="item-list">
        {organization.members.map((m) => (
          <li key={`${m.userId}-${m.role}`}>
            <strong>{m.name}</strong>
            <span className="muted">
              {t(`roles.${m.role}`)} · {m.email}
            </span>
          </li>
        ))}
      </ul>
      <p>{t("home.admin.openInvitations", { count: organization.openInvitations })}</p>
      <ButtonLink to={`/orgs/${organization.organizationId}/invitations`}>
        {t("home.admin.manageInvitations")}
      </ButtonLink>
    </Section>
  );
}
