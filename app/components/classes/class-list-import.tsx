import { Form } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, TextAreaField } from "#app/components/ui/field.tsx";
import { Section } from "#app/components/ui/page.tsx";
import { useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import { formatDate } from "#app/utils/format.ts";

type Student = { line: number; familyName: string; givenName: string; email?: string };
type Rejected = { line: number; reason: string; values?: Record<string, string | number> };

/** A file or pasted lines; the text field alone works without JavaScript and on phones. */
export function ClassListForm({ text }: { text: string }) {
  const t = useT();
  const submitting = useIsSubmitting();
  return (
    <Section title={t("classes.import.title")} id="class-list">
      <p>{t("classes.import.lead")}</p>
      <Form method="post" encType="multipart/form-data" className="form class-list-form">
        <Field
          label={t("classes.import.file")}
          hint={t("classes.import.fileHint")}
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
        />
        <TextAreaField
          label={t("classes.import.text")}
          hint={t("classes.import.textHint")}
          name="text"
          rows={8}
          defaultValue={text}
          key={text}
        />
        <Button disabled={submitting}>{t("classes.import.submit")}</Button>
      </Form>
    </Section>
  );
}

/** Rejected lines with their reasons, the good ones, and the button to import only those. */
export function ClassListReport({ report, text }: { report: { good: Student[]; rejected: Rejected[] }; text: string }) {
  const t = useT();
  const submitting = useIsSubmitting();
  return (
    <Section title={t("classes.import.rejectedTitle")} id="class-list-report">
      <Alert tone="error">
        <ul className="class-list-lines">
          {report.rejected.map((row) => (
            <li key={row.line}>
              {t("classes.import.rejectedLine", { line: row.line, reason: t(row.reason, row.values) })}
            </li>
          ))}
        </ul>
      </Alert>
      {report.good.length > 0 ? <h3>{t("classes.import.goodTitle", { count: report.good.length })}</h3> : null}
      <ul className="class-list-lines">
        {report.good.map((student) => (
          <li key={student.line}>
            {t("classes.import.rejectedLine", {
              line: student.line,
              reason: [`${student.familyName}, ${student.givenName}`, student.email].filter(Boolean).join(" – "),
            })}
          </li>
        ))}
      </ul>
      {report.good.length === 0 ? (
        <p>{t("classes.import.error.noGoodLines")}</p>
      ) : (
        <>
          <p>{t("classes.import.nothingWritten")}</p>
          <Form method="post" className="form">
            <input type="hidden" name="text" value={text} />
            <input type="hidden" name="confirm" value="1" />
            <Button disabled={submitting}>{t("classes.import.confirm", { count: report.good.length })}</Button>
          </Form>
        </>
      )}
    </Section>
  );
}

type Imported = { line: number; label: string; code: string; link: string; qrCode: string };

/** The codes, shown once: one card per student to print and cut, or the same as a PDF. */
export function ImportedStudents(props: {
  className: string;
  expiresAt: Date | string;
  students: Imported[];
  skipped: { line: number; label: string }[];
  sheetAction: string;
}) {
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  return (
    <section aria-labelledby="imported-heading">
      <h2 id="imported-heading">{t("classes.import.doneTitle", { className: props.className })}</h2>
      <div className="no-print">
        <Alert tone="success">{tc("classes.import.created", props.students.length)}</Alert>
        {props.skipped.length > 0 ? (
          <Alert tone="info">
            {t("classes.import.skipped", { names: props.skipped.map((s) => s.label).join("; ") })}
          </Alert>
        ) : null}
        {props.students.length > 0 ? (
          <>
            <Alert tone="info">{t("classes.import.onlyNow")}</Alert>
            <p>{t("classes.import.print")}</p>
            <Form method="post" action={props.sheetAction} reloadDocument>
              {props.students.map((student) => (
                <input key={student.code} type="hidden" name="code" value={student.code} />
              ))}
              <Button>{t("classes.import.pdf")}</Button>
            </Form>
          </>
        ) : null}
      </div>
      <ul className="student-cards">
        {props.students.map((student) => (
          <li key={student.code} className="student-card">
            <p className="student-card-name">{student.label}</p>
            <p className="invitation-code">{student.code}</p>
            <p className="invitation-link">{student.link}</p>
            <img
              src={student.qrCode}
              alt={t("classes.import.qrLabel", { name: student.label })}
              width={128}
              height={128}
            />
            <p className="muted">
              {t("classes.import.instruction")}{" "}
              {t("classes.import.validUntil", { date: formatDate(locale, new Date(props.expiresAt)) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
