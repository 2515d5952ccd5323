import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "#app/components/people/audit-table.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { auditLog } from "#app/modules/people/audit-log.server.ts";
import { AuditPageSchema } from "#app/modules/people/schemas.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(({ ctx, params, request }) => {
  const { page } = AuditPageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return auditLog(ctx, { organizationId: parseId(params.orgId, "organization"), page });
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export default function AuditPage() {
  const log = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/orgs/${log.organization.id}/audit`;
  return (
    <>
      <PageHeader
        title={t("audit.title")}
        lead={t("audit.lead", { organization: log.organization.name })}
        actions={
          <ButtonLink variant="secondary" to={`/orgs/${log.organization.id}/people`}>
            {t("people.title")}
          </ButtonLink>
        }
      />
      <AuditTable events={log.events} />
      <nav className="page-actions" aria-label={t("audit.page", { page: log.page, pages: log.pages })}>
        {log.page > 1 ? (
          <ButtonLink variant="secondary" to={`${base}?page=${log.page - 1}`}>
            {t("audit.newer")}
          </ButtonLink>
        ) : null}
        <span>{t("audit.page", { page: log.page, pages: log.pages })}</span>
        {log.page < log.pages ? (
          <ButtonLink variant="secondary" to={`${base}?page=${log.page + 1}`}>
            {t("audit.older")}
          </ButtonLink>
        ) : null}
      </nav>
    </>
  );
}
