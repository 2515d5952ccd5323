import { Alert } from "#app/components/ui/alert.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { formatDate } from "#app/utils/format.ts";

type Created = { code: string; link: string; qrCode: string; label: string; role: Role; expiresAt: Date };

/** The code is shown once only (the database keeps just its hash), so say so clearly. */
export function CreatedInvitation({ invitation }: { invitation: Created }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card created-invitation" aria-labelledby="created-heading">
      <h2 id="created-heading">{t("invitations.created.title", { label: invitation.label })}</h2>
      <Alert tone="info">{t("invitations.created.onlyNow")}</Alert>
      <p>{t("invitations.created.code")}</p>
      <p className="invitation-code" data-testid="invitation-code">
        {invitation.code}
      </p>
      <p>{t("invitations.created.link")}</p>
      <p className="invitation-link">
        <a href={invitation.link}>{invitation.link}</a>
      </p>
      <figure className="qr-code">
        <img src={invitation.qrCode} alt={t("invitations.created.qrLabel")} width={192} height={192} />
        <figcaption>{t("invitations.created.qrCaption")}</figcaption>
      </figure>
      <p className="muted">
        {t("invitations.created.validUntil", {
          role: t(`roles.${invitation.role}`),
          date: formatDate(locale, invitation.expiresAt),
        })}
      </p>
    </section>
  );
}
