import { Link } from "@remix-run/react";
import { StatusBadge } from "#app/components/assignments/status-badge.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { ClassMatrix as Matrix } from "#app/modules/assignments/class-view.server.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";

type Props = { schoolId: string; schoolClass: Matrix; canManage: boolean };

/**
 * Students × assignments as a real table: row headers are the students, column headers the
 * assignments. On a phone it scrolls sideways inside its own focusable region, so the page
 * itself never does; the first column stays in view.
 */
export function ClassMatrix({ schoolId, schoolClass, canManage }: Props) {
  const t = useT();
  const locale = useLocale();
  const { columns, students } = schoolClass;
  return (
    // A labelled section is a region: screen readers list it among the landmarks.
    <section
      className="table-region"
      aria-label={t("classes.table.region", { name: schoolClass.name })}
      // Keyboard users can scroll the region with the arrow keys (WCAG 2.1.1).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable.
      tabIndex={0}
    >
      <table className="class-matrix">
        <caption>{t("classes.table.caption", { name: schoolClass.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("classes.table.student")}</th>
            <th scope="col">{t("classes.table.company")}</th>
            {columns.map((column) => (
              <th scope="col" key={column.id}>
                {canManage ? (
                  <Link to={`/orgs/${schoolId}/assignments/${column.id}`}>{column.title}</Link>
                ) : (
                  column.title
                )}
                <span className="cell-meta">{t("classes.table.due", { date: formatDate(locale, column.dueOn) })}</span>
                <span className="cell-meta">
                  {t("classes.table.doneOf", { done: column.done, total: column.recipients })}
                </span>
              </th>
            ))}
            <th scope="col">{t("classes.table.total")}</th>
          </tr>
        </thead>
        <tbody>
          {students.map((student) => (
            <tr key={student.userId}>
              <th scope="row">
                <Link to={`/orgs/${schoolId}/apprentices/${student.userId}`}>{student.name}</Link>
              </th>
              <td>
                {student.companies.length > 0 ? (
                  student.companies.join(", ")
                ) : (
                  <span className="muted">{t("classes.noCompany")}</span>
                )}
              </td>
              {student.cells.map((cell, index) => (
                <td key={columns[index]?.id ?? index}>
                  {cell ? (
                    <>
                      <StatusBadge status={cell.status} />
                      {cell.pendingGrading && cell.status !== "done" ? (
                        <span className="cell-meta">{t("assignment.status.pendingGrading")}</span>
                      ) : null}
                      <span className="cell-meta">
                        {t("classes.cell.progress", { done: cell.itemsDone, total: cell.itemsTotal })}
                        {cell.scorePercent !== null
                          ? ` · ${t("classes.cell.score", { percent: formatNumber(locale, cell.scorePercent, 0) })}`
                          : null}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{t("classes.cell.notAssigned")}</span>
                  )}
                </td>
              ))}
              <td>
                <span className="cell-line">{t("classes.totals.done", { count: student.totals.done })}</span>
                <span className={student.totals.overdue > 0 ? "cell-line cell-overdue" : "cell-line"}>
                  {t("classes.totals.overdue", { count: student.totals.overdue })}
                </span>
                <span className="cell-line">{t("classes.totals.open", { count: student.totals.open })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
