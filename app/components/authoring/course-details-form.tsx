import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

type Details = {
  title: string;
  summary: string;
  occupations: string[];
  trainingYears: number[];
  status: "draft" | "published" | "archived";
};

function ErrorList({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

export function CourseDetailsForm({
  course,
  occupations,
}: {
  course: Details;
  occupations: { code: string; name: string }[];
}) {
  const t = useT();
  const form = useFormFailure("details");
  const submitting = useIsSubmitting("details");
  const occupationErrors = form.fieldErrors("occupations");
  const yearErrors = form.fieldErrors("trainingYears");
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="details" />
      <Field
        label={t("authoring.newTitle")}
        name="title"
        required
        maxLength={160}
        defaultValue={form.value("title") ?? course.title}
        errors={form.fieldErrors("title")}
      />
      <div className="field">
        <label htmlFor="course-summary" className="field-label">
          {t("editCourse.summary")}
        </label>
        <textarea
          id="course-summary"
          name="summary"
          rows={3}
          maxLength={600}
          defaultValue={form.value("summary") ?? course.summary}
          className="input"
        />
        <ErrorList id="course-summary-error" errors={form.fieldErrors("summary")} />
      </div>
      <fieldset className="checkbox-group" aria-describedby={occupationErrors ? "occupations-error" : undefined}>
        <legend>{t("editCourse.occupations")}</legend>
        {[{ code: "all", name: t("courses.forAllTrades") }, ...occupations].map((o) => (
          <label key={o.code}>
            <input
              type="checkbox"
              name="occupations"
              value={o.code}
              defaultChecked={course.occupations.includes(o.code)}
            />{" "}
            {o.name}
          </label>
        ))}
        <ErrorList id="occupations-error" errors={occupationErrors} />
      </fieldset>
      <fieldset className="checkbox-group" aria-describedby={yearErrors ? "years-error" : undefined}>
        <legend>{t("editCourse.years")}</legend>
        {[1, 2, 3, 4].map((year) => (
          <label key={year}>
            <input
              type="checkbox"
              name="trainingYears"
              value={year}
              defaultChecked={course.trainingYears.includes(year)}
            />{" "}
            {t("courses.filter.yearN", { year })}
          </label>
        ))}
        <ErrorList id="years-error" errors={yearErrors} />
      </fieldset>
      <div className="field">
        <label htmlFor="course-status" className="field-label">
          {t("editCourse.status")}
        </label>
        <p id="course-status-hint" className="field-hint">
          {t("editCourse.statusHint")}
        </p>
        <select
          id="course-status"
          name="status"
          defaultValue={form.value("status") ?? course.status}
          aria-describedby="course-status-hint"
          className="input"
        >
          {(["draft", "published", "archived"] as const).map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <Button disabled={submitting}>{t("editCourse.save")}</Button>
    </Form>
  );
}
