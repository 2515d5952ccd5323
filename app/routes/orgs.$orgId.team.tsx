import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TeamMatrix } from "#app/components/team/team-matrix.tsx";
import { TeamPeople } from "#app/components/team/team-people.tsx";
import { TeamSummary } from "#app/components/team/team-summary.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { defaultLocale, isLocale } from "#app/i18n/locales.ts";
import { translate } from "#app/i18n/translate.ts";
import { useT } from "#app/i18n/use-t.ts";
import { teamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx, params }) => teamDashboard(ctx, parseId(params.orgId, "organization")));

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const rootData = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : defaultLocale;
  return dataTitle(data ? translate(locale, "team.title", { organization: data.company.name }) : undefined);
};

export default function TeamPage() {
  const dashboard = useLoaderData<typeof loader>();
  const t = useT();
  const { company } = dashboard;
  const actions =
    dashboard.canManageAssignments || dashboard.canInvite ? (
      <>
        {dashboard.canManageAssignments ? (
          <ButtonLink to={`/orgs/${company.id}/assignments/new`}>{t("team.assign")}</ButtonLink>
        ) : null}
        {dashboard.canInvite && dashboard.apprentices.length > 0 ? (
          <ButtonLink variant="secondary" to={`/orgs/${company.id}/invitations`}>
            {t("team.invite")}
          </ButtonLink>
        ) : null}
      </>
    ) : undefined;
  return (
    <>
      <PageHeader title={t("team.title", { organization: company.name })} lead={t("team.lead")} actions={actions} />
      {dashboard.apprentices.length > 0 ? <TeamSummary dashboard={dashboard} /> : null}
      <TeamPeople dashboard={dashboard} />
      <TeamMatrix dashboard={dashboard} />
    </>
  );
}
