import { Form } from "@remix-run/react";
import { CurrentPasswordField, EmailField } from "#app/components/ui/account-fields.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

/** Name and e-mail, confirmed with the current password; keeps what was typed on an error. */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const t = useT();
  const failure = useFormFailure("profile");
  const submitting = useIsSubmitting("profile");
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="profile" />
      <Field
        label={t("account.name")}
        name="name"
        autoComplete="name"
        required
        defaultValue={failure.value("name") ?? name}
        errors={failure.fieldErrors("name")}
      />
      <EmailField
        label={t("account.email")}
        defaultValue={failure.value("email") ?? email}
        errors={failure.fieldErrors("email")}
      />
      <CurrentPasswordField label={t("account.currentPassword")} errors={failure.fieldErrors("currentPassword")} />
      <p className="muted">{t("account.profileNote")}</p>
      <Button disabled={submitting}>{t("account.saveProfile")}</Button>
    </Form>
  );
}
