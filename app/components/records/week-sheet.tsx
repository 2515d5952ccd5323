import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { WeekPage } from "#app/modules/records/week-page.server.ts";
import { RECORD_SECTIONS } from "#app/modules/records/types.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";

/** A week to read: days with places and hours, the sections' lines, the totals. */
export function WeekSheet({ page }: { page: WeekPage }) {
  const t = useT();
  const locale = useLocale();
  const hours = (value: number) => t("records.hours", { hours: formatNumber(locale, value) });
  const shownDays = page.content.days
    .map((day, i) => ({ day, i }))
    .filter(({ day, i }) => i < 5 || day.place !== null || (page.totals.perDay[i] ?? 0) > 0);
  const sections = page.can.schoolOnly ? (["school"] as const) : RECORD_SECTIONS;
  return (
    <>
      <section aria-labelledby="record-days" className="record-block">
        <h2 id="record-days">{t("records.days.title")}</h2>
        <ul className="record-days-read">
          {shownDays.map(({ day, i }) => (
            <li key={i}>
              <strong>
                {t(`records.day.${i}`)}, {formatDate(locale, page.week.dates[i] ?? page.week.monday)}:
              </strong>{" "}
              {day.place ? t(`records.place.${day.place}`) : "—"}
              {(page.totals.perDay[i] ?? 0) > 0 ? ` · ${hours(page.totals.perDay[i] ?? 0)}` : null}
              {day.note ? ` · ${day.note}` : null}
            </li>
          ))}
        </ul>
        <p>
          <strong>{t("records.totals.week", { hours: formatNumber(locale, page.totals.week) })}</strong>
        </p>
      </section>
      {sections.map((section) => {
        const lines = page.content.lines.filter((line) => line.section === section);
        return (
          <section key={section} aria-labelledby={`record-section-${section}`} className="record-block">
            <h2 id={`record-section-${section}`}>{t(`records.section.${section}`)}</h2>
            {lines.length === 0 ? (
              <p className="muted">{t("records.section.empty")}</p>
            ) : (
              <ul className="record-lines-read">
                {lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list rendered once; lines may repeat word for word.
                  <li key={`${section}-${i}`}>
                    {line.day !== null && page.apprenticeship.rhythm === "daily"
                      ? `${t(`records.dayShort.${line.day}`)}: `
                      : null}
                    {line.text}
                    {line.hours !== null ? <span className="muted"> ({hours(line.hours)})</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
