import { Form } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

type Values = { name: string; occupationId: string | null; trainingYear: number; schoolYear: string | null };

/** Name, occupation, training year and school year of a class: for a new one and for changes. */
export function ClassForm({
  intent,
  occupations,
  initial,
  submitLabel,
}: {
  intent: "create" | "update";
  occupations: { id: string; name: string }[];
  initial?: Values;
  submitLabel: string;
}) {
  const t = useT();
  const failure = useFormFailure(intent);
  const submitting = useIsSubmitting(intent);
  const value = (name: keyof Values) => failure.value(name) ?? String(initial?.[name] ?? "");
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {failure.formErrors.map((key) => (
        <Alert key={key} tone="error">
          {t(key)}
        </Alert>
      ))}
      <Field
        label={t("classes.manage.name")}
        hint={t("classes.manage.nameHint")}
        name="name"
        required
        maxLength={60}
        defaultValue={value("name")}
        errors={failure.fieldErrors("name")}
      />
      <SelectField
        label={t("classes.manage.occupation")}
        name="occupationId"
        placeholder={t("classes.manage.noOccupation")}
        options={occupations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValue={value("occupationId")}
        errors={failure.fieldErrors("occupationId")}
      />
      <SelectField
        label={t("classes.manage.trainingYear")}
        name="trainingYear"
        options={[1, 2, 3, 4].map((year) => ({ value: String(year), label: t("classes.meta.year", { year }) }))}
        defaultValue={value("trainingYear") || "1"}
        errors={failure.fieldErrors("trainingYear")}
      />
      <Field
        label={t("classes.manage.schoolYear")}
        hint={t("classes.manage.schoolYearHint")}
        name="schoolYear"
        required
        inputMode="numeric"
        maxLength={7}
        defaultValue={value("schoolYear")}
        errors={failure.fieldErrors("schoolYear")}
      />
      <Button disabled={submitting}>{submitLabel}</Button>
    </Form>
  );
}
