import { useLocale, useT } from "#app/i18n/use-t.ts";
import { formatDate } from "#app/utils/format.ts";

/**
 * Where an apprentice stands, in words: "2. Ausbildungsjahr", or "beginnt am 01.08.2027" before
 * the start; null when no apprenticeship is recorded.
 */
export function useTrainingStage() {
  const t = useT();
  const locale = useLocale();
  return (apprenticeship: { trainingYear: number | null; startsOn: string | null }): string | null => {
    if (apprenticeship.trainingYear) return t("home.training.yearValue", { year: apprenticeship.trainingYear });
    if (apprenticeship.startsOn)
      return t("home.training.startsOn", { date: formatDate(locale, apprenticeship.startsOn) });
    return null;
  };
}
