import { Link } from "@remix-run/react";
import { StatusBadge } from "#app/components/assignments/status-badge.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { MatrixCell, TeamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";

/**
 * Apprentices × assignments as a real table (caption, row and column headers). On a phone it
 * scrolls sideways inside a focusable region, so keyboard users can scroll it too; the names
 * stay in view.
 */
export function TeamMatrix({ dashboard }: { dashboard: TeamDashboard }) {
  const t = useT();
  const locale = useLocale();
  const { company, assignments, apprentices } = dashboard;
  if (apprentices.length === 0) return null;
  return (
    <Section title={t("team.matrix.title")} id="team-matrix">
      {assignments.length === 0 ? (
        <EmptyState
          action={
            dashboard.canManageAssignments ? (
              <ButtonLink to={`/orgs/${company.id}/assignments/new`}>{t("team.assign")}</ButtonLink>
            ) : null
          }
        >
          {t("team.matrix.empty")}
        </EmptyState>
      ) : (
        <>
          <p className="muted team-matrix-hint">
            {t("team.matrix.hint")} {t("team.matrix.olderHidden")}
          </p>
          <section
            className="team-matrix"
            // A labelled section is a region: screen readers list it among the landmarks.
            aria-label={t("team.matrix.region")}
            // Keyboard users scroll the region with the arrow keys (WCAG 2.1.1).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable.
            tabIndex={0}
          >
            <table>
              <caption>{t("team.matrix.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("team.matrix.apprentice")}</th>
                  {assignments.map((assignment) => (
                    <th scope="col" key={assignment.id}>
                      {dashboard.canManageAssignments ? (
                        <Link to={`/orgs/${company.id}/assignments/${assignment.id}`}>{assignment.title}</Link>
                      ) : (
                        assignment.title
                      )}
                      <span className="team-matrix-meta">
                        {t("team.due", { date: formatDate(locale, assignment.dueOn) })}
                      </span>
                      <span className="team-matrix-meta">
                        {t("team.matrix.doneCount", { done: assignment.done, total: assignment.recipients })}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {apprentices.map((apprentice) => (
                  <tr key={apprentice.userId}>
                    <th scope="row">
                      <Link to={`/orgs/${company.id}/apprentices/${apprentice.userId}`}>{apprentice.name}</Link>
                    </th>
                    {apprentice.cells.map((cell, index) => (
                      <td key={assignments[index]?.id ?? index}>
                        <Cell cell={cell} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </Section>
  );
}

function Cell({ cell }: { cell: MatrixCell | null }) {
  const t = useT();
  const locale = useLocale();
  if (!cell) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="team-sr-only">{t("team.matrix.notAssigned")}</span>
      </>
    );
  }
  const meta = [
    cell.scorePercent === null ? null : t("team.percent", { value: formatNumber(locale, cell.scorePercent, 0) }),
    cell.itemsTotal > 1 ? t("team.items", { done: cell.itemsDone, total: cell.itemsTotal }) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <StatusBadge status={cell.status} />
      {meta ? <span className="team-matrix-meta">{meta}</span> : null}
      {cell.pendingGrading ? <span className="team-matrix-meta">{t("assignment.status.pendingGrading")}</span> : null}
    </>
  );
}
