import { Form } from "@remix-run/react";
import { CurrentPasswordField, NewPasswordFields } from "#app/components/ui/account-fields.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

export function PasswordForm() {
  const t = useT();
  const failure = useFormFailure("password");
  const submitting = useIsSubmitting("password");
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value="password" />
      <CurrentPasswordField label={t("account.currentPassword")} errors={failure.fieldErrors("currentPassword")} />
      <NewPasswordFields
        name="newPassword"
        label={t("account.newPassword")}
        confirmLabel={t("account.confirmPassword")}
        errors={failure.fieldErrors}
      />
      <p className="muted">{t("account.changePasswordNote")}</p>
      <Button disabled={submitting}>{t("account.changePasswordSubmit")}</Button>
    </Form>
  );
}
