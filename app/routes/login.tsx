import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { mailConfigured } from "#app/modules/auth/mailer.server.ts";
import { LoginSchema, safeRedirectPath } from "#app/modules/auth/schemas.ts";
import { sessionCookie } from "#app/modules/auth/session-cookie.server.ts";
import { EmailField } from "#app/components/ui/account-fields.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { formatTimeFrom } from "#app/utils/format.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { publicContext } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await publicContext(request, context);
  if (actor) throw redirect("/");
  return { resetByMail: mailConfigured() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(LoginSchema, formData);
  if (!parsed.ok) return formFailure(parsed);

  const ctx = await publicContext(request, context);
  const result = await logIn({
    ctx,
    input: { email: parsed.data.email, password: parsed.data.password, clientAddress: context.clientIp },
  });
  if (!result.ok) {
    if (result.reason === "invalid") return formFailure(parsed, { formErrors: ["errors.login.failed"] });
    const seconds = result.retryAfterSeconds;
    const params = {
      minutes: Math.ceil(seconds / 60),
      time: formatTimeFrom("de", new Date(ctx.now.getTime() + seconds * 1000), ctx.now),
    };
    return formFailure(parsed, { formErrors: ["errors.login.limited"], params }, 429, {
      "Retry-After": String(seconds),
    });
  }
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": sessionCookie(request, result.session.token, result.session.absoluteExpiresAt) },
  });
}

/** Remix sends an action's headers with the page only through this: a refused login's Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export default function LoginPage() {
  const { resetByMail } = useLoaderData<typeof loader>();
  const t = useT();
  const [searchParams] = useSearchParams();
  const failure = useFormFailure();
  const submitting = useIsSubmitting();
  return (
    <div className="narrow">
      <PageHeader title={t("login.title")} lead={t("login.lead")} />
      <Form method="post" className="card form" noValidate>
        {failure.formErrors.map((key) => (
          <Alert key={key} tone="error">
            {t(key, failure.params)}
          </Alert>
        ))}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <EmailField
          label={t("login.email")}
          defaultValue={failure.value("email")}
          errors={failure.fieldErrors("email")}
        />
        <Field
          label={t("login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          errors={failure.fieldErrors("password")}
        />
        <Button disabled={submitting}>{submitting ? t("login.submitting") : t("login.submit")}</Button>
      </Form>
      <div className="card">
        <h2>{t("login.noAccountTitle")}</h2>
        <p>{t("login.noAccount")}</p>
        <p>
          <Link to="/join">{t("login.redeemCode")}</Link>
        </p>
        <details className="forgot-password">
          <summary>{t("login.forgotPassword")}</summary>
          <p className="muted">{t("login.forgotPasswordHelp")}</p>
          {resetByMail ? (
            <p>
              <Link to="/reset">{t("login.resetByMail")}</Link>
            </p>
          ) : null}
        </details>
      </div>
    </div>
  );
}
