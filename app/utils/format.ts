import { intlTags, type Locale } from "#app/i18n/locales.ts";

// Building an Intl formatter costs far more than using one (tens of microseconds): a dashboard
// formats hundreds of numbers and dates per page, so each formatter is built once per setting.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** 27.11.2026 for German users; ISO date strings are read as calendar days, not instants. */
export function formatDate(locale: Locale, value: Date | string): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return cached(
    `date|${locale}`,
    () => new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "medium", timeZone: "Europe/Berlin" }),
  ).format(date);
}

export function formatDateTime(locale: Locale, value: Date): string {
  return cached(
    `dateTime|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" }),
  ).format(value);
}

/** "14:35" (German time) when `value` is on the same day as `now`, else with the date: "05.12.2026, 14:35". */
export function formatTimeFrom(locale: Locale, value: Date, now: Date): string {
  const day = cached(
    `dateOnly|${locale}`,
    () => new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "medium", timeZone: "Europe/Berlin" }),
  );
  if (day.format(value) !== day.format(now)) return formatDateTime(locale, value);
  return cached(
    `time|${locale}`,
    () =>
      new Intl.DateTimeFormat(intlTags[locale], { timeStyle: "short", hourCycle: "h23", timeZone: "Europe/Berlin" }),
  ).format(value);
}

/** 3,5 and 1.250 for German users; at most `digits` decimals, none when whole. */
export function formatNumber(locale: Locale, value: number, digits = 2): string {
  return cached(
    `number|${locale}|${digits}`,
    () => new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: digits }),
  ).format(value);
}

/** "one" or "other": the plural form German and English need for a count. */
export function pluralForm(locale: Locale, count: number): "one" | "other" {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(intlTags[locale])).select(count) === "one"
    ? "one"
    : "other";
}
