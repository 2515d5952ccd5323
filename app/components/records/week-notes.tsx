import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { WeekPage } from "#app/modules/records/week-page.server.ts";
import { formatDateTime, formatNumber } from "#app/utils/format.ts";

/** What deserves a second look before submitting or approving; never a refusal. */
export function WeekWarnings({ warnings }: { warnings: WeekPage["warnings"] }) {
  const t = useT();
  const locale = useLocale();
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert-info record-warnings" role="note" aria-labelledby="record-warnings">
      <h2 id="record-warnings">{t("records.warnings.title")}</h2>
      <ul>
        {warnings.map((warning) => {
          const day = "day" in warning ? t(`records.day.${warning.day}`) : "";
          const hours = "hours" in warning ? formatNumber(locale, warning.hours) : "";
          return <li key={`${warning.kind}-${day}`}>{t(`records.warnings.${warning.kind}`, { day, hours })}</li>;
        })}
      </ul>
    </div>
  );
}

/** The week's history: submitted, returned (with the comment), approved, reopened (with the reason). */
export function WeekHistory({ history }: { history: WeekPage["history"] }) {
  const t = useT();
  const locale = useLocale();
  if (history.length === 0) return null;
  return (
    <section className="record-block" aria-labelledby="record-history">
      <h2 id="record-history">{t("records.history.title")}</h2>
      <ol className="record-history">
        {history.map((event) => (
          <li key={`${event.at}-${event.action}`}>
            {t(`records.history.${event.action}`, {
              date: formatDateTime(locale, new Date(event.at)),
              name: event.actorName,
              comment: event.comment ?? "",
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
