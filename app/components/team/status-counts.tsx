import { useT } from "#app/i18n/use-t.ts";
import type { StatusCounts as Counts } from "#app/modules/assignments/team-dashboard.server.ts";

const order = ["overdue", "inProgress", "open", "done"] as const;

/** "2 überfällig · 1 begonnen · 3 erledigt": words and colour, zeros left out. */
export function StatusCounts({ counts, label }: { counts: Counts; label: string }) {
  const t = useT();
  const shown = order.filter((status) => counts[status] > 0);
  if (shown.length === 0) return <p className="muted">{t("team.people.noAssignments")}</p>;
  return (
    <ul className="team-counts" aria-label={label}>
      {shown.map((status) => (
        <li key={status} className={`status status-${status}`}>
          {t(`team.status.${status}`, { count: counts[status] })}
        </li>
      ))}
    </ul>
  );
}
