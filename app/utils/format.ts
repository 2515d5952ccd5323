import { intlTags, type Locale } from "#app/i18n/locales.ts";

/** 27.11.2026 for German users; ISO date strings are read as calendar days, not instants. */
export function formatDate(locale: Locale, value: Date | string): string {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(intlTags[locale], { dateStyle: "medium", timeZone: "Europe/Berlin" }).format(date);
}

export function formatDateTime(locale: Locale, value: Date): string {
  return new Intl.DateTimeFormat(intlTags[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Berlin",
  }).format(value);
}

/** 3,5 and 1.250 for German users; at most `digits` decimals, none when whole. */
export function formatNumber(locale: Locale, value: number, digits = 2): string {
  return new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: digits }).format(value);
}
