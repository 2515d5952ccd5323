import { OverdueNote } from "#app/components/assignments/overdue-note.tsx";
import { useTrainingStage } from "#app/components/training/use-training-stage.ts";
import { Link } from "@remix-run/react";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";

type Team = HomeData["teams"][number];

/** The trainer's "Mein Team": the company's apprentices, the way to the dashboard, and to invite more. */
export function MyTeam({ team }: { team: Team }) {
  const t = useT();
  const tc = useTCount();
  const stage = useTrainingStage();
  const invite = team.canInvite ? (
    <ButtonLink to={`/orgs/${team.organizationId}/invitations`}>{t("home.team.invite")}</ButtonLink>
  ) : null;
  return (
    <Section title={t("home.team.title", { organization: team.organizationName })} id={`team-${team.organizationId}`}>
      <OverdueNote overdue={team.overdue} to={`/orgs/${team.organizationId}/team`} />
      <p className="next-step">
        <Link to={`/orgs/${team.organizationId}/team`}>{t("team.homeLink")}</Link>
      </p>
      <RecordsNote records={team.records} teamPath={`/orgs/${team.organizationId}/team`} />
      {team.apprentices.length === 0 ? (
        <EmptyState action={invite}>{t("home.team.empty")}</EmptyState>
      ) : (
        <>
          <ul className="item-list">
            {team.apprentices.map((a) => (
              <li key={a.userId}>
                <strong>
                  <Link to={`/orgs/${team.organizationId}/apprentices/${a.userId}`}>{a.name}</Link>
                </strong>
                <span className="muted">
                  {a.occupationName
                    ? [a.occupationName, stage(a)].filter(Boolean).join(" · ")
                    : t("home.team.noApprenticeship")}
                </span>
                {a.record.waiting + a.record.returned + a.record.missing > 0 ? (
                  <span className="muted">
                    {t("team.records.column")}:{" "}
                    {[
                      a.record.waiting > 0 ? tc("team.records.waiting", a.record.waiting) : null,
                      a.record.returned > 0 ? tc("team.records.returned", a.record.returned) : null,
                      a.record.missing > 0 ? tc("team.records.missing", a.record.missing) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {invite}
        </>
      )}
    </Section>
  );
}

/** Weeks waiting for approval and weeks missing in the company's Berichtshefte. */
function RecordsNote({ records, teamPath }: { records: Team["records"]; teamPath: string }) {
  const tc = useTCount();
  if (records.waiting === 0 && records.missing === 0) return null;
  return (
    <ul className="record-home-note">
      {records.waiting > 0 ? (
        <li>
          <Link to={records.reviews ? "/records" : teamPath}>{tc("home.records.waiting", records.waiting)}</Link>
        </li>
      ) : null}
      {records.missing > 0 ? (
        <li>
          <Link to={teamPath}>{tc("home.records.missing", records.missing)}</Link>
        </li>
      ) : null}
    </ul>
  );
}
