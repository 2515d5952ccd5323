import { describe, expect, test } from "vitest";
import { addDays } from "#app/modules/training/training-year.ts";
import {
  dueWeeks,
  isMonday,
  isoWeekOf,
  mondayOf,
  mondayOfWeekKey,
  sheetDates,
  sheetNumber,
  weekKey,
} from "#app/modules/records/week-dates.ts";

describe("mondayOf", () => {
  test.each([
    ["2026-11-30", "2026-11-30"], // a Monday is its own week's Monday
    ["2026-12-04", "2026-11-30"], // Friday
    ["2026-12-05", "2026-11-30"], // Saturday
    ["2026-12-06", "2026-11-30"], // Sunday belongs to the week before (ISO weeks start on Monday)
    ["2027-01-01", "2026-12-28"], // across the turn of the year
    ["2024-03-01", "2024-02-26"], // across a leap day
    ["2026-03-29", "2026-03-23"], // the Sunday clocks go forward in Germany
    ["2026-10-25", "2026-10-19"], // the Sunday clocks go back
  ])("the Monday of %s is %s", (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  test("sheetDates lists Monday to Saturday", () => {
    expect(sheetDates("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  test("isMonday accepts only real Mondays as ISO dates", () => {
    expect(isMonday("2026-11-30")).toBe(true);
    expect(isMonday("2026-12-01")).toBe(false);
    expect(isMonday("2026-02-30")).toBe(false);
    expect(isMonday("30.11.2026")).toBe(false);
  });
});

describe("ISO weeks", () => {
  test.each([
    ["2026-11-30", 2026, 49, "2026-W49"],
    // 1 Jan 2026 is a Thursday: its week is week 1 although it starts in 2025.
    ["2025-12-29", 2026, 1, "2026-W01"],
    // 2026 has 53 weeks; the last one ends in 2027.
    ["2026-12-28", 2026, 53, "2026-W53"],
    ["2027-01-04", 2027, 1, "2027-W01"],
    // 2 Jan 2025 is the Thursday of the week that starts on 30 Dec 2024.
    ["2024-12-30", 2025, 1, "2025-W01"],
    ["2025-12-22", 2025, 52, "2025-W52"],
    // 2020 has 53 weeks too (a leap year starting on a Wednesday).
    ["2020-12-28", 2020, 53, "2020-W53"],
    ["2021-01-04", 2021, 1, "2021-W01"],
    ["2026-01-05", 2026, 2, "2026-W02"],
  ])("the week of %s is %i/%i (%s)", (monday, year, week, key) => {
    expect(isoWeekOf(monday)).toEqual({ year, week });
    expect(weekKey(monday)).toBe(key);
    expect(mondayOfWeekKey(key)).toBe(monday);
  });

  test("every Monday from 2019 to 2031 survives the round trip through its key, weeks counting up by one", () => {
    let previous = isoWeekOf("2018-12-31");
    for (let monday = "2019-01-07"; monday < "2032-01-01"; monday = addDays(monday, 7)) {
      const current = isoWeekOf(monday);
      if (current.year === previous.year) expect(current.week).toBe(previous.week + 1);
      else {
        expect(current).toEqual({ year: previous.year + 1, week: 1 });
        expect([52, 53]).toContain(previous.week);
      }
      expect(mondayOfWeekKey(weekKey(monday))).toBe(monday);
      previous = current;
    }
  });

  test.each([
    "2025-W53", // 2025 has only 52 weeks
    "2027-W53",
    "2026-W00",
    "2026-W54",
    "2026-W99",
    "2026-w49",
    "2026-W4",
    "26-W49",
    "2026W49",
    " 2026-W49",
    "2026-W49 ",
    "1989-W01",
    "2101-W01",
    "",
    "2026-11-30",
  ])("%j names no week", (key) => {
    expect(mondayOfWeekKey(key)).toBeNull();
  });
});

describe("sheetNumber", () => {
  test("sheet 1 is the week the apprenticeship starts in, even when it starts mid-week", () => {
    expect(sheetNumber("2025-08-01", "2025-07-28")).toBe(1);
    expect(sheetNumber("2025-08-01", "2025-08-04")).toBe(2);
    expect(sheetNumber("2025-08-04", "2025-08-04")).toBe(1);
  });

  test("counts on across daylight saving time and the turn of the year", () => {
    // 28 Jul 2025 to 30 Nov 2026 is 70 weeks.
    expect(sheetNumber("2025-08-01", "2026-11-30")).toBe(71);
    expect(sheetNumber("2025-08-01", "2025-10-27")).toBe(14);
    expect(sheetNumber("2025-08-01", "2026-01-05")).toBe(24);
  });
});

describe("dueWeeks", () => {
  test("from the start's week to the last week that has ended", () => {
    // Friday 4 Dec 2026: the week of 30 Nov has not ended yet.
    expect(dueWeeks("2026-11-04", "2029-07-31", "2026-12-04")).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
    ]);
  });

  test("a week is due the day after its Sunday, not on the Sunday", () => {
    expect(dueWeeks("2026-11-23", "2029-07-31", "2026-11-29")).toEqual([]);
    expect(dueWeeks("2026-11-23", "2029-07-31", "2026-11-30")).toEqual(["2026-11-23"]);
  });

  test("stops at the week of the last day", () => {
    expect(dueWeeks("2026-11-04", "2026-11-18", "2026-12-04")).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
  });

  test("nothing is due before the apprenticeship's first week has ended", () => {
    expect(dueWeeks("2026-12-01", "2029-07-31", "2026-12-04")).toEqual([]);
    expect(dueWeeks("2027-08-01", "2030-07-31", "2026-12-04")).toEqual([]);
  });

  test("across the turn of the year into a 53-week year's last week", () => {
    expect(dueWeeks("2026-12-21", "2029-07-31", "2027-01-11")).toEqual(["2026-12-21", "2026-12-28", "2027-01-04"]);
  });
});
