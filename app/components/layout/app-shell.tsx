import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { loader as rootLoader } from "#app/root.tsx";

export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const user = useRouteLoaderData<typeof rootLoader>("root")?.user ?? null;
  useFocusMainOnNavigation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <svg aria-hidden="true" viewBox="0 0 32 32" className="brand-mark">
              <rect x="3" y="17" width="26" height="5" rx="1" />
              <rect x="6" y="22" width="3" height="7" />
              <rect x="23" y="22" width="3" height="7" />
              <path d="M11 15 L16 5 L21 15 Z" />
            </svg>
            <span>Werkbank</span>
          </Link>
          {user ? (
            <nav aria-label={t("nav.label")} className="site-nav">
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
              <NavLink to="/courses">{t("nav.courses")}</NavLink>
              {user.records ? <NavLink to="/records">{t("nav.records")}</NavLink> : null}
              {user.teamOrganizations.map((org) => (
                <NavLink key={org.id} to={`/orgs/${org.id}/team`}>
                  {user.teamOrganizations.length > 1 ? t("nav.teamOf", { organization: org.name }) : t("nav.team")}
                </NavLink>
              ))}
              {user.classOrganizations.map((org) => (
                <NavLink key={org.id} to={`/orgs/${org.id}/classes`}>
                  {user.classOrganizations.length > 1
                    ? t("nav.classesOf", { organization: org.name })
                    : t("nav.classes")}
                </NavLink>
              ))}
              {user.grades ? <NavLink to="/grading">{t("nav.grading")}</NavLink> : null}
              {user.authoringOrganizations.map((org) => (
                <NavLink key={org.id} to={`/orgs/${org.id}/courses`}>
                  {user.authoringOrganizations.length > 1
                    ? t("nav.authoringOf", { organization: org.name })
                    : t("nav.authoring")}
                </NavLink>
              ))}
              {user.invitationOrganizations.map((org) => (
                <NavLink key={org.id} to={`/orgs/${org.id}/invitations`}>
                  {user.invitationOrganizations.length > 1
                    ? t("nav.invitationsOf", { organization: org.name })
                    : t("nav.invitations")}
                </NavLink>
              ))}
              {user.operator ? <NavLink to="/operator">{t("nav.operator")}</NavLink> : null}
              {user.peopleOrganizations.map((org) => (
                <NavLink key={org.id} to={`/orgs/${org.id}/people`}>
                  {user.peopleOrganizations.length > 1
                    ? t("nav.peopleOf", { organization: org.name })
                    : t("nav.people")}
                </NavLink>
              ))}
              <NavLink to="/account">{t("nav.account")}</NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="nav-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </nav>
          ) : null}
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <LanguageSwitch />
        <p>{t("footer.tagline")}</p>
      </footer>
    </>
  );
}

/**
 * After a client-side page change, screen readers would stay where the old page was. Moving
 * focus to <main> (as a full page load effectively does) announces the new page.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById("main")?.focus();
  }, [pathname]);
}

/** Two plain form buttons: works without JavaScript and keeps the visitor on the same page. */
function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <fieldset className="language-buttons">
        <legend>{t("footer.language")}</legend>
        <button type="submit" name="locale" value="de" lang="de" aria-pressed={locale === "de"}>
          Deutsch
        </button>
        <button type="submit" name="locale" value="en" lang="en" aria-pressed={locale === "en"}>
          English
        </button>
      </fieldset>
    </Form>
  );
}
