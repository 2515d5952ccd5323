import {
  RECORD_PLACES,
  type RECORD_SECTIONS,
  type RecordContent,
  type RecordDay,
  type RecordPlace,
} from "#db/schema/record-content.ts";
import { DAYS_PER_SHEET } from "./week-dates.ts";

/** A day's or line's hours: quarter hours from 0 to 24. */
export const MAX_HOURS_PER_DAY = 24;
/** Short, keyword-style lines (BIBB HA 156), enough for a sentence. */
export const LINE_MAX = 300;
/** Lines per section: a busy week fits, a pasted novel does not. */
export const LINES_MAX = 40;
export const NOTE_MAX = 200;

/** Places that are absences: no hours expected, no "missing entry" warning. */
export const ABSENCES: readonly RecordPlace[] = ["vacation", "sick", "holiday", "absent"];

export function emptyDay(): RecordDay {
  return { place: null, hours: null, note: "" };
}

/** A new sheet: holidays filled in as "Feiertag" with their name, every other day blank. */
export function newContent(holidayNames: (string | null)[]): RecordContent {
  return {
    days: Array.from({ length: DAYS_PER_SHEET }, (_, i) => {
      const holiday = holidayNames[i];
      return holiday ? { place: "holiday", hours: null, note: holiday } : emptyDay();
    }),
    lines: [],
  };
}

export function isPlace(value: unknown): value is RecordPlace {
  return typeof value === "string" && (RECORD_PLACES as readonly string[]).includes(value);
}

export type WeekTotals = {
  perDay: number[];
  week: number;
  perSection: Record<(typeof RECORD_SECTIONS)[number], number>;
};

/**
 * Hours per day and for the week. A day's own hours count; where a day has none, the hours of its
 * lines in the daily mode. Section sums are shown beside each section.
 */
export function weekTotals(content: RecordContent): WeekTotals {
  const fromLines = Array.from({ length: DAYS_PER_SHEET }, () => 0);
  const perSection = { company: 0, instruction: 0, school: 0 };
  for (const line of content.lines) {
    perSection[line.section] += line.hours ?? 0;
    if (line.day !== null && line.hours !== null) fromLines[line.day] = (fromLines[line.day] ?? 0) + line.hours;
  }
  const perDay = content.days.map((day, i) => day.hours ?? fromLines[i] ?? 0);
  return { perDay, week: perDay.reduce((sum, hours) => sum + hours, 0), perSection };
}

export type WeekWarning =
  | { kind: "dayWithoutEntry"; day: number }
  | { kind: "minorDayOver"; day: number; hours: number }
  | { kind: "minorWeekOver"; hours: number }
  | { kind: "noLines" };

/** JArbSchG § 8: a minor works at most 8 hours a day and 40 a week. */
export const MINOR_DAY_HOURS = 8;
export const MINOR_WEEK_HOURS = 40;

/**
 * What the sheet should show a second look at; warnings, never refusals (the apprentice knows
 * the week). A workday (Monday to Friday) is empty without a place; Saturday only counts when used.
 * `minor`: the apprentice is under 18 in this week. `firstDay`..`workdays`: the workdays to check
 * (a week the apprenticeship starts or ends in, or the running week, has fewer).
 */
export function weekWarnings(
  content: RecordContent,
  options: { minor: boolean; workdays?: number; firstDay?: number },
): WeekWarning[] {
  const warnings: WeekWarning[] = [];
  const workdays = options.workdays ?? 5;
  const firstDay = options.firstDay ?? 0;
  content.days.forEach((day, i) => {
    if (i >= firstDay && i < workdays && day.place === null) warnings.push({ kind: "dayWithoutEntry", day: i });
  });
  if (content.lines.length === 0) warnings.push({ kind: "noLines" });
  if (options.minor) {
    const totals = weekTotals(content);
    totals.perDay.forEach((hours, i) => {
      if (hours > MINOR_DAY_HOURS) warnings.push({ kind: "minorDayOver", day: i, hours });
    });
    if (totals.week > MINOR_WEEK_HOURS) warnings.push({ kind: "minorWeekOver", hours: totals.week });
  }
  return warnings;
}

/** Under 18 on the week's Monday (the day of the 18th birthday counts as adult). */
export function isMinorOn(birthDate: string | null, monday: string): boolean {
  if (!birthDate) return false;
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const adultFrom = `${String(y + 18).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return monday < adultFrom;
}
