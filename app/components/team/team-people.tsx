import { useTrainingStage } from "#app/components/training/use-training-stage.ts";
import { Link } from "@remix-run/react";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import type { TeamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { StatusCounts } from "./status-counts.tsx";

type Apprentice = TeamDashboard["apprentices"][number];

/** One card per apprentice: where they stand with the company's assignments, and when they last learned. */
export function TeamPeople({ dashboard }: { dashboard: TeamDashboard }) {
  const t = useT();
  const { company, apprentices } = dashboard;
  return (
    <Section title={t("team.people.title")} id="team-people">
      {apprentices.length === 0 ? (
        <EmptyState
          action={
            dashboard.canInvite ? (
              <ButtonLink to={`/orgs/${company.id}/invitations`}>{t("team.invite")}</ButtonLink>
            ) : null
          }
        >
          {t("team.people.empty")}
        </EmptyState>
      ) : (
        <ul className="team-people">
          {apprentices.map((apprentice) => (
            <PersonCard
              key={apprentice.userId}
              apprentice={apprentice}
              companyId={company.id}
              canGrade={dashboard.canGrade}
            />
          ))}
        </ul>
      )}
    </Section>
  );
}

function PersonCard({
  apprentice,
  companyId,
  canGrade,
}: {
  apprentice: Apprentice;
  companyId: string;
  canGrade: boolean;
}) {
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  const stage = useTrainingStage();
  const training = apprentice.occupationName
    ? [apprentice.occupationName, stage(apprentice)].filter(Boolean).join(" · ")
    : t("home.team.noApprenticeship");
  const waiting = tc("team.count.waiting", apprentice.waitingForGrade);
  return (
    <li className={apprentice.counts.overdue > 0 ? "team-person is-behind" : "team-person"}>
      <h3>
        <Link to={`/orgs/${companyId}/apprentices/${apprentice.userId}`}>{apprentice.name}</Link>
      </h3>
      <p className="muted">{training}</p>
      <StatusCounts counts={apprentice.counts} label={t("team.people.countsLabel", { name: apprentice.name })} />
      <p className="muted">
        {apprentice.lastActivityAt
          ? t("team.people.lastActivity", { date: formatDate(locale, new Date(apprentice.lastActivityAt)) })
          : t("team.people.noActivity")}
      </p>
      {apprentice.waitingForGrade > 0 ? <p>{canGrade ? <Link to="/grading">{waiting}</Link> : waiting}</p> : null}
      {apprentice.record ? <RecordNote record={apprentice.record} /> : null}
    </li>
  );
}

/** "Berichtsheft: 1 Woche wartet · 2 Wochen fehlen", linking to the person's record. */
function RecordNote({ record }: { record: NonNullable<Apprentice["record"]> }) {
  const t = useT();
  const tc = useTCount();
  const parts = [
    record.waiting > 0 ? tc("team.records.waiting", record.waiting) : null,
    record.returned > 0 ? tc("team.records.returned", record.returned) : null,
    record.missing > 0 ? tc("team.records.missing", record.missing) : null,
  ].filter(Boolean);
  return (
    <p className={record.missing > 0 ? "team-record is-behind" : "team-record"}>
      <Link to={`/records/${record.apprenticeshipId}`}>
        {t("team.records.column")}: {parts.length > 0 ? parts.join(" · ") : t("team.records.allDone")}
      </Link>
    </p>
  );
}
