import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { WeekPage } from "#app/modules/records/week-page.server.ts";
import { formatNumber } from "#app/utils/format.ts";

/**
 * What the apprentice finished in Werkbank this week, offered as lines. Each button submits the
 * week form (so nothing typed is lost) with the one proposal to take or drop.
 */
export function ProposalList({ proposals }: { proposals: WeekPage["proposals"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="record-block record-proposals" aria-labelledby="record-proposals">
      <h2 id="record-proposals">{t("records.proposals.title")}</h2>
      <p className="muted">{t("records.proposals.lead")}</p>
      <ul className="item-list">
        {proposals.map((proposal) => (
          <li key={proposal.source} className="record-proposal">
            <span>
              {proposal.text}
              {proposal.hours !== null
                ? ` (${t("records.hours", { hours: formatNumber(locale, proposal.hours) })})`
                : ""}
              <span className="muted">
                {" "}
                {t("records.proposals.in", { section: t(`records.section.${proposal.section}`) })}
              </span>
            </span>
            <span className="record-proposal-actions">
              <button
                type="submit"
                className="button button-secondary"
                name="accept"
                value={proposal.source}
                aria-label={t("records.proposals.acceptLabel", { text: proposal.text })}
              >
                {t("records.proposals.accept")}
              </button>
              <button
                type="submit"
                className="button button-quiet"
                name="dismiss"
                value={proposal.source}
                aria-label={t("records.proposals.dismissLabel", { text: proposal.text })}
              >
                {t("records.proposals.dismiss")}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {proposals.length > 1 ? (
        <button type="submit" className="button button-primary" name="acceptAll" value="1">
          {t("records.proposals.acceptAll")}
        </button>
      ) : null}
    </section>
  );
}
