import { data, type HeadersFunction, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ExistingAccountForm } from "#app/components/invitations/existing-account-form.tsx";
import { EmailField, NewPasswordFields } from "#app/components/ui/account-fields.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { sessionCookie } from "#app/modules/auth/session-cookie.server.ts";
import { acceptInvitation } from "#app/modules/orgs/accept-invitation.server.ts";
import { previewInvitation } from "#app/modules/orgs/preview-invitation.server.ts";
import { joinWithExistingAccount } from "#app/modules/orgs/join-with-account.server.ts";
import { ExistingAccountSchema, NewAccountSchema } from "#app/modules/orgs/schemas.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { formatDate, formatTimeFrom } from "#app/utils/format.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { publicRoute } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = publicRoute(async ({ ctx, params, context }) => {
  const preview = await previewInvitation({ ctx, input: { code: params.code ?? "", clientAddress: context.clientIp } });
  if (preview.state === "open") return preview;
  return data(preview, { status: preview.state === "limited" ? 429 : 404 });
});

export const action = publicRoute(async ({ ctx, params, request, context }) => {
  const formData = await readForm(request);
  if (!ctx.actor && formData.get("intent") === "existing") {
    return joinExisting({ ctx, request, code: params.code ?? "", clientIp: context.clientIp, formData });
  }
  // A signed-in person joins with their account: the form has no fields then.
  const parsed = ctx.actor ? { ok: true as const, data: null, values: {} } : parseForm(NewAccountSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const account = parsed.data && { name: parsed.data.name, email: parsed.data.email, password: parsed.data.password };
  const result = await acceptInvitation({
    ctx,
    input: { code: params.code ?? "", account, clientAddress: context.clientIp },
  });
  if (!result.ok) {
    if (result.reason === "emailUnavailable")
      return formFailure(parsed, { fieldErrors: { email: ["errors.invitation.emailUnavailable"] } }, 409);
    if (result.reason === "limited") return formFailure(parsed, { formErrors: ["errors.invitation.limited"] }, 429);
    return formFailure(parsed, { formErrors: ["errors.invitation.invalid"] }, 409);
  }
  const headers = result.session
    ? { "Set-Cookie": sessionCookie(request, result.session.token, result.session.absoluteExpiresAt) }
    : undefined;
  return redirect("/", { headers });
});

/** "I already have an account": e-mail and password, checked like a login, then the one-button join. */
async function joinExisting(args: {
  ctx: PublicCtx;
  request: Request;
  code: string;
  clientIp: string;
  formData: FormData;
}) {
  const parsed = parseForm(ExistingAccountSchema, args.formData);
  if (!parsed.ok) return formFailure(parsed);
  const result = await joinWithExistingAccount({
    ctx: args.ctx,
    input: { code: args.code, email: parsed.data.email, password: parsed.data.password, clientAddress: args.clientIp },
  });
  const cookie = result.session
    ? { "Set-Cookie": sessionCookie(args.request, result.session.token, result.session.absoluteExpiresAt) }
    : undefined;
  if (result.ok) return redirect("/", { headers: cookie });
  if (result.reason === "loginFailed") return formFailure(parsed, { formErrors: ["errors.login.failed"] }, 400);
  if (result.reason === "loginLimited") {
    const seconds = result.retryAfterSeconds;
    const params = {
      minutes: Math.ceil(seconds / 60),
      time: formatTimeFrom("de", new Date(args.ctx.now.getTime() + seconds * 1000), args.ctx.now),
    };
    return formFailure(parsed, { formErrors: ["errors.login.limited"], params }, 429, {
      "Retry-After": String(seconds),
    });
  }
  const key = result.reason === "limited" ? "errors.invitation.limited" : "errors.invitation.invalid";
  return formFailure(parsed, { formErrors: [key] }, result.reason === "limited" ? 429 : 409, cookie);
}

const noFailure = {
  fieldErrors: (_name: string): string[] | undefined => undefined,
  formErrors: [] as string[],
  params: undefined,
  value: (_name: string): string | undefined => undefined,
};

/** Remix sends an action's headers with the page only through this: a refused login's Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "join.title");

export default function AcceptInvitationPage() {
  const invitation = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const anyFailure = useFormFailure();
  // The "existing account" form shows its own errors; this one keeps only its own.
  const failure = anyFailure.value("intent") === "existing" ? noFailure : anyFailure;
  const submitting = useIsSubmitting();
  const location = useLocation();

  if (invitation.state !== "open") {
    return (
      <div className="narrow">
        <PageHeader title={t("join.title")} />
        <Alert tone="error">
          {t(invitation.state === "limited" ? "errors.invitation.limited" : "errors.invitation.invalid")}
        </Alert>
        <p>
          <Link to="/join">{t("join.tryAgain")}</Link>
        </p>
      </div>
    );
  }

  const lead = t("join.lead", {
    organization: `${invitation.organizationName}, ${invitation.organizationTown}`,
    role: t(`roles.${invitation.role}`),
    date: formatDate(locale, invitation.expiresAt),
  });

  return (
    <div className="narrow">
      <PageHeader title={t("join.title")} lead={lead} />
      <Form
        method="post"
        className="card form"
        noValidate
        aria-labelledby={invitation.signedInAs ? undefined : "new-account-heading"}
      >
        {invitation.signedInAs ? null : <h2 id="new-account-heading">{t("join.newAccount.title")}</h2>}
        {failure.formErrors.map((key) => (
          <Alert key={key} tone="error">
            {t(key)}
          </Alert>
        ))}
        {invitation.signedInAs ? (
          <>
            <p>{t("join.signedInAs", { name: invitation.signedInAs })}</p>
            <Button disabled={submitting}>{t("join.acceptWithAccount")}</Button>
          </>
        ) : (
          <>
            <Field
              label={t("join.name")}
              name="name"
              autoComplete="name"
              required
              defaultValue={failure.value("name")}
              errors={failure.fieldErrors("name")}
            />
            <EmailField
              label={t("join.email")}
              hint={t("join.emailHint")}
              defaultValue={failure.value("email")}
              errors={failure.fieldErrors("email")}
            />
            <NewPasswordFields
              name="password"
              label={t("join.password")}
              confirmLabel={t("join.confirmPassword")}
              errors={failure.fieldErrors}
            />
            <Button disabled={submitting}>{submitting ? t("join.submitting") : t("join.submit")}</Button>
            <p className="muted">
              {t("join.haveAccount")} <a href="#existing-heading">{t("join.existing.jump")}</a>
            </p>
          </>
        )}
      </Form>
      {invitation.signedInAs ? null : <ExistingAccountForm />}
      {invitation.signedInAs ? null : (
        <p className="muted">
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}>{t("join.loginFirst")}</Link>
        </p>
      )}
    </div>
  );
}
