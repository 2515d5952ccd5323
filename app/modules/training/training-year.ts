/**
 * The Ausbildungsjahr on a given day: year 1 starts on the first day of the apprenticeship,
 * year 2 twelve months later, and so on. 0 means the apprenticeship has not begun yet.
 * Dates are ISO strings (YYYY-MM-DD), compared as calendar days without time zones.
 */
export function trainingYear(startsOn: string, today: string): number {
  if (today < startsOn) return 0;
  const [sy, sm, sd] = startsOn.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  let months = (ty - sy) * 12 + (tm - sm);
  if (td < sd) months -= 1;
  return Math.floor(months / 12) + 1;
}

// "en-CA" writes ISO dates (2026-11-27); built once, it is used on every request.
const isoDayInGermany = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" });

/** Today's calendar date in Germany, where all our users are. */
export function todayInGermany(now: Date): string {
  return isoDayInGermany.format(now);
}

/** The ISO date `days` after `isoDate` (negative: before), as calendar days. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of an apprenticeship of `months` that starts on `startsOn` (ISO dates). */
export function regularEnd(startsOn: string, months: number): string {
  const [year, month, day] = startsOn.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const end = new Date(0);
  end.setUTCFullYear(year, month - 1 + months, day - 1);
  return end.toISOString().slice(0, 10);
}
