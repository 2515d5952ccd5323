import { isCalendarDate } from "#app/modules/shared/typed-date.ts";
import { addDays } from "#app/modules/training/training-year.ts";

/** Days of a sheet: Monday to Saturday (Saturday optional, shown when used). */
export const DAYS_PER_SHEET = 6;

/** The Monday of the week `isoDate` lies in (ISO weeks start on Monday). */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The dates of the sheet's days, Monday first. */
export function sheetDates(monday: string): string[] {
  return Array.from({ length: DAYS_PER_SHEET }, (_, i) => addDays(monday, i));
}

/** ISO 8601 week number and its year ("KW 49/2026"); the year is the Thursday's. */
export function isoWeekOf(monday: string): { year: number; week: number } {
  const thursday = new Date(`${addDays(monday, 3)}T12:00:00Z`);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(`${mondayOf(`${year}-01-04`)}T12:00:00Z`).getTime() + 3 * 86_400_000;
  return { year, week: Math.round((thursday.getTime() - firstThursday) / (7 * 86_400_000)) + 1 };
}

/** The week's name in URLs: "2026-W49". */
export function weekKey(monday: string): string {
  const { year, week } = isoWeekOf(monday);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of a week named "2026-W49", or null for anything else (a typed URL). */
export function mondayOfWeekKey(key: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1990 || year > 2100 || week < 1 || week > 53) return null;
  const monday = addDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
  return isoWeekOf(monday).year === year ? monday : null;
}

/** The running sheet number: week 1 is the week the apprenticeship starts in. */
export function sheetNumber(startsOn: string, monday: string): number {
  const days = (Date.parse(`${monday}T12:00:00Z`) - Date.parse(`${mondayOf(startsOn)}T12:00:00Z`)) / 86_400_000;
  return Math.round(days / 7) + 1;
}

/** Whether a string names a Monday (YYYY-MM-DD). */
export function isMonday(value: string): boolean {
  return isCalendarDate(value) && mondayOf(value) === value;
}

/**
 * The Mondays of the weeks that must have a sheet by `today`: from the start's week to the last
 * week that has ended (Sunday before today), and not past the apprenticeship's last day.
 */
export function dueWeeks(startsOn: string, lastDay: string, today: string): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(startsOn); addDays(monday, 6) < today && monday <= lastDay; monday = addDays(monday, 7)) {
    weeks.push(monday);
  }
  return weeks;
}
