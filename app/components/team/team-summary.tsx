import { Link } from "@remix-run/react";
import { Section } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import type { TeamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";

/** "Auf einen Blick": who is behind, and what waits for the trainer. */
export function TeamSummary({ dashboard }: { dashboard: TeamDashboard }) {
  const t = useT();
  const tc = useTCount();
  const { summary, company } = dashboard;
  const waiting = tc("team.count.waiting", summary.waitingForGrade);
  return (
    <Section title={t("team.summary.title")} id="team-summary">
      <ul className="team-summary">
        <li className={summary.overdue > 0 ? "team-summary-alert" : undefined}>
          {summary.overdue > 0 ? (
            <>
              <strong>
                {t("team.summary.overdue", {
                  tasks: tc("team.count.tasks", summary.overdue),
                  people: tc("team.count.apprentices", summary.behind.length),
                })}
              </strong>
              <ul className="plain-list">
                {summary.behind.map((person) => (
                  <li key={person.userId}>
                    <Link to={`/orgs/${company.id}/apprentices/${person.userId}`}>
                      {t("team.summary.behindPerson", { name: person.name, count: person.overdue })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            t("team.summary.nothingOverdue")
          )}
        </li>
        <li>
          {summary.waitingForGrade === 0 ? (
            t("team.summary.nothingWaiting")
          ) : dashboard.canGrade ? (
            <Link to="/grading">
              <strong>{waiting}</strong>
            </Link>
          ) : (
            <strong>{waiting}</strong>
          )}
        </li>
        {summary.open > 0 ? <li>{tc("team.count.open", summary.open)}</li> : null}
      </ul>
    </Section>
  );
}
