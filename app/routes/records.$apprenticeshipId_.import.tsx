import { data, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import { readRecordImportForm } from "#app/modules/records/record-import-form.server.ts";
import { importRecordJson, recordImportPage } from "#app/modules/records/record-json-import.server.ts";
import { isoWeekOf } from "#app/modules/records/week-dates.ts";
import { formatDate } from "#app/utils/format.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** A trainer takes in the Berichtsheft an apprentice brought from the old company (JSON export). */
export const loader = authenticated(async ({ ctx, params }) => {
  return recordImportPage(ctx, { apprenticeshipId: parseId(params.apprenticeshipId, "record") });
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const apprenticeshipId = parseId(params.apprenticeshipId, "record");
  // Rights first: nobody's upload is read for a record they may not take anything into.
  await recordImportPage(ctx, { apprenticeshipId });
  const form = await readRecordImportForm(request);
  if (!form.ok) return data({ ok: false as const, error: form.reason, weekStart: null }, { status: form.status });
  const result = await importRecordJson(ctx, { apprenticeshipId, json: form.json });
  if (!result.ok) {
    const error = `records.import.error.${result.reason}`;
    return data({ ok: false as const, error, weekStart: result.weekStart ?? null }, { status: 400 });
  }
  return result;
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "records.import.title");

export default function ImportRecordPage() {
  const { apprenticeship } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  const submitting = useIsSubmitting();
  const week = (monday: string | null) => {
    if (!monday) return "";
    const { year, week: number } = isoWeekOf(monday);
    return t("records.import.week", { week: number, year, date: formatDate(locale, monday) });
  };
  return (
    <>
      <PageHeader
        title={t("records.import.heading", { name: apprenticeship.apprenticeName })}
        lead={apprenticeship.companyName}
      />
      <p>
        <Link to={`/records/${apprenticeship.id}`}>{t("records.import.back")}</Link>
      </p>
      {result?.ok ? (
        <Alert tone={result.changed ? "success" : "info"}>
          {result.changed ? (
            <>
              <strong>{t("records.import.doneTitle")}</strong>{" "}
              {t("records.import.from", { name: result.apprenticeName, company: result.companyName })}{" "}
              {tc("records.import.done", result.weeks)}
              {result.leftOut > 0 ? <> {tc("records.import.leftOut", result.leftOut)}</> : null}
            </>
          ) : (
            t("records.import.already")
          )}
        </Alert>
      ) : result ? (
        <Alert tone="error">{t(result.error, { week: week(result.weekStart) })}</Alert>
      ) : null}
      <Section title={t("records.import.title")} id="record-import">
        <p>{t("records.import.lead", { name: apprenticeship.apprenticeName })}</p>
        <p>{t("records.import.how")}</p>
        <Form method="post" encType="multipart/form-data" className="form">
          <Field
            label={t("records.import.file")}
            hint={t("records.import.fileHint")}
            name="file"
            type="file"
            accept=".json,application/json"
            required
          />
          <Button disabled={submitting}>{t("records.import.submit")}</Button>
        </Form>
      </Section>
    </>
  );
}
