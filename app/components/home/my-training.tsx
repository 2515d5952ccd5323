import { Section, EmptyState } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";
import { formatDate } from "#app/utils/format.ts";

type Training = NonNullable<HomeData["training"]>;

/** The apprentice's "Meine Ausbildung": company, trainer, occupation, year, school class. */
export function MyTraining({ training }: { training: Training }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Section title={t("home.training.title")} id="training">
      {training.apprenticeships.length === 0 ? (
        <EmptyState>{t("home.training.empty")}</EmptyState>
      ) : (
        training.apprenticeships.map((a) => (
          <dl key={a.id} className="facts">
            <div>
              <dt>{t("home.training.company")}</dt>
              <dd>
                {a.companyName}, {a.companyTown}
              </dd>
            </div>
            <div>
              <dt>{t("home.training.occupation")}</dt>
              <dd>{a.occupationName}</dd>
            </div>
            <div>
              <dt>{t("home.training.trainer")}</dt>
              <dd>{a.trainerName ?? t("home.training.noTrainer")}</dd>
            </div>
            <div>
              <dt>{t("home.training.year")}</dt>
              <dd>
                {a.trainingYear === 0
                  ? t("home.training.startsOn", { date: formatDate(locale, a.startsOn) })
                  : t("home.training.yearValue", { year: a.trainingYear })}
              </dd>
            </div>
            <div>
              <dt>{t("home.training.period")}</dt>
              <dd>
                {formatDate(locale, a.startsOn)} – {formatDate(locale, a.plannedEndOn)}
              </dd>
            </div>
          </dl>
        ))
      )}
      <h3>{t("home.training.school")}</h3>
      {training.classes.length === 0 ? (
        <p className="muted">{t("home.training.noClass")}</p>
      ) : (
        <ul className="plain-list">
          {training.classes.map((c) => (
            <li key={c.id}>{t("home.training.classAt", { className: c.name, school: c.schoolName })}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}
