import type { RecordContent, RecordDay, RecordLine, RecordSection } from "#app/modules/records/types.ts";
import { sheetDates } from "#app/modules/records/week-dates.ts";
import { addDays, trainingYear } from "#app/modules/training/training-year.ts";
import { isCompanyClosed, isSchoolBreak } from "./demo-record-calendar.ts";
import type { TradeLines } from "./demo-record-lines.ts";

/** What kind of week the apprentice had, besides public holidays and the company's closing. */
export type WeekKind = "plain" | "vacation" | "ulu" | "sick";

export type WeekInput = {
  monday: string;
  kind: WeekKind;
  sheet: number;
  startsOn: string;
  lastDay: string;
  /** The sheet as the app starts a new week: public holidays already filled in. */
  fresh: RecordContent;
  /** Days after this date stay empty (the week still running); null: the whole week. */
  writtenUntil: string | null;
  trade: TradeLines;
  /** Makes each apprentice's weeks their own, the same on every run. */
  seed: string;
  /** The day (0 = Monday) of a "sick" week the apprentice was ill. */
  sickDay: number;
};

/** A small seeded generator (mulberry32 over an FNV-1a hash): the same seed, the same demo. */
export function randomFor(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ (char.codePointAt(0) ?? 0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` different items of `list` in a random order. */
function pick<T>(random: () => number, list: readonly T[], count: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

/** Whole hours shared out over `count` lines, the larger shares first. */
function shareHours(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total - base * count ? 1 : 0));
}

const line = (section: RecordSection, text: string, hours: number | null): RecordLine => ({
  section,
  text,
  hours,
  day: null,
  source: null,
});

/** Whether the apprentice's first working day (Monday to Friday, from the start on) is in this week. */
function isFirstWorkingWeek(monday: string, startsOn: string): boolean {
  const weekdays = sheetDates(monday).slice(0, 5);
  const previousFriday = addDays(monday, -3);
  return weekdays.some((date) => date >= startsOn) && previousFriday < startsOn;
}

/** The days of the week: where the apprentice was, 8 hours a day and 7 on Friday. */
function weekDays(input: WeekInput, year: number): RecordDay[] {
  const dates = sheetDates(input.monday);
  const easter = input.fresh.days.some((day) => day.note === "Karfreitag" || day.note === "Ostermontag");
  const schoolOpen = !isSchoolBreak(input.monday) && !easter;
  // First year two school days, later one (the usual pattern of a Berufsschule's Teilzeitunterricht).
  const schoolDays = year === 1 ? [1, 3] : [2];
  return input.fresh.days.map((fresh, i): RecordDay => {
    const date = dates[i] as string;
    const hours = i === 4 ? 7 : 8;
    if (i > 4 || fresh.place === "holiday") return fresh;
    if (input.writtenUntil !== null && date > input.writtenUntil) return fresh;
    if (date < input.startsOn) return { place: "absent", hours: null, note: "vor Ausbildungsbeginn" };
    if (date > input.lastDay) return { place: "absent", hours: null, note: "nach Ausbildungsende" };
    if (isCompanyClosed(date)) return { place: "vacation", hours: null, note: "Betriebsferien" };
    if (input.kind === "vacation") return { place: "vacation", hours: null, note: "" };
    if (input.kind === "ulu") return { place: "ulu", hours, note: "" };
    if (input.kind === "sick" && i === input.sickDay) return { place: "sick", hours: null, note: "" };
    if (schoolOpen && schoolDays.includes(i)) return { place: "school", hours: 8, note: "" };
    return { place: "company", hours, note: "" };
  });
}

/**
 * One week of the demo's Berichtsheft: days with places and hours, and a few lines in each
 * section that fit them, drawn from the trade's lists so that no two weeks read the same.
 */
export function demoWeekContent(input: WeekInput): RecordContent {
  const { trade } = input;
  const random = randomFor(`${input.seed}:${input.monday}`);
  const year = Math.max(1, trainingYear(input.startsOn, sheetDates(input.monday)[4] as string));
  const days = weekDays(input, year);
  const hoursAt = (place: RecordDay["place"]) =>
    days.reduce((sum, day) => sum + (day.place === place ? (day.hours ?? 0) : 0), 0);
  const companyDays = days.filter((day) => day.place === "company").length;
  const listOf = <T>(lists: readonly T[]) => lists[Math.min(year, lists.length) - 1] as T;

  const instruction: RecordLine[] = [];
  if (companyDays > 0) {
    if (isFirstWorkingWeek(input.monday, input.startsOn))
      instruction.push(...trade.firstDay.map((text) => line("instruction", text, 2)));
    else if (input.sheet % 26 === 1) instruction.push(line("instruction", trade.safety, 1));
    else if (companyDays >= 2 && random() < 0.45) {
      const [text] = pick(random, listOf(trade.instruction), 1);
      if (text) instruction.push(line("instruction", text, random() < 0.5 ? 1 : 2));
    }
  }
  const uluHours = hoursAt("ulu");
  if (uluHours > 0) {
    const course = listOf(trade.ulu);
    const shares = shareHours(uluHours, course.lines.length);
    instruction.push(
      line("instruction", course.title, null),
      ...course.lines.map((text, i) => line("instruction", text, shares[i] ?? null)),
    );
  }

  const company: RecordLine[] = [];
  const companyHours = hoursAt("company") - instruction.reduce((sum, l) => sum + (l.hours ?? 0), 0);
  if (companyDays > 0 && companyHours > 0) {
    const wanted = companyDays === 1 ? 1 : companyDays === 2 ? 2 : 3 + (random() < 0.4 ? 1 : 0);
    const count = Math.min(wanted, companyHours);
    const shares = shareHours(companyHours, count);
    company.push(...pick(random, listOf(trade.company), count).map((text, i) => line("company", text, shares[i] ?? 0)));
  }

  const school: RecordLine[] = [];
  const schoolDays = days.filter((day) => day.place === "school").length;
  if (schoolDays > 0) {
    // The Lernfeld of this quarter of the training year.
    const yearStart = `${Number(input.startsOn.slice(0, 4)) + year - 1}${input.startsOn.slice(4)}`;
    const week = Math.floor((Date.parse(input.monday) - Date.parse(yearStart)) / (7 * 86_400_000));
    const fields = listOf(trade.lernfelder);
    const field = fields[Math.min(Math.max(Math.floor(week / 13), 0), fields.length - 1)];
    const topics = field ? pick(random, field.topics, schoolDays) : [];
    const general = pick(random, trade.general, schoolDays);
    for (let i = 0; i < schoolDays; i++) {
      const split = random() < 0.5 ? [6, 2] : [5, 3];
      if (field && topics[i]) school.push(line("school", `${field.code}: ${topics[i]}`, split[0] ?? null));
      if (general[i]) school.push(line("school", general[i] as string, split[1] ?? null));
    }
  }
  return { days, lines: [...company, ...instruction, ...school] };
}
