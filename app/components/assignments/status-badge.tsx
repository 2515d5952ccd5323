import { useT } from "#app/i18n/use-t.ts";
import type { AssignmentStatus } from "#app/modules/assignments/status.ts";

/**
 * The status of one assignment in words and colour (never colour alone): "Überfällig",
 * "Begonnen", "Erledigt", "Offen". Used by the apprentice's list and every dashboard.
 */
export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const t = useT();
  return <span className={`status status-${status}`}>{t(`assignment.status.${status}`)}</span>;
}
