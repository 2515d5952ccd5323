import { Form } from "@remix-run/react";
import { EmptyState } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { InvitationStatus } from "#app/modules/orgs/queries.server.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { formatDate } from "#app/utils/format.ts";

type Invitation = {
  id: string;
  label: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  usedByName: string | null;
  status: InvitationStatus;
};

export function InvitationList({ invitations }: { invitations: Invitation[] }) {
  const t = useT();
  const locale = useLocale();
  if (invitations.length === 0) return <EmptyState>{t("invitations.empty")}</EmptyState>;
  return (
    <ul className="item-list">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="invitation-row">
          <div>
            <strong>{invitation.label}</strong>
            <span className="muted">
              {t(`roles.${invitation.role}`)} ·{" "}
              {t("invitations.createdOn", { date: formatDate(locale, invitation.createdAt) })}
            </span>
            <span className={`badge badge-${invitation.status}`}>
              {t(`invitations.status.${invitation.status}`, {
                name: invitation.usedByName ?? "–",
                date: formatDate(locale, invitation.expiresAt),
              })}
            </span>
          </div>
          {invitation.status === "open" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="invitationId" value={invitation.id} />
              <button
                type="submit"
                className="button button-quiet"
                aria-label={t("invitations.revokeFor", { label: invitation.label })}
              >
                {t("invitations.revoke")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
