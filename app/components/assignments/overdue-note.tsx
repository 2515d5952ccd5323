import { Link } from "@remix-run/react";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import type { OverdueSummary } from "#app/modules/assignments/overdue-summary.server.ts";

/** "3 überfällige Aufgaben bei 2 Personen" on a trainer's or teacher's home, linking to the details. */
export function OverdueNote({ overdue, to }: { overdue: OverdueSummary; to: string }) {
  const t = useT();
  const tc = useTCount();
  if (overdue.assignments === 0) return <p className="muted">{t("assignments.overdueHome.none")}</p>;
  return (
    <p className="overdue-note">
      <Link to={to}>
        {tc("assignments.overdueHome.tasks", overdue.assignments)}{" "}
        {tc("assignments.overdueHome.people", overdue.apprentices)}
      </Link>
    </p>
  );
}
