import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { recordsHome } from "#app/modules/records/records-home.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx }) => recordsHome(ctx));

export const meta: MetaFunction = () => [{ title: "Berichtsheft · Werkbank" }];

export default function RecordsPage() {
  const { own, queue, reviews } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("records.title")} lead={t("records.lead")} />
      {own.length > 0 || !reviews ? (
        <Section title={t("records.mine")} id="records-mine">
          {own.length === 0 ? (
            <p className="muted">{t("records.none")}</p>
          ) : (
            <ul className="item-list">
              {own.map((record) => (
                <li key={record.id}>
                  <Link to={`/records/${record.id}`}>
                    {record.occupationName} · {record.companyName}
                  </Link>{" "}
                  <span className="muted">
                    {formatDate(locale, record.startsOn)} · {record.running ? t("records.running") : t("records.ended")}
                  </span>
                  {record.currentWeek ? (
                    <>
                      {" "}
                      <Link className="button button-primary" to={`/records/${record.id}/${record.currentWeek}`}>
                        {t("records.openThisWeek")}
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
      {reviews ? (
        <Section title={t("records.queue.title")} id="records-queue">
          <p className="muted">{t("records.queue.lead")}</p>
          {queue.length === 0 ? (
            <p>{t("records.queue.empty")}</p>
          ) : (
            <ul className="item-list">
              {queue.map((week) => (
                <li key={`${week.apprenticeshipId}-${week.week}`}>
                  <Link to={`/records/${week.apprenticeshipId}/${week.week}`}>
                    {t("records.queue.item", {
                      name: week.apprenticeName,
                      week: week.week.slice(6),
                      year: week.week.slice(0, 4),
                    })}
                  </Link>{" "}
                  <span className="muted">
                    {week.companyName} ·{" "}
                    {t("records.queue.submittedOn", { date: formatDate(locale, new Date(week.submittedAt)) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
    </>
  );
}
