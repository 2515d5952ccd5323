import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { WeeklyBars } from "#app/components/charts/weekly-bars.tsx";
import {
  ApprenticeAssignments,
  ApprenticeCourses,
  ApprenticeQuizzes,
  ApprenticeTraining,
} from "#app/components/team/apprentice-sections.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { apprenticeOverview } from "#app/modules/assignments/apprentice-overview.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx, params }) =>
  apprenticeOverview(ctx, parseId(params.orgId, "organization"), parseId(params.userId, "apprentice")),
);

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.apprentice.name);

export default function ApprenticePage() {
  const overview = useLoaderData<typeof loader>();
  const t = useT();
  const { organization, apprentice } = overview;
  const contract = overview.apprenticeships[0];
  const lead = contract?.occupationName
    ? [
        contract.occupationName,
        contract.trainingYear ? t("home.training.yearValue", { year: contract.trainingYear }) : null,
        contract.companyName,
      ]
        .filter(Boolean)
        .join(" · ")
    : organization.name;
  return (
    <>
      {overview.canViewTeam ? (
        <p className="breadcrumb">
          <Link to={`/orgs/${organization.id}/team`}>{t("team.apprentice.back")}</Link>
        </p>
      ) : overview.canViewClasses ? (
        <p className="breadcrumb">
          <Link to={`/orgs/${organization.id}/classes`}>{t("team.apprentice.backToClasses")}</Link>
        </p>
      ) : null}
      <PageHeader
        title={apprentice.name}
        lead={lead}
        actions={
          overview.canManageAssignments ? (
            <ButtonLink to={`/orgs/${organization.id}/assignments/new?apprentice=${apprentice.id}`}>
              {t("team.assign")}
            </ButtonLink>
          ) : undefined
        }
      />
      <ApprenticeAssignments overview={overview} />
      <Section title={t("team.apprentice.activity")} id="apprentice-activity">
        <WeeklyBars weeks={overview.activity} />
      </Section>
      <ApprenticeCourses overview={overview} />
      <ApprenticeQuizzes overview={overview} />
      <ApprenticeTraining overview={overview} />
    </>
  );
}
