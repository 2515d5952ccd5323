import { LINE_MAX, LINES_MAX, MAX_HOURS_PER_DAY, NOTE_MAX, isPlace } from "./content.ts";
import { RECORD_SECTIONS, type RecordContent, type RecordLine, type RecordSection } from "./types.ts";
import { DAYS_PER_SHEET } from "./week-dates.ts";

/**
 * The week form's fields: per day `day<i>.place`, `day<i>.hours`, `day<i>.note`; per line the
 * parallel lists `line.section`, `line.text`, `line.hours`, `line.day`, `line.source`. A line
 * with no text is an empty row of the form, not a line.
 */
export type WeekFormErrors = Record<string, string>;

/** "7,5", "7.5", "7" → 7.5; empty → null; anything else → NaN. Quarter hours only. */
export function parseHours(raw: string): number | null {
  const text = raw.trim().replace(",", ".");
  if (text === "") return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** A line may sum the week (the weekly rhythm): up to seven full days. */
const MAX_HOURS_PER_LINE = MAX_HOURS_PER_DAY * 7;

function validHours(hours: number | null, max = MAX_HOURS_PER_DAY): boolean {
  return hours === null || (Number.isFinite(hours) && hours >= 0 && hours <= max && (hours * 4) % 1 === 0);
}

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function list(formData: FormData, name: string): string[] {
  return formData.getAll(name).map((value) => (typeof value === "string" ? value : ""));
}

/**
 * Reads the week from the form. Always returns the content as typed (so a failed save shows it
 * again) and the errors by field: `day<i>.hours`, `line<i>.text`, `line<i>.hours`, `lines`.
 */
export function readWeekForm(formData: FormData): {
  content: RecordContent;
  typedHours: Record<string, string>;
  errors: WeekFormErrors;
} {
  const errors: WeekFormErrors = {};
  const typedHours: Record<string, string> = {};
  const days = Array.from({ length: DAYS_PER_SHEET }, (_, i) => {
    const place = text(formData, `day${i}.place`);
    const rawHours = text(formData, `day${i}.hours`);
    const hours = parseHours(rawHours);
    if (!validHours(hours)) {
      errors[`day${i}.hours`] = "errors.records.hours";
      typedHours[`day${i}.hours`] = rawHours;
    }
    const note = text(formData, `day${i}.note`).trim();
    if (note.length > NOTE_MAX) errors[`day${i}.note`] = "errors.records.noteTooLong";
    return {
      place: isPlace(place) ? place : null,
      hours: validHours(hours) ? hours : null,
      note: note.slice(0, NOTE_MAX * 2),
    };
  });
  const sections = list(formData, "line.section");
  const texts = list(formData, "line.text");
  const hoursList = list(formData, "line.hours");
  const dayList = list(formData, "line.day");
  const sources = list(formData, "line.source");
  const lines: RecordLine[] = [];
  texts.forEach((raw, i) => {
    const lineText = raw.replace(/\s+/g, " ").trim();
    if (lineText === "") return;
    const index = lines.length;
    const section = sections[i] as RecordSection;
    const rawHours = hoursList[i] ?? "";
    const hours = parseHours(rawHours);
    if (!validHours(hours, MAX_HOURS_PER_LINE)) {
      errors[`line${index}.hours`] = "errors.records.lineHours";
      typedHours[`line${index}.hours`] = rawHours;
    }
    if (lineText.length > LINE_MAX) errors[`line${index}.text`] = "errors.records.lineTooLong";
    const day = Number(dayList[i]);
    lines.push({
      section: RECORD_SECTIONS.includes(section) ? section : "company",
      text: lineText.slice(0, LINE_MAX * 2),
      hours: validHours(hours, MAX_HOURS_PER_LINE) ? hours : null,
      day: dayList[i] !== "" && Number.isInteger(day) && day >= 0 && day < DAYS_PER_SHEET ? day : null,
      source: /^(lesson|quiz|assignment):[0-9a-f-]{36}$/.test(sources[i] ?? "") ? (sources[i] ?? null) : null,
    });
  });
  for (const section of RECORD_SECTIONS) {
    if (lines.filter((line) => line.section === section).length > LINES_MAX)
      errors.lines = "errors.records.tooManyLines";
  }
  return { content: { days, lines }, typedHours, errors };
}
