import { getHolidays } from "feiertagejs";
import type { GermanState } from "#app/modules/shared/german-states.ts";

// The list lives in shared/ so that forms can offer it without loading the holiday library.
export { GERMAN_STATES, type GermanState } from "#app/modules/shared/german-states.ts";

const byYearAndState = new Map<string, Map<string, string>>();

/**
 * The public holidays of a Land in a year, date → German name, from feiertagejs (decision 016):
 * moving feasts (Easter, Whitsun, Buß- und Bettag) and Land rules are the library's job.
 */
function holidaysOf(year: number, state: GermanState): Map<string, string> {
  const key = `${year}-${state}`;
  let days = byYearAndState.get(key);
  if (!days) {
    days = new Map(
      getHolidays(year, state).map((holiday) => [holiday.dateString, holiday.translate("de") ?? holiday.name]),
    );
    byYearAndState.set(key, days);
  }
  return days;
}

/** The public holidays among `dates` (ISO days): date → name. */
export function holidaysOn(dates: readonly string[], state: GermanState): Map<string, string> {
  const found = new Map<string, string>();
  for (const date of dates) {
    const name = holidaysOf(Number(date.slice(0, 4)), state).get(date);
    if (name) found.set(date, name);
  }
  return found;
}
