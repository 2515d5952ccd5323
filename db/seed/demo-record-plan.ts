import type { RecordContent } from "#app/modules/records/types.ts";
import { weekInRecord } from "#app/modules/records/week-bounds.ts";
import { dueWeeks, mondayOf, sheetDates, sheetNumber } from "#app/modules/records/week-dates.ts";
import { addDays, todayInGermany } from "#app/modules/training/training-year.ts";
import { germanTime, isCompanyClosed, weekStartsNear } from "./demo-record-calendar.ts";
import type { TradeLines } from "./demo-record-lines.ts";
import { demoWeekContent, type WeekKind } from "./demo-record-weeks.ts";

/** What makes one apprentice's record their own. */
export type DemoProfile = {
  seed: string;
  /** The weeks of leave: each the week starting within seven days from this "MM-DD". */
  vacationFrom: string[];
  /** An ÜLU week at the first ordinary week from each of these sheet numbers on. */
  uluFromSheet: number[];
  /** One sick day, in the first ordinary week from this sheet number on where it is a workday. */
  sickFromSheet: number;
  sickDay: number;
  /** Where in the ended weeks (0 to 1) the one week without a sheet lies. */
  missingAt: number;
  /** What the trainer asks to fix in the returned week. */
  returnFor: "school" | "day";
};

export type DemoWeekState = "approved" | "returned" | "submitted" | "draft";

export type DemoWeek = {
  monday: string;
  state: DemoWeekState;
  content: RecordContent;
  /** When the apprentice saved (draft) or submitted it. */
  savedAt: Date;
  /** When the trainer approved or returned it. */
  reviewedAt: Date | null;
  comment: string | null;
};

export type DemoRecordInput = {
  profile: DemoProfile;
  trade: TradeLines;
  startsOn: string;
  lastDay: string;
  now: Date;
  /** A new sheet as the app makes it (public holidays of the company's Land filled in). */
  fresh: (monday: string) => RecordContent;
};

const WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"];
const WORKING = new Set(["company", "school", "ulu"]);

/**
 * The demo's Berichtsheft of one apprenticeship, relative to `now`: every ended week approved,
 * except one left without a sheet midway, the last but one (or the latest fitting) returned
 * with a comment, the last one submitted; the running week a draft. Returns the weeks in order.
 */
export function planDemoRecord(input: DemoRecordInput): { weeks: DemoWeek[]; missing: string | null } {
  const { profile, startsOn, lastDay, now } = input;
  const today = todayInGermany(now);
  const ended = dueWeeks(startsOn, lastDay, today);
  const current = mondayOf(today);
  const running = weekInRecord({ startsOn, lastDay }, current, today) && !ended.includes(current);
  const mondays = running ? [...ended, current] : ended;

  const kinds = weekKinds(input, mondays);
  const contents = mondays.map((monday, i) =>
    demoWeekContent({
      monday,
      kind: kinds[i] ?? "plain",
      sheet: sheetNumber(startsOn, monday),
      startsOn,
      lastDay,
      fresh: input.fresh(monday),
      // The running week is written up to yesterday (on a Monday: Monday, planned ahead).
      writtenUntil: monday === current ? (today > current ? addDays(today, -1) : current) : null,
      trade: input.trade,
      seed: profile.seed,
      sickDay: profile.sickDay,
    }),
  );

  const n = ended.length;
  const hasSchool = (content: RecordContent) => content.lines.some((line) => line.section === "school");
  const companyDay = (content: RecordContent) => content.days.findIndex((day) => day.place === "company");
  let returned = -1;
  let reason: DemoProfile["returnFor"] = profile.returnFor;
  for (let i = n - 2; i >= 1 && returned < 0; i--) {
    const content = contents[i] as RecordContent;
    const fits = { school: hasSchool(content), day: companyDay(content) >= 0 };
    if (fits.school || fits.day) {
      returned = i;
      if (!fits[profile.returnFor]) reason = fits.school ? "school" : "day";
    }
  }
  const missing = missingIndex(kinds, contents, n, returned, profile.missingAt);

  const weeks: DemoWeek[] = [];
  for (const [i, monday] of mondays.entries()) {
    if (i === missing) continue;
    let content = contents[i] as RecordContent;
    const state: DemoWeekState =
      i >= n ? "draft" : i === n - 1 ? "submitted" : i === returned ? "returned" : "approved";
    let comment: string | null = null;
    if (state === "returned" && reason === "school") {
      content = { ...content, lines: content.lines.filter((line) => line.section !== "school") };
      comment = "Bitte die Berufsschul-Themen ergänzen.";
    } else if (state === "returned") {
      const day = companyDay(content);
      content = {
        ...content,
        days: content.days.map((d, j) => (j === day ? { place: null, hours: null, note: "" } : d)),
      };
      comment = `Am ${WEEKDAYS[day]} fehlt, wo du warst. Bitte ergänzen und neu einreichen.`;
    }
    const latest = now.getTime() - 60_000;
    const reviewedAt =
      state === "approved" || state === "returned"
        ? new Date(Math.min(germanTime(workdayFrom(input, addDays(monday, 7)), "08:00").getTime(), latest))
        : null;
    const savedAt =
      state === "draft"
        ? now
        : new Date(Math.min(submittedAt(input, monday, content).getTime(), (reviewedAt?.getTime() ?? latest) - 60_000));
    weeks.push({ monday, state, content, savedAt, reviewedAt, comment });
  }
  return { weeks, missing: missing >= 0 ? (mondays[missing] ?? null) : null };
}

/** Leave by the calendar; then one ÜLU week per course and one sick day, each in an ordinary week. */
function weekKinds(input: DemoRecordInput, mondays: string[]): WeekKind[] {
  const { profile, startsOn } = input;
  const ulu = [...profile.uluFromSheet];
  let sickFrom: number | null = profile.sickFromSheet;
  return mondays.map((monday): WeekKind => {
    if (profile.vacationFrom.some((from) => weekStartsNear(monday, from))) return "vacation";
    const sheet = sheetNumber(startsOn, monday);
    const fresh = input.fresh(monday);
    const ordinary =
      monday >= startsOn && fresh.days.every((day) => day.place === null) && !sheetDates(monday).some(isCompanyClosed);
    if (!ordinary) return "plain";
    if (ulu[0] !== undefined && sheet >= ulu[0]) {
      ulu.shift();
      return "ulu";
    }
    if (sickFrom !== null && sheet >= sickFrom) {
      sickFrom = null;
      return "sick";
    }
    return "plain";
  });
}

/** The ordinary week nearest to `at` of the ended weeks, between the first and the returned one. */
function missingIndex(kinds: WeekKind[], contents: RecordContent[], n: number, returned: number, at: number): number {
  const last = (returned >= 0 ? returned : n - 1) - 1;
  if (last < 1) return -1;
  const target = Math.min(Math.max(Math.floor(n * at), 1), last);
  for (let step = 0; step <= last; step++) {
    for (const i of [target - step, target + step]) {
      if (i < 1 || i > last) continue;
      const working = contents[i]?.days.some((day) => day.place === "company");
      if (kinds[i] === "plain" && working) return i;
    }
  }
  return -1;
}

/** The first day of the week from `monday` on that is no public holiday and no closing day. */
function workdayFrom(input: DemoRecordInput, monday: string): string {
  const days = input.fresh(monday).days;
  const dates = sheetDates(monday);
  for (let i = 0; i < 5; i++) {
    const date = dates[i] as string;
    if (days[i]?.place !== "holiday" && !isCompanyClosed(date)) return date;
  }
  return workdayFrom(input, addDays(monday, 7));
}

/** Submitted on the week's last working day after work, or else first thing the next workday. */
function submittedAt(input: DemoRecordInput, monday: string, content: RecordContent): Date {
  const dates = sheetDates(monday);
  for (let i = 4; i >= 0; i--) {
    const place = content.days[i]?.place;
    if (place && WORKING.has(place)) return germanTime(dates[i] as string, place === "school" ? "16:30" : "14:00");
  }
  return germanTime(workdayFrom(input, addDays(monday, 7)), "07:30");
}
