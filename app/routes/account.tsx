import { type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { PasswordForm } from "#app/components/account/password-form.tsx";
import { ProfileForm } from "#app/components/account/profile-form.tsx";
import { SessionList } from "#app/components/account/session-list.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { changePassword } from "#app/modules/auth/change-password.server.ts";
import { endOtherOwnSessions, endOwnSession, listOwnSessions } from "#app/modules/auth/own-sessions.server.ts";
import { ChangePasswordSchema, EndSessionSchema, UpdateProfileSchema } from "#app/modules/auth/schemas.ts";
import { currentSessionId, sessionCookie } from "#app/modules/auth/session-cookie.server.ts";
import { updateOwnProfile } from "#app/modules/auth/update-profile.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, request }) => ({
  name: ctx.actor.name,
  email: ctx.actor.email,
  memberships: ctx.actor.memberships.map((m) => ({ organizationName: m.organizationName, role: m.role })),
  sessions: (await listOwnSessions({ ctx, input: { currentSessionId: currentSessionId(request) } })).map((s) => ({
    ...s,
    createdAt: s.createdAt.toISOString(),
    lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
  })),
}));

// Post/Redirect/Get after every success: a reload does not submit a form again.
const done = (notice: string, init?: ResponseInit) => redirect(`/account?notice=${notice}`, init);

export const action = authenticated(async ({ ctx, request }) => {
  const formData = await readForm(request);
  const intent = formData.get("intent") ?? "password";
  const current = currentSessionId(request);

  if (intent === "profile") {
    const parsed = parseForm(UpdateProfileSchema, formData);
    if (!parsed.ok) return formFailure(parsed);
    const result = await updateOwnProfile({ ctx, input: parsed.data });
    if (result.ok) return done(result.changed ? "profileSaved" : "profileUnchanged");
    if (result.reason === "emailTaken") return formFailure(parsed, { fieldErrors: { email: ["errors.email.taken"] } });
    if (result.reason === "limited") return formFailure(parsed, { formErrors: ["errors.account.limited"] }, 429);
    return formFailure(parsed, { fieldErrors: { currentPassword: ["errors.password.wrongCurrent"] } });
  }
  if (intent === "endSession") {
    const parsed = parseForm(EndSessionSchema, formData);
    if (!parsed.ok) throw new NotFoundError();
    await endOwnSession({ ctx, input: { sessionId: parsed.data.sessionId, currentSessionId: current } });
    return done("sessionEnded");
  }
  if (intent === "endOthers") {
    if (!current) throw new NotFoundError();
    await endOtherOwnSessions({ ctx, input: { currentSessionId: current } });
    return done("otherSessionsEnded");
  }
  if (intent !== "password") throw new NotFoundError();
  const parsed = parseForm(ChangePasswordSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const result = await changePassword({ ctx, input: parsed.data });
  if (!result.ok) return formFailure(parsed, { fieldErrors: { currentPassword: ["errors.password.wrongCurrent"] } });
  return done("passwordChanged", {
    headers: { "Set-Cookie": sessionCookie(request, result.session.token, result.session.absoluteExpiresAt) },
  });
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

const NOTICES = ["profileSaved", "profileUnchanged", "passwordChanged", "sessionEnded", "otherSessionsEnded"];

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  const t = useT();
  const [searchParams] = useSearchParams();
  const notice = searchParams.get("notice");
  return (
    <>
      <PageHeader title={t("account.title")} />
      {notice && NOTICES.includes(notice) ? <Alert tone="success">{t(`account.notice.${notice}`)}</Alert> : null}
      <Section title={t("account.profile")} id="profile">
        <dl className="facts">
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
        <ProfileForm name={account.name} email={account.email} />
      </Section>
      <Section title={t("account.changePassword")} id="password">
        <PasswordForm />
      </Section>
      <Section title={t("account.sessions")} id="sessions">
        <SessionList sessions={account.sessions} />
      </Section>
    </>
  );
}
