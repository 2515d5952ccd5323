import { useId } from "react";
import { intlTags, type Locale } from "#app/i18n/locales.ts";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { WeekActivity } from "#app/modules/assignments/activity.server.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";

// Drawing units of the viewBox; the SVG scales to the width of its box (100 %), so 300 units are
// 300 px on a 360 px phone and the text stays readable.
const width = 300;
const height = 170;
const top = 18;
const bottom = 28;
const side = 4;

/** "10.03." for German users: the Monday of the week, short enough for the axis. */
function shortDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], { day: "2-digit", month: "2-digit", timeZone: "UTC" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/**
 * Learning time per week as bars, drawn on the server as SVG (no chart library, no JavaScript).
 * The picture has a summary as its accessible name; the exact figures, also the lessons and quiz
 * attempts per week, are in a real table below it.
 */
export function WeeklyBars({ weeks }: { weeks: WeekActivity[] }) {
  const t = useT();
  const locale = useLocale();
  const captionId = useId();
  const n = (value: number) => formatNumber(locale, value);

  const max = Math.max(0, ...weeks.map((w) => w.minutes));
  const scaleMax = max === 0 ? 1 : max;
  const slot = (width - 2 * side) / Math.max(weeks.length, 1);
  const barWidth = Math.max(4, slot * 0.66);
  const chartHeight = height - top - bottom;
  const busiest = weeks.find((w) => w.minutes === max && max > 0);
  const totals = weeks.reduce(
    (sum, w) => ({
      minutes: sum.minutes + w.minutes,
      lessons: sum.lessons + w.lessons,
      quizzes: sum.quizzes + w.quizzes,
    }),
    { minutes: 0, lessons: 0, quizzes: 0 },
  );
  const summary =
    totals.minutes === 0 && totals.lessons === 0 && totals.quizzes === 0
      ? t("team.chart.summaryEmpty", { weeks: weeks.length })
      : t("team.chart.summary", {
          weeks: weeks.length,
          total: n(totals.minutes),
          lessons: n(totals.lessons),
          quizzes: n(totals.quizzes),
          date: busiest ? formatDate(locale, busiest.weekStart) : "–",
          max: n(max),
        });

  return (
    <figure className="weekly-bars">
      <figcaption id={captionId}>{t("team.chart.caption")}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summary}
        aria-describedby={captionId}
        preserveAspectRatio="xMidYMid meet"
      >
        {weeks.map((week, index) => {
          const x = side + index * slot + (slot - barWidth) / 2;
          const barHeight = week.minutes === 0 ? 0 : Math.max(2, (week.minutes / scaleMax) * chartHeight);
          const y = top + chartHeight - barHeight;
          // Every second Monday is named, counted from the current week, so that one always is.
          const labelled = (weeks.length - 1 - index) % 2 === 0;
          return (
            <g key={week.weekStart}>
              {barHeight > 0 ? (
                <>
                  <rect className="weekly-bars-bar" x={x} y={y} width={barWidth} height={barHeight} rx={2} />
                  <text className="weekly-bars-value" x={x + barWidth / 2} y={y - 4} textAnchor="middle">
                    {n(week.minutes)}
                  </text>
                </>
              ) : null}
              {labelled ? (
                <text className="weekly-bars-label" x={x + barWidth / 2} y={height - 8} textAnchor="middle">
                  {shortDay(locale, week.weekStart)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line className="weekly-bars-axis" x1={side} x2={width - side} y1={top + chartHeight} y2={top + chartHeight} />
      </svg>
      <p className="muted weekly-bars-note">{t("team.chart.note")}</p>
      <details className="disclosure">
        <summary>{t("team.chart.table")}</summary>
        <div className="weekly-bars-table">
          <table>
            <caption>{t("team.chart.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("team.chart.week")}</th>
                <th scope="col">{t("team.chart.lessons")}</th>
                <th scope="col">{t("team.chart.quizzes")}</th>
                <th scope="col">{t("team.chart.minutes")}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <th scope="row">
                    {t("team.chart.weekLabel", { week: week.isoWeek, date: formatDate(locale, week.weekStart) })}
                  </th>
                  <td>{n(week.lessons)}</td>
                  <td>{n(week.quizzes)}</td>
                  <td>{n(week.minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
