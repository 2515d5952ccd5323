import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Field, FieldErrors } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

type Details = {
  title: string;
  summary: string;
  occupations: string[];
  trainingYears: number[];
  status: "draft" | "published" | "archived";
};

/** Several checkboxes under one name; the errors are announced with the group. */
function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  checked: string[];
  errors?: string[];
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="checkbox-group" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={checked.includes(option.value)} />{" "}
          {option.label}
        </label>
      ))}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
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
        <FieldErrors id="course-summary-error" errors={form.fieldErrors("summary")} />
      </div>
      <CheckboxGroup
        legend={t("editCourse.occupations")}
        name="occupations"
        options={[{ code: "all", name: t("courses.forAllTrades") }, ...occupations].map((o) => ({
          value: o.code,
          label: o.name,
        }))}
        checked={course.occupations}
        errors={form.fieldErrors("occupations")}
      />
      <CheckboxGroup
        legend={t("editCourse.years")}
        name="trainingYears"
        options={[1, 2, 3, 4].map((year) => ({ value: String(year), label: t("courses.filter.yearN", { year }) }))}
        checked={course.trainingYears.map(String)}
        errors={form.fieldErrors("trainingYears")}
      />
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
