import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { WeekPage } from "#app/modules/records/week-page.server.ts";
import { formatDate } from "#app/utils/format.ts";

/** The sheet's header (name, occupation, company) and the state of the week. */
export function WeekHeaderFacts({ page }: { page: Pick<WeekPage, "apprenticeship" | "importedFrom"> }) {
  const t = useT();
  return (
    <dl className="facts record-facts">
      <div>
        <dt>{t("records.header.name")}</dt>
        <dd>{page.apprenticeship.apprenticeName}</dd>
      </div>
      <div>
        <dt>{t("records.header.occupation")}</dt>
        <dd>{page.apprenticeship.occupationName}</dd>
      </div>
      <div>
        <dt>{t("records.header.company")}</dt>
        <dd>
          {page.apprenticeship.companyName}
          {page.importedFrom ? ` · ${t("records.header.importedFrom", { company: page.importedFrom })}` : null}
        </dd>
      </div>
    </dl>
  );
}

export type WeekState = "draft" | "submitted" | "approved" | "returned" | "missing" | "open";

export function WeekStatusBadge({ state }: { state: WeekState }) {
  const t = useT();
  return <span className={`badge record-status record-status-${state}`}>{t(`records.status.${state}`)}</span>;
}

/** "Eingereicht am …" and "Elektronisch freigegeben am … durch …" with the hash. */
export function ApprovalLines({ page }: { page: Pick<WeekPage, "submittedAt" | "approval"> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="record-approval">
      <p>
        {page.submittedAt
          ? t("records.submittedOn", { date: formatDate(locale, new Date(page.submittedAt)) })
          : t("records.notSubmitted")}
      </p>
      {page.approval ? (
        <>
          <p>
            {t("records.approvedLine", {
              date: formatDate(locale, new Date(page.approval.at)),
              name: page.approval.byName,
            })}
          </p>
          <p className="record-hash">{t("records.hash", { hash: page.approval.hash })}</p>
        </>
      ) : null}
    </div>
  );
}
