import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { NewPasswordFields } from "#app/components/ui/account-fields.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { changePassword } from "#app/modules/auth/change-password.server.ts";
import { ChangePasswordSchema } from "#app/modules/auth/schemas.ts";
import { sessionCookie } from "#app/modules/auth/session-cookie.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx }) => ({
  name: ctx.actor.name,
  email: ctx.actor.email,
  memberships: ctx.actor.memberships.map((m) => ({ organizationName: m.organizationName, role: m.role })),
}));

export const action = authenticated(async ({ ctx, request }) => {
  const formData = await readForm(request);
  const parsed = parseForm(ChangePasswordSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const result = await changePassword({ ctx, input: parsed.data });
  if (!result.ok) return formFailure(parsed, { fieldErrors: { currentPassword: ["errors.password.wrongCurrent"] } });
  // Post/Redirect/Get: a reload does not submit the form again.
  return redirect("/account?passwordChanged=1", {
    headers: { "Set-Cookie": sessionCookie(request, result.session.token, result.session.absoluteExpiresAt) },
  });
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const t = useT();
  const [searchParams] = useSearchParams();
  const failure = useFormFailure();
  const submitting = useIsSubmitting();
  return (
    <>
      <PageHeader title={t("account.title")} />
      <Section title={t("account.profile")} id="profile">
        <dl className="facts">
          <div>
            <dt>{t("account.name")}</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt>{t("account.email")}</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt>{t("account.memberships")}</dt>
            <dd>
              {account.memberships.length === 0 ? (
                t("account.noMemberships")
              ) : (
                <ul className="plain-list">
                  {account.memberships.map((m) => (
                    <li key={`${m.organizationName}-${m.role}`}>
                      {m.organizationName}: {t(`roles.${m.role}`)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      </Section>
      <Section title={t("account.changePassword")} id="password">
        {searchParams.get("passwordChanged") ? <Alert tone="success">{t("account.passwordChanged")}</Alert> : null}
        <Form method="post" className="form" noValidate>
          <Field
            label={t("account.currentPassword")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            errors={failure.fieldErrors("currentPassword")}
          />
          <NewPasswordFields
            name="newPassword"
            label={t("account.newPassword")}
            confirmLabel={t("account.confirmPassword")}
            errors={failure.fieldErrors}
          />
          <p className="muted">{t("account.changePasswordNote")}</p>
          <Button disabled={submitting}>{t("account.changePasswordSubmit")}</Button>
        </Form>
      </Section>
    </>
  );
}
