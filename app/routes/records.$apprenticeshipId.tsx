import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { WeekStatusBadge } from "#app/components/records/week-header.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { recordOverview } from "#app/modules/records/overview.server.ts";
import { isoWeekOf } from "#app/modules/records/week-dates.ts";
import { formatDate } from "#app/utils/format.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx, params }) =>
  recordOverview(ctx, { apprenticeshipId: parseId(params.apprenticeshipId, "record") }),
);

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  dataTitle(data ? `Berichtsheft – ${data.apprenticeship.apprenticeName}` : undefined);

export default function RecordOverviewPage() {
  const record = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { apprenticeship: ap } = record;
  const base = `/records/${ap.id}`;
  const broken = record.chain?.broken;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/records">{t("records.title")}</Link>
      </p>
      <PageHeader
        title={`${t("records.title")}: ${ap.apprenticeName}`}
        lead={`${ap.occupationName} · ${ap.companyName} · ${formatDate(locale, ap.startsOn)} – ${formatDate(locale, ap.lastDay)}`}
        actions={
          record.currentWeek ? (
            <ButtonLink to={`${base}/${record.currentWeek}`}>{t("records.openThisWeek")}</ButtonLink>
          ) : undefined
        }
      />
      {record.schoolOnly ? <p className="muted">{t("records.schoolOnly")}</p> : null}
      {record.chain ? (
        broken ? (
          <Alert tone="error">
            {t("records.chain.broken", {
              week: isoWeekOf(broken.weekStart).week,
              year: isoWeekOf(broken.weekStart).year,
            })}
          </Alert>
        ) : record.chain.approvals > 0 ? (
          <p className="muted">{t("records.chain.ok", { count: record.chain.approvals })}</p>
        ) : null
      ) : null}
      <p>{t("records.list.counts", record.counts)}</p>
      {record.can.exportAll ? (
        <p className="record-exports">
          <a className="button button-secondary" href={`${base}/export.pdf`} download>
            {t("records.pdfAll")}
          </a>{" "}
          <a
            className="button button-secondary"
            href={`${base}/export.json`}
            download
            aria-describedby="record-json-hint"
          >
            {t("records.json")}
          </a>
          <span id="record-json-hint" className="muted">
            {" "}
            {t("records.jsonHint")}
          </span>
        </p>
      ) : null}
      {record.can.exportAll && record.weeks.length > 1 ? (
        <form method="get" action={`${base}/export.pdf`} className="record-range" aria-labelledby="record-range">
          <h2 id="record-range">{t("records.range.title")}</h2>
          <div className="record-range-fields">
            <label>
              {t("records.range.from")}
              <input className="input" type="week" name="from" defaultValue={record.weeks.at(-1)?.key} />
            </label>
            <label>
              {t("records.range.to")}
              <input className="input" type="week" name="to" defaultValue={record.weeks[0]?.key} />
            </label>
          </div>
          <button type="submit" className="button button-secondary">
            {t("records.range.submit")}
          </button>
        </form>
      ) : null}
      <Section title={t("records.list.title")} id="record-weeks">
        <ul className="item-list record-week-list">
          {record.weeks.map((week) => (
            <li key={week.monday}>
              <Link to={`${base}/${week.key}`}>
                {t("records.list.week", { week: week.isoWeek, year: week.isoYear })} · {formatDate(locale, week.monday)}
              </Link>{" "}
              <WeekStatusBadge state={week.state} />
              {week.importedFrom ? (
                <span className="muted"> {t("records.header.importedFrom", { company: week.importedFrom })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
