import { EmptyState } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { MessageKey } from "#app/i18n/translate.ts";
import { isRole } from "#app/modules/permissions/roles.ts";
import { formatDate, formatDateTime } from "#app/utils/format.ts";

type AuditEvent = {
  id: string;
  at: Date;
  action: string;
  details: Record<string, string | number | boolean | null> | null;
  actorName: string | null;
  targetName: string | null;
};

const knownActions = new Set([
  "membership.role_changed",
  "membership.deactivated",
  "membership.reactivated",
  "apprenticeship.updated",
  "password.code_issued",
  "password.reset",
  "password.changed",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "assignment.create",
  "assignment.update",
  "assignment.withdraw",
  "apprenticeship.ended",
  "record.imported",
]);
const fields = new Set([
  "trainerId",
  "occupationId",
  "startsOn",
  "plannedEndOn",
  "actualEndOn",
  "birthDate",
  "recordRhythm",
]);
/** A changed date of birth is logged without the date (see edit-apprenticeship.server.ts). */
const birthDateChanges = new Set(["set", "changed", "removed"]);

/** The audit trail as a table: when, who, what (in words), whom, and what changed. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const t = useT();
  const locale = useLocale();
  if (events.length === 0) return <EmptyState>{t("audit.empty")}</EmptyState>;

  const value = (raw: string | number | boolean | null | undefined): string => {
    if (raw === null || raw === undefined || raw === "") return t("audit.unknown");
    if (isRole(raw)) return t(`roles.${raw}`);
    if (raw === "active" || raw === "left") return t(`audit.status.${raw}`);
    if (raw === "weekly" || raw === "daily") return t(`people.rhythm.${raw}`);
    if (typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return formatDate(locale, raw);
    return String(raw);
  };
  const details = (event: AuditEvent): string => {
    const d = event.details;
    if (!d || event.action === "password.code_issued") return "";
    if (event.action === "record.imported") return t("audit.recordImported", { weeks: value(d.weeks) });
    const field = typeof d.field === "string" && fields.has(d.field) ? d.field : null;
    const change =
      typeof d.change === "string" && birthDateChanges.has(d.change)
        ? t(`audit.birthDate.${d.change}` as MessageKey)
        : t("audit.change", { from: value(d.from), to: value(d.to) });
    return field ? `${t(`audit.field.${field}` as MessageKey)}: ${change}` : change;
  };

  return (
    // On a phone the table scrolls sideways inside this region, which keyboard users must be able
    // to focus to scroll it (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable.
    <section className="table-scroll" aria-label={t("audit.title")} tabIndex={0}>
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.whom")}</th>
            <th scope="col">{t("audit.details")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{formatDateTime(locale, new Date(event.at))}</td>
              <td>{event.actorName ?? t("audit.unknown")}</td>
              <td>
                {knownActions.has(event.action)
                  ? t(`audit.action.${event.action}` as MessageKey)
                  : t("audit.action.other", { action: event.action })}
              </td>
              <td>{event.targetName ?? t("audit.unknown")}</td>
              <td>{details(event)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
