import { describe, expect, test } from "vitest";
import { isMinorOn, newContent, weekTotals, weekWarnings } from "#app/modules/records/content.ts";
import { holidaysOn } from "#app/modules/records/holidays.ts";
import type { RecordContent, RecordDay, RecordLine } from "#app/modules/records/types.ts";

function day(place: RecordDay["place"], hours: number | null = null, note = ""): RecordDay {
  return { place, hours, note };
}
function line(
  section: RecordLine["section"],
  text: string,
  hours: number | null = null,
  dayIndex: number | null = null,
) {
  return { section, text, hours, day: dayIndex, source: null } satisfies RecordLine;
}
/** Monday to Friday at `hours` each in the company, Saturday as given. */
function week(hours: number[], lines: RecordLine[] = [line("company", "Hobeln")]): RecordContent {
  return {
    days: Array.from({ length: 6 }, (_, i) => (hours[i] === undefined ? day(null) : day("company", hours[i]))),
    lines,
  };
}

describe("weekTotals", () => {
  test("adds the days' hours and the sections' hours", () => {
    const totals = weekTotals(
      week(
        [8, 7.5, 8, 8, 6],
        [line("company", "Hobeln", 20), line("instruction", "Sicherheit", 1.25), line("school", "Holzarten", 6)],
      ),
    );
    expect(totals.perDay).toEqual([8, 7.5, 8, 8, 6, 0]);
    expect(totals.week).toBe(37.5);
    expect(totals.perSection).toEqual({ company: 20, instruction: 1.25, school: 6 });
  });

  test("in the daily mode a day without its own hours takes the hours of its lines", () => {
    const content: RecordContent = {
      days: [day("company"), day("company", 8), day(null), day(null), day(null), day(null)],
      lines: [line("company", "Sägen", 3, 0), line("company", "Schleifen", 2.5, 0), line("company", "Leimen", 4, 1)],
    };
    // Monday: 3 + 2.5 from its lines; Tuesday: its own 8 hours win over the line's 4.
    expect(weekTotals(content).perDay).toEqual([5.5, 8, 0, 0, 0, 0]);
    expect(weekTotals(content).week).toBe(13.5);
  });

  test("a fresh sheet totals nothing", () => {
    expect(weekTotals(newContent([null, null, null, null, null, null]))).toEqual({
      perDay: [0, 0, 0, 0, 0, 0],
      week: 0,
      perSection: { company: 0, instruction: 0, school: 0 },
    });
  });
});

describe("weekWarnings", () => {
  test("an empty sheet warns about each workday and the missing lines, not about Saturday", () => {
    expect(weekWarnings(newContent([null, null, null, null, null, null]), { minor: false })).toEqual([
      { kind: "dayWithoutEntry", day: 0 },
      { kind: "dayWithoutEntry", day: 1 },
      { kind: "dayWithoutEntry", day: 2 },
      { kind: "dayWithoutEntry", day: 3 },
      { kind: "dayWithoutEntry", day: 4 },
      { kind: "noLines" },
    ]);
  });

  test("a week the contract starts in on Wednesday and today is Thursday: only Wednesday and Thursday are due", () => {
    const empty = newContent([null, null, null, null, null, null]);
    expect(weekWarnings(empty, { minor: false, firstDay: 2, workdays: 4 })).toEqual([
      { kind: "dayWithoutEntry", day: 2 },
      { kind: "dayWithoutEntry", day: 3 },
      { kind: "noLines" },
    ]);
  });

  test("absences and holidays count as entries", () => {
    const content = week([8, 8, 8]);
    content.days[3] = day("sick");
    content.days[4] = day("holiday", null, "1. Weihnachtstag");
    expect(weekWarnings(content, { minor: false })).toEqual([]);
  });

  test("only the empty workday is named", () => {
    expect(weekWarnings(week([8, 8, 8, 8]), { minor: false })).toEqual([{ kind: "dayWithoutEntry", day: 4 }]);
  });

  test("a minor is warned over 8 hours on a day, 8 hours exactly is fine", () => {
    expect(weekWarnings(week([8, 8.25, 8, 6, 6]), { minor: true })).toEqual([
      { kind: "minorDayOver", day: 1, hours: 8.25 },
    ]);
  });

  test("a minor is warned over 40 hours in the week, Saturday included", () => {
    expect(weekWarnings(week([8, 8, 8, 8, 8]), { minor: true })).toEqual([]);
    expect(weekWarnings(week([8, 8, 8, 8, 8, 1]), { minor: true })).toEqual([{ kind: "minorWeekOver", hours: 41 }]);
  });

  test("an adult gets no hour warnings, however long the week", () => {
    expect(weekWarnings(week([10, 10, 10, 10, 10, 5]), { minor: false })).toEqual([]);
  });
});

describe("isMinorOn", () => {
  test("the week's Monday decides; the 18th birthday itself counts as adult", () => {
    expect(isMinorOn("2008-11-30", "2026-11-23")).toBe(true);
    expect(isMinorOn("2008-11-30", "2026-11-30")).toBe(false);
    // Birthday on the Thursday: the week still counts as a minor's.
    expect(isMinorOn("2008-12-03", "2026-11-30")).toBe(true);
    expect(isMinorOn("2008-12-03", "2026-12-07")).toBe(false);
    expect(isMinorOn("2000-01-01", "2026-11-30")).toBe(false);
  });

  test("born on 29 February", () => {
    expect(isMinorOn("2008-02-29", "2026-02-23")).toBe(true);
    expect(isMinorOn("2008-02-29", "2026-03-02")).toBe(false);
  });

  test("no birth date on the contract: no minor warnings", () => {
    expect(isMinorOn(null, "2026-11-30")).toBe(false);
  });
});

describe("holidaysOn", () => {
  const entries = (dates: string[], state: Parameters<typeof holidaysOn>[1]) => [...holidaysOn(dates, state)];

  test("Saxony-Anhalt: Heilige Drei Könige and Reformationstag", () => {
    expect(entries(["2026-01-05", "2026-01-06", "2026-01-07"], "ST")).toEqual([["2026-01-06", "Heilige Drei Könige"]]);
    expect(entries(["2026-10-30", "2026-10-31"], "ST")).toEqual([["2026-10-31", "Reformationstag"]]);
  });

  test("Easter Monday moves with the year", () => {
    expect(entries(["2025-04-21", "2026-04-06", "2027-03-29", "2027-04-05"], "ST")).toEqual([
      ["2025-04-21", "Ostermontag"],
      ["2026-04-06", "Ostermontag"],
      ["2027-03-29", "Ostermontag"],
    ]);
  });

  test("Saxony has Buß- und Bettag, Saxony-Anhalt does not", () => {
    expect(entries(["2026-11-18"], "SN")).toEqual([["2026-11-18", "Buß- und Bettag"]]);
    expect(entries(["2026-11-18"], "ST")).toEqual([]);
  });

  test("Berlin has neither Heilige Drei Könige nor Reformationstag, but Christmas", () => {
    expect(entries(["2026-01-06", "2026-10-31"], "BE")).toEqual([]);
    expect(entries(["2026-12-25", "2026-12-26"], "BE")).toEqual([
      ["2026-12-25", "1. Weihnachtstag"],
      ["2026-12-26", "2. Weihnachtstag"],
    ]);
  });

  test("a week across the turn of the year looks in both years", () => {
    expect(entries(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"], "ST")).toEqual(
      [["2027-01-01", "Neujahrstag"]],
    );
  });

  test("a new sheet fills holidays in as Feiertag with their name", () => {
    const content = newContent([null, null, null, null, "1. Weihnachtstag", "2. Weihnachtstag"]);
    expect(content.days[3]).toEqual(day(null));
    expect(content.days[4]).toEqual(day("holiday", null, "1. Weihnachtstag"));
    expect(content.days[5]).toEqual(day("holiday", null, "2. Weihnachtstag"));
    expect(content.lines).toEqual([]);
  });
});
