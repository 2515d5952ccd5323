import { data, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { NewPasswordFields } from "#app/components/ui/account-fields.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { previewPasswordCode, resetPasswordWithCode } from "#app/modules/auth/reset-password.server.ts";
import { ResetPasswordSchema } from "#app/modules/auth/schemas.ts";
import { sessionCookie } from "#app/modules/auth/session-cookie.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { publicRoute } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = publicRoute(async ({ ctx, params, context }) => {
  const preview = await previewPasswordCode({
    ctx,
    input: { code: params.code ?? "", clientAddress: context.clientIp },
  });
  if (preview.state === "open") return preview;
  return data(preview, { status: preview.state === "limited" ? 429 : 404 });
});

export const action = publicRoute(async ({ ctx, params, request, context }) => {
  const formData = await readForm(request);
  const parsed = parseForm(ResetPasswordSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const result = await resetPasswordWithCode({
    ctx,
    input: { code: params.code ?? "", newPassword: parsed.data.password, clientAddress: context.clientIp },
  });
  if (!result.ok) {
    if (result.reason === "limited") return formFailure(parsed, { formErrors: ["errors.reset.limited"] }, 429);
    return formFailure(parsed, { formErrors: ["errors.reset.invalid"] }, 404);
  }
  return redirect("/", {
    headers: { "Set-Cookie": sessionCookie(request, result.session.token, result.session.absoluteExpiresAt) },
  });
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

export default function ResetPasswordPage() {
  const code = useLoaderData<typeof loader>();
  const t = useT();
  const failure = useFormFailure();
  const submitting = useIsSubmitting();

  if (code.state !== "open") {
    return (
      <div className="narrow">
        <PageHeader title={t("reset.title")} />
        <Alert tone="error">{t(code.state === "limited" ? "errors.reset.limited" : "errors.reset.invalid")}</Alert>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeader
        title={t("reset.titleFor", { name: code.name })}
        lead={t(code.purpose === "first_password" ? "reset.leadFirst" : "reset.lead")}
      />
      <Form method="post" className="card form" noValidate>
        {failure.formErrors.map((key) => (
          <Alert key={key} tone="error">
            {t(key)}
          </Alert>
        ))}
        <NewPasswordFields
          name="password"
          label={t("reset.password")}
          confirmLabel={t("reset.confirmPassword")}
          errors={failure.fieldErrors}
        />
        <Button disabled={submitting}>{submitting ? t("reset.submitting") : t("reset.submit")}</Button>
      </Form>
    </div>
  );
}
