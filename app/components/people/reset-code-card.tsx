import { Alert } from "#app/components/ui/alert.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { formatDateTime } from "#app/utils/format.ts";

type ResetCode = { code: string; link: string; qrCode: string; name: string; expiresAt: Date };

/** The code is shown once (only its hash is stored): hand it over in person. */
export function ResetCodeCard({ code }: { code: ResetCode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card created-invitation" aria-labelledby="reset-code-heading">
      <h2 id="reset-code-heading">{t("people.reset.title", { name: code.name })}</h2>
      <Alert tone="info">{t("people.reset.inPerson", { name: code.name })}</Alert>
      <p>{t("people.reset.code")}</p>
      <p className="invitation-code" data-testid="reset-code">
        {code.code}
      </p>
      <p>{t("people.reset.link")}</p>
      <p className="invitation-link">
        <a href={code.link}>{code.link}</a>
      </p>
      <figure className="qr-code">
        <img src={code.qrCode} alt={t("people.reset.qrLabel")} width={192} height={192} />
        <figcaption>{t("people.reset.qrCaption")}</figcaption>
      </figure>
      <p className="muted">
        {t("people.reset.validUntil", { date: formatDateTime(locale, new Date(code.expiresAt)) })}
      </p>
    </section>
  );
}
