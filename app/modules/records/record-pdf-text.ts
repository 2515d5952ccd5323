// The German words and number/date formats of the printed training record. The PDF goes to the
// chamber, so it is German whatever language the person reads the app in.
import type { RecordSheet } from "./sheet.ts";
import type { RecordPlace, RecordSection } from "./types.ts";

export const PLACE_LABELS: Record<RecordPlace, string> = {
  company: "Betrieb",
  school: "Berufsschule",
  ulu: "Überbetriebliche Unterweisung (ÜLU)",
  centre: "Bildungszentrum",
  vacation: "Urlaub",
  sick: "Krank",
  holiday: "Feiertag",
  absent: "Sonstige Abwesenheit",
};

/** Headings in the order of the chamber form (BIBB HA 156). */
export const SECTION_HEADINGS: { section: RecordSection; heading: string }[] = [
  { section: "company", heading: "Betriebliche Tätigkeiten" },
  { section: "instruction", heading: "Unterweisungen, betrieblicher Unterricht, sonstige Schulungen" },
  { section: "school", heading: "Themen des Berufsschulunterrichts" },
];

/** Monday (0) to Saturday (5), as the sheet's days are indexed. */
export const WEEKDAY_SHORT = ["Mo", "Di", "Mi", "Do", "Fr", "Sa"] as const;

export function placeLabel(place: RecordPlace | null): string {
  return place === null ? "—" : PLACE_LABELS[place];
}

/** "2026-11-30" → "30.11.2026"; read from the string, so no time zone can shift the day. */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}.${month}.${year}`;
}

const hoursFormat = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2, useGrouping: false });

/** 7.5 → "7,5 Std." */
export function germanHours(hours: number): string {
  return `${hoursFormat.format(hours)} Std.`;
}

// Timestamps are shown as the clock in Germany read, summer time included.
const berlinParts = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function berlin(timestamp: string) {
  // Assembled from parts, not format(): ICU versions differ in the separator ("," or "um").
  const parts = Object.fromEntries(
    berlinParts.formatToParts(new Date(timestamp)).map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  return { date: `${parts.day}.${parts.month}.${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

/** An ISO timestamp → "07.12.2026" (the day in Germany). */
export function berlinDate(timestamp: string): string {
  return berlin(timestamp).date;
}

/** An ISO timestamp → "07.12.2026, 14:05 Uhr". */
export function berlinDateTime(timestamp: string): string {
  const { date, time } = berlin(timestamp);
  return `${date}, ${time} Uhr`;
}

/** "KW 49/2026, Mo 30.11.2026 bis Sa 05.12.2026" */
export function weekLabel(sheet: RecordSheet): string {
  return `KW ${sheet.isoWeek}/${sheet.isoYear}, Mo ${germanDate(sheet.weekStart)} bis Sa ${germanDate(sheet.weekEnd)}`;
}

/** A day's hours as counted in the week's total: its own, else those of its lines (daily mode). */
export function dayHours(sheet: RecordSheet, index: number): number | null {
  const own = sheet.days[index]?.hours ?? null;
  if (own !== null) return own;
  const fromLines = sheet.totals.perDay[index] ?? 0;
  return fromLines > 0 ? fromLines : null;
}

/** Rows of the days table: Monday to Friday always, Saturday only when it was used. */
export function printedDays(sheet: RecordSheet): number[] {
  return sheet.days
    .map((day, index) => ({ day, index }))
    .filter(({ day, index }) => index < 5 || day.place !== null || dayHours(sheet, index) !== null)
    .map(({ index }) => index);
}

/** The submission and approval lines under the sheet. */
export function footerLines(sheet: RecordSheet): { submitted: string; approved: string; hash: string | null } {
  const submitted = sheet.submittedAt ? `Eingereicht am ${berlinDate(sheet.submittedAt)}` : "Noch nicht eingereicht";
  if (!sheet.approval) return { submitted, approved: "Noch nicht freigegeben", hash: null };
  const { at, byName, hash } = sheet.approval;
  return { submitted, approved: `Elektronisch freigegeben am ${berlinDateTime(at)} durch ${byName}`, hash };
}
