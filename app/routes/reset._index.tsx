import { data, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmailField } from "#app/components/ui/account-fields.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { appMailer } from "#app/modules/auth/mailer.server.ts";
import { requestResetMail } from "#app/modules/auth/reset-mail.server.ts";
import { RequestResetMailSchema } from "#app/modules/auth/schemas.ts";
import { env } from "#app/utils/env.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { publicRoute } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

/** Without SMTP_URL there is no form: the page says whom to ask instead (status 404). */
export const loader = publicRoute(async () => {
  const available = appMailer() !== null;
  return data({ available }, { status: available ? 200 : 404 });
});

export const action = publicRoute(async ({ ctx, request, context }) => {
  const mailer = appMailer();
  if (!mailer) throw data({ messageKey: "errors.http.404" }, { status: 404 });
  const formData = await readForm(request);
  const parsed = parseForm(RequestResetMailSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const result = await requestResetMail({
    ctx,
    input: { email: parsed.data.email, clientAddress: context.clientIp },
    mailer,
    appUrl: env().APP_URL,
  });
  // The answer does not wait for the mail (see requestResetMail); `delivery` logs its own failures.
  void result.delivery;
  if (result.outcome === "limited") return formFailure(parsed, { formErrors: ["errors.resetMail.limited"] }, 429);
  return { sent: true as const };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "resetMail.title");

export default function RequestResetMailPage() {
  const { available } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const failure = useFormFailure();
  const submitting = useIsSubmitting();
  if (!available) {
    return (
      <div className="narrow">
        <PageHeader title={t("resetMail.title")} />
        <p>{t("login.forgotPasswordHelp")}</p>
        <p>
          <Link to="/login">{t("resetMail.backToLogin")}</Link>
        </p>
      </div>
    );
  }
  const sent = answer && "sent" in answer;
  return (
    <div className="narrow">
      <PageHeader title={t("resetMail.title")} lead={t("resetMail.lead")} />
      {sent ? (
        <Alert tone="success">{t("resetMail.sent")}</Alert>
      ) : (
        <Form method="post" className="card form" noValidate>
          {failure.formErrors.map((key) => (
            <Alert key={key} tone="error">
              {t(key)}
            </Alert>
          ))}
          <EmailField
            label={t("login.email")}
            defaultValue={failure.value("email")}
            errors={failure.fieldErrors("email")}
          />
          <Button disabled={submitting}>{t("resetMail.submit")}</Button>
        </Form>
      )}
      <p>
        <Link to="/login">{t("resetMail.backToLogin")}</Link>
      </p>
    </div>
  );
}
