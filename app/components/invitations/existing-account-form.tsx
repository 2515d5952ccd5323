import { Form } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { EmailField } from "#app/components/ui/account-fields.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

/** "I already have an account": e-mail and password; the invitation goes to that account. */
export function ExistingAccountForm() {
  const t = useT();
  const failure = useFormFailure("existing");
  const submitting = useIsSubmitting("existing");
  return (
    <Form method="post" className="card form" noValidate aria-labelledby="existing-heading">
      <h2 id="existing-heading">{t("join.existing.title")}</h2>
      <p>{t("join.existing.lead")}</p>
      <input type="hidden" name="intent" value="existing" />
      {failure.formErrors.map((key) => (
        <Alert key={key} tone="error">
          {t(key, failure.params)}
        </Alert>
      ))}
      <EmailField label={t("join.email")} defaultValue={failure.value("email")} errors={failure.fieldErrors("email")} />
      <Field
        label={t("join.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={failure.fieldErrors("password")}
      />
      <Button variant="secondary" disabled={submitting}>
        {t("join.existing.submit")}
      </Button>
    </Form>
  );
}
