import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppShell } from "#app/components/layout/app-shell.tsx";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { defaultLocale } from "#app/i18n/locales.ts";
import { useCatalogForLocale, useT } from "#app/i18n/use-t.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { isGrader, isOperator, organizationsWith } from "#app/modules/permissions/permissions.ts";
import { pageTitle } from "#app/utils/meta.ts";
import stylesheet from "#app/styles/app.css?url";
import { useNonce } from "#app/utils/nonce.tsx";
import { publicContext } from "#app/utils/route.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await publicContext(request, context);
  return {
    locale: resolveLocale(request, actor),
    user: actor
      ? {
          name: actor.name,
          invitationOrganizations: organizationsWith(actor, "invitations.manage").map((m) => ({
            id: m.organizationId,
            name: m.organizationName,
          })),
          peopleOrganizations: organizationsWith(actor, "people.view").map((m) => ({
            id: m.organizationId,
            name: m.organizationName,
          })),
          grades: isGrader(actor),
          // The Berichtsheft: apprentices write theirs, trainers approve their apprentices'.
          records:
            actor.memberships.some((m) => m.role === "apprentice") ||
            organizationsWith(actor, "records.review").length > 0,
          teamOrganizations: organizationsWith(actor, "team.view")
            .filter((m) => m.organizationKind !== "school")
            .map((m) => ({ id: m.organizationId, name: m.organizationName })),
          classOrganizations: organizationsWith(actor, "classes.view")
            .filter((m) => m.organizationKind !== "company")
            .map((m) => ({ id: m.organizationId, name: m.organizationName })),
          // Trainers, teachers, admins and operators see editors and lists whose texts apprentices never need.
          staff: isOperator(actor) || actor.memberships.some((m) => m.role !== "apprentice"),
          operator: isOperator(actor),
          authoringOrganizations: organizationsWith(actor, "courses.manage").map((m) => ({
            id: m.organizationId,
            name: m.organizationName,
          })),
        }
      : null,
  };
}

const explainedStatuses = [400, 403, 404, 413, 415, 429] as const;
type ExplainedStatus = (typeof explainedStatuses)[number];

function errorKey(error: unknown): `errors.http.${ExplainedStatus | 500}` {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const explained = explainedStatuses.find((known) => known === status);
  return explained ? `errors.http.${explained}` : "errors.http.500";
}

// Every page route sets its own title; this one only titles the error page, which the root's
// ErrorBoundary renders in place of those routes (a page without a title fails WCAG 2.4.2).
export const meta: MetaFunction = ({ error, matches }) =>
  error ? pageTitle(matches, `${errorKey(error)}.title` satisfies MessageKey) : [];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? defaultLocale} data-staff={data?.user?.staff ? "" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f4e5f" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useCatalogForLocale();
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const key = errorKey(error);
  // On the server, handleError (entry.server.tsx) has logged it already, with the request id.
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  return (
    <AppShell>
      <div className="card">
        <h1>{t(`${key}.title`)}</h1>
        <p>{t(key)}</p>
        <p>
          <a href="/">{t("errors.backHome")}</a>
        </p>
      </div>
    </AppShell>
  );
}
