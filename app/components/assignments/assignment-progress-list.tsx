import { Link } from "@remix-run/react";
import { EmptyState } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { AssignmentStatus } from "#app/modules/assignments/status.ts";
import { formatNumber } from "#app/utils/format.ts";
import { StatusBadge } from "./status-badge.tsx";

type Row = {
  userId: string;
  name: string;
  status: AssignmentStatus;
  itemsDone: number;
  itemsTotal: number;
  scorePercent: number | null;
};

/** Each recipient of one assignment: status, how much is done and the quiz score. */
export function AssignmentProgressList({ organizationId, rows }: { organizationId: string; rows: Row[] }) {
  const t = useT();
  const locale = useLocale();
  if (rows.length === 0) return <EmptyState>{t("assignments.edit.nobody")}</EmptyState>;
  return (
    <ul className="item-list">
      {rows.map((row) => (
        <li key={row.userId}>
          <Link to={`/orgs/${organizationId}/apprentices/${row.userId}`}>{row.name}</Link>
          <span>
            <StatusBadge status={row.status} />{" "}
            <span className="muted">
              {t("assignments.itemsDone", { done: row.itemsDone, total: row.itemsTotal })}
              {row.scorePercent !== null
                ? ` · ${t("assignments.score", { percent: formatNumber(locale, row.scorePercent, 0) })}`
                : ""}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
