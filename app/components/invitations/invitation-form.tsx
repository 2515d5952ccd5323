import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import type { OrganizationKind, Role } from "#app/modules/permissions/roles.ts";
import { TRAINING_DATE_MAX, TRAINING_DATE_MIN } from "#app/modules/shared/typed-date.ts";

type Option = { id: string; name: string };

const validDayChoices = ["1", "7", "14", "30"];

/**
 * One plain form for every role. Without JavaScript it cannot hide the apprentice-only
 * fields, so they sit in their own group that says when they apply.
 */
export function InvitationForm({
  organizationKind,
  roles,
  occupations,
  classes,
}: {
  organizationKind: OrganizationKind;
  roles: Role[];
  occupations: Option[];
  classes: Option[];
}) {
  const t = useT();
  const failure = useFormFailure("create");
  const submitting = useIsSubmitting("create");
  const offersApprenticeship = organizationKind !== "school" && roles.includes("apprentice");
  const offersClass = organizationKind !== "company" && roles.includes("apprentice") && classes.length > 0;
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="create" />
      <Field
        label={t("invitations.form.label")}
        name="label"
        hint={t("invitations.form.labelHint")}
        required
        defaultValue={failure.value("label")}
        errors={failure.fieldErrors("label")}
      />
      <SelectField
        label={t("invitations.form.role")}
        name="role"
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        defaultValue={failure.value("role") ?? roles[0]}
        errors={failure.fieldErrors("role")}
      />
      <SelectField
        label={t("invitations.form.validDays")}
        name="validDays"
        options={validDayChoices.map((days) => ({ value: days, label: t("invitations.form.days", { days }) }))}
        defaultValue={failure.value("validDays") ?? "7"}
        errors={failure.fieldErrors("validDays")}
      />
      {offersApprenticeship ? (
        <fieldset className="fieldset">
          <legend>{t("invitations.form.apprenticeship")}</legend>
          <p className="field-hint">{t("invitations.form.apprenticeshipHint")}</p>
          <SelectField
            label={t("invitations.form.occupation")}
            name="occupationId"
            placeholder={t("invitations.form.none")}
            options={occupations.map((o) => ({ value: o.id, label: o.name }))}
            defaultValue={failure.value("occupationId") ?? ""}
            errors={failure.fieldErrors("occupationId")}
          />
          <Field
            label={t("invitations.form.startsOn")}
            name="startsOn"
            type="date"
            min={TRAINING_DATE_MIN}
            max={TRAINING_DATE_MAX}
            defaultValue={failure.value("startsOn")}
            errors={failure.fieldErrors("startsOn")}
          />
          <Field
            label={t("invitations.form.plannedEndOn")}
            name="plannedEndOn"
            type="date"
            min={TRAINING_DATE_MIN}
            max={TRAINING_DATE_MAX}
            defaultValue={failure.value("plannedEndOn")}
            errors={failure.fieldErrors("plannedEndOn")}
          />
        </fieldset>
      ) : null}
      {offersClass ? (
        <SelectField
          label={t("invitations.form.class")}
          name="classId"
          hint={t("invitations.form.classHint")}
          placeholder={t("invitations.form.none")}
          options={classes.map((c) => ({ value: c.id, label: c.name }))}
          defaultValue={failure.value("classId") ?? ""}
          errors={failure.fieldErrors("classId")}
        />
      ) : null}
      <Button disabled={submitting}>
        {submitting ? t("invitations.form.submitting") : t("invitations.form.submit")}
      </Button>
    </Form>
  );
}
