import type { MetaFunction } from "@remix-run/node";
import { Link, type ShouldRevalidateFunction, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ApprovalLines, WeekHeaderFacts, WeekStatusBadge } from "#app/components/records/week-header.tsx";
import { ReviewPanel } from "#app/components/records/review-panel.tsx";
import { WeekEditor } from "#app/components/records/week-editor.tsx";
import { WeekHistory, WeekWarnings } from "#app/components/records/week-notes.tsx";
import { WeekSheet } from "#app/components/records/week-sheet.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { WeekActionFailure } from "#app/modules/records/week-action.server.ts";
import { weekAction } from "#app/modules/records/week-action.server.ts";
import { weekPage } from "#app/modules/records/week-page.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { readForm } from "#app/utils/read-form.server.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx, params }) =>
  weekPage(ctx, { apprenticeshipId: parseId(params.apprenticeshipId, "record"), week: params.week ?? "" }),
);

export const action = authenticated(async ({ ctx, params, request }) =>
  weekAction(ctx, {
    apprenticeshipId: parseId(params.apprenticeshipId, "record"),
    week: params.week ?? "",
    formData: await readForm(request),
  }),
);

/** An autosave changes nothing the page shows: keep the form (and the cursor) as it is. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  dataTitle(data ? `KW ${data.week.isoWeek}/${data.week.isoYear} – ${data.apprenticeship.apprenticeName}` : undefined);

const DONE = ["saved", "submitted", "approved", "returned", "reopened"] as const;

export default function RecordWeekPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failure = answer && !answer.ok ? (answer as WeekActionFailure) : null;
  const [search] = useSearchParams();
  const done = DONE.find((value) => value === search.get("done"));
  const t = useT();
  const locale = useLocale();
  const { week } = page;
  const state = page.status === "draft" && page.returnComment ? "returned" : page.status;
  const doneKey = done
    ? {
        saved: "records.saved",
        submitted: "records.submitted",
        approved: "records.review.approved",
        returned: "records.review.returned",
        reopened: "records.review.reopened",
      }[done]
    : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/records/${page.apprenticeship.id}`}>{t("records.backToRecord")}</Link>
      </p>
      <PageHeader
        title={t("records.weekTitle", { week: week.isoWeek, year: week.isoYear })}
        lead={t("records.weekLead", {
          from: formatDate(locale, week.monday),
          to: formatDate(locale, week.dates[5] ?? week.monday),
          number: week.sheetNumber,
          year: week.trainingYear,
        })}
      />
      <nav className="record-week-nav" aria-label={t("records.list.title")}>
        {week.previous ? (
          <Link to={`/records/${page.apprenticeship.id}/${week.previous}`}>{t("records.previousWeek")}</Link>
        ) : (
          <span />
        )}
        <WeekStatusBadge state={state} />
        {week.next ? (
          <Link to={`/records/${page.apprenticeship.id}/${week.next}`}>{t("records.nextWeek")}</Link>
        ) : (
          <span />
        )}
      </nav>
      {doneKey ? <Alert tone="success">{t(doneKey)}</Alert> : null}
      {failure ? <Alert tone="error">{t(failure.message)}</Alert> : null}
      {page.returnComment ? (
        <Alert tone="info">
          <strong>{t("records.returned.title")}</strong> {page.returnComment}
        </Alert>
      ) : null}
      <WeekHeaderFacts page={page} />
      {page.can.schoolOnly ? <p className="muted">{t("records.schoolOnly")}</p> : null}
      <WeekWarnings warnings={page.warnings} />
      {page.can.edit ? <WeekEditor page={page} failure={failure} /> : <WeekSheet page={page} />}
      {page.can.schoolOnly ? null : <ApprovalLines page={page} />}
      <ReviewPanel page={page} failure={failure} />
      {page.can.exportPdf && page.stored ? (
        <p>
          <a
            className="button button-secondary"
            href={`/records/${page.apprenticeship.id}/export.pdf?from=${week.key}&to=${week.key}`}
            download
          >
            {t("records.pdf")}
          </a>
        </p>
      ) : null}
      <WeekHistory history={page.history} />
    </>
  );
}
