import { Form } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { FieldErrors, SelectField } from "#app/components/ui/field.tsx";
import { EmptyState } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { formatDate } from "#app/utils/format.ts";

type Person = { userId: string; name: string };

/** Tick the teachers of the class: teachers of this school only. */
export function ClassTeachersForm({ teachers }: { teachers: (Person & { selected: boolean })[] }) {
  const t = useT();
  const failure = useFormFailure("teachers");
  const submitting = useIsSubmitting("teachers");
  if (teachers.length === 0) return <EmptyState>{t("classes.manage.noTeachers")}</EmptyState>;
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="teachers" />
      <fieldset>
        <legend>{t("classes.manage.teachersLegend")}</legend>
        {teachers.map((teacher) => (
          <label key={teacher.userId} className="checkbox">
            <input type="checkbox" name="teacherIds" value={teacher.userId} defaultChecked={teacher.selected} />{" "}
            {teacher.name}
          </label>
        ))}
        <FieldErrors id="teacherIds-error" errors={failure.fieldErrors("teacherIds")} />
      </fieldset>
      <Button disabled={submitting}>{t("classes.manage.saveTeachers")}</Button>
    </Form>
  );
}

/** The students: move one to another class of the school, or take them out of this one. */
export function ClassStudents({
  students,
  otherClasses,
  archived,
}: {
  students: Person[];
  otherClasses: { id: string; name: string }[];
  archived: boolean;
}) {
  const t = useT();
  const failure = useFormFailure("move");
  if (students.length === 0) return <EmptyState>{t("classes.manage.noStudents")}</EmptyState>;
  return (
    <ul className="item-list">
      {students.map((student) => (
        <li key={student.userId} className="invitation-row">
          <strong>{student.name}</strong>
          {archived ? null : (
            <div className="inline-forms">
              {otherClasses.length > 0 ? (
                <Form method="post" className="form-inline">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="studentId" value={student.userId} />
                  <SelectField
                    label={t("classes.manage.moveTo", { name: student.name })}
                    name="targetClassId"
                    options={otherClasses.map((c) => ({ value: c.id, label: c.name }))}
                    errors={failure.value("studentId") === student.userId ? failure.fieldErrors("targetClassId") : []}
                  />
                  <Button variant="secondary">{t("classes.manage.move")}</Button>
                </Form>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="studentId" value={student.userId} />
                <Button variant="quiet" aria-label={t("classes.manage.removeNamed", { name: student.name })}>
                  {t("classes.manage.remove")}
                </Button>
              </Form>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Class codes: a new one (shown once), and until when the open ones work. */
export function ClassCodes({ openCodes }: { openCodes: { id: string; expiresAt: Date }[] }) {
  const t = useT();
  const locale = useLocale();
  const submitting = useIsSubmitting("code");
  return (
    <>
      <p>{t("classes.manage.codeLead")}</p>
      {openCodes.length > 0 ? (
        <ul>
          {openCodes.map((code) => (
            <li key={code.id}>{t("classes.manage.codeOpen", { date: formatDate(locale, code.expiresAt) })}</li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="code" />
        <SelectField
          label={t("classes.manage.codeValid")}
          name="validDays"
          defaultValue="30"
          options={[7, 14, 30, 60].map((days) => ({ value: String(days), label: t("classes.manage.days", { days }) }))}
        />
        <Button disabled={submitting}>{t("classes.manage.newCode")}</Button>
      </Form>
    </>
  );
}

/** Next school year (training year + 1), and archive. */
export function ClassLifecycle({ trainingYear, name }: { trainingYear: number; name: string }) {
  const t = useT();
  const failure = useFormFailure("promote");
  return (
    <>
      {failure.formErrors.map((key) => (
        <Alert key={key} tone="error">
          {t(key)}
        </Alert>
      ))}
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="promote" />
        <input type="hidden" name="fromYear" value={trainingYear} />
        <p>{t("classes.manage.promoteLead")}</p>
        <Button variant="secondary" disabled={trainingYear >= 4}>
          {t("classes.manage.promote", { year: Math.min(trainingYear + 1, 4) })}
        </Button>
      </Form>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="archive" />
        <p>{t("classes.manage.archiveLead")}</p>
        <Button variant="danger" aria-label={t("classes.manage.archiveNamed", { name })}>
          {t("classes.manage.archive")}
        </Button>
      </Form>
    </>
  );
}
