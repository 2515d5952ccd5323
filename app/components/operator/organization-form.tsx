import { Form } from "@remix-run/react";
import { useId } from "react";
import { Button } from "#app/components/ui/button.tsx";
import { Field, FieldErrors, SelectField } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { type OrganizationKind, organizationKinds } from "#app/modules/permissions/roles.ts";
import { DEFAULT_STATE, GERMAN_STATES } from "#app/modules/shared/german-states.ts";

type Occupation = { id: string; name: string };

/**
 * Name, town, Bundesland and occupations of an organisation; the kind only when it is created (the roles of
 * its people depend on it). `intent` tells the detail page's forms apart.
 */
export function OrganizationForm({
  occupations,
  intent,
  initial,
  submitLabel,
}: {
  occupations: Occupation[];
  intent?: "update";
  initial?: { name: string; town: string; state: string; occupationIds: string[] };
  submitLabel: string;
}) {
  const t = useT();
  const failure = useFormFailure(intent);
  const submitting = useIsSubmitting(intent);
  const occupationsId = useId();
  const typedOccupations = failure.value("occupationIds");
  const checked = new Set(
    typedOccupations !== undefined ? typedOccupations.split(",") : (initial?.occupationIds ?? []),
  );
  const occupationErrors = failure.fieldErrors("occupationIds");
  return (
    <Form method="post" className="form" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {failure.formErrors.map((key) => (
        <p key={key} className="field-errors" role="alert">
          {t(key)}
        </p>
      ))}
      {intent ? null : (
        <SelectField
          label={t("operator.form.kind")}
          name="kind"
          options={organizationKinds.map((kind: OrganizationKind) => ({
            value: kind,
            label: t(`operator.kind.${kind}`),
          }))}
          defaultValue={failure.value("kind") ?? "company"}
          errors={failure.fieldErrors("kind")}
        />
      )}
      <Field
        label={t("operator.form.name")}
        name="name"
        required
        defaultValue={failure.value("name") ?? initial?.name}
        errors={failure.fieldErrors("name")}
      />
      <Field
        label={t("operator.form.town")}
        name="town"
        required
        defaultValue={failure.value("town") ?? initial?.town}
        errors={failure.fieldErrors("town")}
      />
      <SelectField
        label={t("operator.form.state")}
        hint={t("operator.form.stateHint")}
        name="state"
        options={GERMAN_STATES.map((state) => ({ value: state, label: t(`operator.land.${state}`) }))}
        defaultValue={failure.value("state") ?? initial?.state ?? DEFAULT_STATE}
        errors={failure.fieldErrors("state")}
      />
      <fieldset
        className="checkbox-group"
        aria-describedby={occupationErrors?.length ? `${occupationsId}-error` : undefined}
      >
        <legend>{t("operator.form.occupations")}</legend>
        {occupations.map((occupation) => (
          <label key={occupation.id}>
            <input
              type="checkbox"
              name="occupationIds"
              value={occupation.id}
              defaultChecked={checked.has(occupation.id)}
            />
            <span>{occupation.name}</span>
          </label>
        ))}
        {occupationErrors?.length ? <FieldErrors id={`${occupationsId}-error`} errors={occupationErrors} /> : null}
      </fieldset>
      <Button disabled={submitting}>{submitting ? t("operator.form.saving") : submitLabel}</Button>
    </Form>
  );
}
