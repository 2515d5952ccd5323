import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { formatDateTime } from "#app/utils/format.ts";

export type SessionRow = {
  id: string;
  device: { browser: string | null; system: string | null };
  createdAt: string;
  lastUsedAt: string | null;
  current: boolean;
};

/** The person's signed-in devices; every other one can be signed out, one or all at once. */
export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const t = useT();
  const locale = useLocale();
  const label = ({ browser, system }: SessionRow["device"]) => {
    if (browser && system) return t("account.deviceOn", { browser, system });
    return browser ?? system ?? t("account.unknownDevice");
  };
  const others = sessions.filter((s) => !s.current);
  return (
    <>
      <ul className="plain-list">
        {sessions.map((session) => (
          <li key={session.id} className="card">
            <strong>{label(session.device)}</strong>
            {session.current ? <span className="muted"> · {t("account.thisDevice")}</span> : null}
            <br />
            <span className="muted">
              {t("account.sessionSince", { date: formatDateTime(locale, new Date(session.createdAt)) })}
              {session.lastUsedAt
                ? ` · ${t("account.sessionLastUsed", { date: formatDateTime(locale, new Date(session.lastUsedAt)) })}`
                : null}
            </span>
            {session.current ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="endSession" />
                <input type="hidden" name="sessionId" value={session.id} />
                {/* Several devices may read alike: the name says which one this button signs out. */}
                <Button
                  variant="secondary"
                  aria-label={t("account.endSessionOf", {
                    device: label(session.device),
                    date: formatDateTime(locale, new Date(session.createdAt)),
                  })}
                >
                  {t("account.endSession")}
                </Button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="endOthers" />
          <Button variant="secondary">{t("account.endOtherSessions")}</Button>
        </Form>
      ) : (
        <p className="muted">{t("account.noOtherSessions")}</p>
      )}
    </>
  );
}
