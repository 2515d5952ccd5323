import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContinueLearning } from "#app/components/home/continue-learning.tsx";
import { AdminOverview } from "#app/components/home/admin-overview.tsx";
import { MyAssignments } from "#app/components/home/my-assignments.tsx";
import { MyRecord } from "#app/components/home/my-record.tsx";
import { MyTraining } from "#app/components/home/my-training.tsx";
import { MyClasses } from "#app/components/home/my-classes.tsx";
import { MyTeam } from "#app/components/home/my-team.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, PageHeader } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import { homeFor } from "#app/modules/home/home.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx }) => homeFor(ctx));

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.title");

export default function HomePage() {
  const home = useLoaderData<typeof loader>();
  const t = useT();
  const tc = useTCount();
  return (
    <>
      <PageHeader title={t("home.greeting", { name: home.name })} />
      {home.assignments ? <MyAssignments assignments={home.assignments} /> : null}
      {home.isApprentice ? <ContinueLearning learning={home.learning} /> : null}
      {home.record ? <MyRecord record={home.record} /> : null}
      {home.training ? <MyTraining training={home.training} /> : null}
      {home.waitingForGrade > 0 ? (
        <Alert tone="info">
          <Link to="/grading">{tc("home.waitingForGrade", home.waitingForGrade)}</Link>
        </Alert>
      ) : null}
      {home.teams.map((team) => (
        <MyTeam key={team.organizationId} team={team} />
      ))}
      {home.classes.map((school) => (
        <MyClasses key={school.organizationId} school={school} />
      ))}
      {home.administration.map((organization) => (
        <AdminOverview key={organization.organizationId} organization={organization} />
      ))}
      {home.operator ? (
        <EmptyState action={<ButtonLink to="/operator">{t("home.operator.action")}</ButtonLink>}>
          {t("home.operator.text")}
        </EmptyState>
      ) : null}
      {home.hasMemberships || home.operator ? null : (
        <EmptyState action={<ButtonLink to="/join">{t("home.noMembership.action")}</ButtonLink>}>
          {t("home.noMembership.text")}
        </EmptyState>
      )}
    </>
  );
}
