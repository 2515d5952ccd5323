import { Link } from "@remix-run/react";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { Section } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";

/** "Mein Berichtsheft" on the apprentice's home: this week in one tap, and what needs doing. */
export function MyRecord({ record }: { record: NonNullable<HomeData["record"]> }) {
  const t = useT();
  const tc = useTCount();
  const base = `/records/${record.apprenticeshipId}`;
  return (
    <Section title={t("home.record.title")} id="home-record">
      {record.returned > 0 ? (
        <p>
          <Link to={base}>{tc("home.record.returned", record.returned)}</Link>
        </p>
      ) : null}
      {record.missing > 0 ? (
        <p>
          <Link to={base}>{tc("home.record.missing", record.missing)}</Link>
        </p>
      ) : null}
      <ButtonLink to={`${base}/${record.week}`}>{t("records.openThisWeek")}</ButtonLink>
    </Section>
  );
}
