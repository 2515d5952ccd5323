/**
 * The demo's Berichtsheft is planned relative to the day the demo is seeded, so it must make
 * sense on any day of the year: every state present, and no time that the record's functions
 * would refuse (in the future, or before the week began).
 */
import { describe, expect, test } from "vitest";
import { freshContent } from "#app/modules/records/save-week.server.ts";
import { dueWeeks, mondayOf } from "#app/modules/records/week-dates.ts";
import { regularEnd, todayInGermany } from "#app/modules/training/training-year.ts";
import { tischlerLines } from "#db/seed/demo-record-lines.ts";
import { type DemoProfile, planDemoRecord } from "#db/seed/demo-record-plan.ts";
import { germanTime } from "#db/seed/demo-record-calendar.ts";

const profile: DemoProfile = {
  seed: "test",
  vacationFrom: ["07-13"],
  uluFromSheet: [12],
  sickFromSheet: 20,
  sickDay: 2,
  missingAt: 0.5,
  returnFor: "school",
};

function plan(now: Date, startsOn: string) {
  return planDemoRecord({
    profile,
    trade: tischlerLines,
    startsOn,
    lastDay: regularEnd(startsOn, 36),
    now,
    fresh: (monday) => freshContent({ companyState: "ST" }, monday),
  });
}

describe("the demo's Berichtsheft plan", () => {
  test("on any seed day a year-old record holds every state, with times the app accepts", () => {
    // Every 53 hours over a year: all weekdays and times of day come round.
    for (let t = Date.parse("2026-08-01T00:30:00Z"); t < Date.parse("2027-08-01T00:00:00Z"); t += 53 * 3_600_000) {
      const now = new Date(t);
      const today = todayInGermany(now);
      const startsOn = `${Number(today.slice(0, 4)) - (today.slice(5) >= "08-01" ? 1 : 2)}-08-01`;
      const { weeks, missing } = plan(now, startsOn);
      const due = dueWeeks(startsOn, regularEnd(startsOn, 36), today);
      const states = weeks.map((w) => w.state);
      const label = now.toISOString();

      expect(
        states.filter((s) => s === "returned"),
        label,
      ).toHaveLength(1);
      expect(weeks.find((w) => w.state === "submitted")?.monday, label).toBe(due.at(-1));
      expect(weeks.find((w) => w.state === "draft")?.monday, label).toBe(mondayOf(today));
      expect(missing !== null && due.includes(missing) && !weeks.some((w) => w.monday === missing), label).toBe(true);
      expect(weeks.length, label).toBe(due.length); // the ended weeks less the missing one, plus the draft
      for (const week of weeks) {
        expect(week.savedAt.getTime(), label).toBeLessThanOrEqual(t);
        expect(todayInGermany(week.savedAt) >= week.monday, label).toBe(true);
        if (week.reviewedAt) {
          expect(week.reviewedAt.getTime(), label).toBeLessThanOrEqual(t);
          expect(week.reviewedAt.getTime(), label).toBeGreaterThan(week.savedAt.getTime());
        }
      }
    }
  });

  test("the same day gives the same record; another apprentice's seed gives other lines", () => {
    const now = new Date("2026-11-27T09:00:00Z");
    const a = plan(now, "2025-08-01");
    expect(plan(now, "2025-08-01")).toEqual(a);
    const other = planDemoRecord({
      profile: { ...profile, seed: "other" },
      trade: tischlerLines,
      startsOn: "2025-08-01",
      lastDay: "2028-07-31",
      now,
      fresh: (monday) => freshContent({ companyState: "ST" }, monday),
    });
    const lines = (plan: typeof a) => plan.weeks.map((w) => w.content.lines.map((l) => l.text).join("|"));
    expect(lines(other)).not.toEqual(lines(a));
  });

  test("the returned week lacks what the comment asks for", () => {
    const { weeks } = plan(new Date("2026-11-27T09:00:00Z"), "2025-08-01");
    const returned = weeks.find((w) => w.state === "returned");
    expect(returned?.comment).toBe("Bitte die Berufsschul-Themen ergänzen.");
    expect(returned?.content.days.some((d) => d.place === "school")).toBe(true);
    expect(returned?.content.lines.some((l) => l.section === "school")).toBe(false);
  });

  test("German wall-clock times follow summer time", () => {
    expect(germanTime("2026-07-10", "14:00").toISOString()).toBe("2026-07-10T12:00:00.000Z");
    expect(germanTime("2026-01-09", "14:00").toISOString()).toBe("2026-01-09T13:00:00.000Z");
  });
});
