import { describe, expect, test } from "vitest";
import { regularEnd, todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";

describe("trainingYear", () => {
  test.each([
    ["2026-08-01", "2026-07-31", 0],
    ["2026-08-01", "2026-08-01", 1],
    ["2026-08-01", "2027-07-31", 1],
    ["2026-08-01", "2027-08-01", 2],
    ["2024-08-01", "2026-11-27", 3],
    ["2025-09-15", "2026-09-14", 1],
    ["2025-09-15", "2026-09-15", 2],
  ])("starting %s, on %s it is year %i", (startsOn, today, year) => {
    expect(trainingYear(startsOn, today)).toBe(year);
  });
});

describe("todayInGermany", () => {
  test("uses the German calendar day, not UTC", () => {
    // 23:30 UTC on 31 July is already 1 August in Berlin (summer time, UTC+2).
    expect(todayInGermany(new Date("2026-07-31T23:30:00Z"))).toBe("2026-08-01");
    expect(todayInGermany(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
  });
});

describe("regularEnd", () => {
  test.each([
    ["2026-08-01", 36, "2029-07-31"],
    ["2026-08-01", 42, "2030-01-31"],
    ["2026-09-15", 36, "2029-09-14"],
  ])("an apprenticeship from %s over %i months ends on %s", (startsOn, months, end) => {
    expect(regularEnd(startsOn, months)).toBe(end);
  });
});
