/**
 * What the week page offers before the apprentice writes anything: the public holidays of the
 * company's Land, and proposals from what she finished in Werkbank that week. Opening the page
 * writes nothing; only her save takes a proposal in or drops it.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { memberships, organizations, recordWeeks } from "#db/schema/index.ts";
import { markLessonDone } from "#app/modules/courses/mark-lesson.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import type { RecordContent } from "#app/modules/records/types.ts";
import { weekPage } from "#app/modules/records/week-page.server.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { recordWorld, storedWeek } from "#tests/factories/records.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

const EMPTY_DAY = { place: null, hours: null, note: "" };
/** Friday 8 Jan 2027: Christmas 2026 and Epiphany 2027 are in the past. */
const IN_JANUARY = new Date("2027-01-08T10:00:00Z");

async function rowsOf(apprenticeshipId: string) {
  return db.select().from(recordWeeks).where(eq(recordWeeks.apprenticeshipId, apprenticeshipId));
}

describe("public holidays", () => {
  test("in Saxony-Anhalt, 25 and 26 December are filled in as Feiertag with their name", async () => {
    const { w, id, as } = await recordWorld(db, IN_JANUARY);
    const lena = await as(w.people.apprentice);
    const page = await weekPage(lena, { apprenticeshipId: id, week: "2026-W52" });
    expect(page.week.dates).toEqual([
      "2026-12-21",
      "2026-12-22",
      "2026-12-23",
      "2026-12-24",
      "2026-12-25",
      "2026-12-26",
    ]);
    expect(page.week.holidays).toEqual([null, null, null, null, "1. Weihnachtstag", "2. Weihnachtstag"]);
    expect(page.content.days).toEqual([
      EMPTY_DAY,
      EMPTY_DAY,
      EMPTY_DAY,
      EMPTY_DAY,
      { place: "holiday", hours: null, note: "1. Weihnachtstag" },
      { place: "holiday", hours: null, note: "2. Weihnachtstag" },
    ]);
    // The holiday is an entry: only Monday to Thursday are empty.
    expect(page.warnings.filter((warning) => warning.kind === "dayWithoutEntry")).toEqual(
      [0, 1, 2, 3].map((day) => ({ kind: "dayWithoutEntry", day })),
    );
    const epiphany = await weekPage(lena, { apprenticeshipId: id, week: "2027-W01" });
    expect(epiphany.week.holidays).toEqual([null, null, "Heilige Drei Könige", null, null, null]);
    expect(await rowsOf(id)).toEqual([]);
  });

  test("the company's Land decides: Bavaria has 6 January, Berlin does not", async () => {
    const { w, id, as } = await recordWorld(db, IN_JANUARY);
    const lena = await as(w.people.apprentice);
    const sixthOfJanuary = async (state: string) => {
      await db.update(organizations).set({ state }).where(eq(organizations.id, w.company.id));
      const page = await weekPage(lena, { apprenticeshipId: id, week: "2027-W01" });
      return { label: page.week.holidays[2], day: page.content.days[2] };
    };
    expect(await sixthOfJanuary("BY")).toEqual({
      label: "Heilige Drei Könige",
      day: { place: "holiday", hours: null, note: "Heilige Drei Könige" },
    });
    expect(await sixthOfJanuary("BE")).toEqual({ label: null, day: EMPTY_DAY });
    // Christmas is everywhere.
    const christmas = await weekPage(lena, { apprenticeshipId: id, week: "2026-W52" });
    expect(christmas.week.holidays.slice(4)).toEqual(["1. Weihnachtstag", "2. Weihnachtstag"]);
  });

  test("Buß- und Bettag for a company in Saxony, not in Saxony-Anhalt", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);
    expect((await weekPage(lena, { apprenticeshipId: id, week: "2026-W47" })).week.holidays[2]).toBeNull();
    await db.update(organizations).set({ state: "SN" }).where(eq(organizations.id, w.company.id));
    expect((await weekPage(lena, { apprenticeshipId: id, week: "2026-W47" })).week.holidays[2]).toBe("Buß- und Bettag");
  });
});

describe("proposals from Werkbank", () => {
  async function scenario() {
    const world = await recordWorld(db);
    const { w, as } = world;
    const { apprentice } = w.people;
    const library = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 3 });
    const schoolCourse = await createCourse(db, { owner: w.school.id, modules: 1, lessonsPerModule: 1 });
    // A school's course is for its members: the apprentice belongs to the school, as in the demo.
    await db.insert(memberships).values({ userId: apprentice.id, organizationId: w.school.id, role: "apprentice" });
    const [wednesday, mondayAtNight, sundayAtNight] = library.lessonIds as [string, string, string];
    const [schoolLesson] = schoolCourse.lessonIds as [string];
    const done = async (userId: string, lessonId: string, at: string) =>
      markLessonDone({ ctx: await as({ id: userId }, new Date(at)), input: { lessonId } });
    await done(apprentice.id, wednesday, "2026-12-02T09:00:00Z");
    // 00:30 on Monday in Germany, still Sunday in UTC: week 49.
    await done(apprentice.id, mondayAtNight, "2026-11-29T23:30:00Z");
    // 23:30 on Sunday in Germany: week 48.
    await done(apprentice.id, sundayAtNight, "2026-11-29T22:30:00Z");
    await done(apprentice.id, schoolLesson, "2026-12-03T07:00:00Z");
    // Another apprentice reading the same lesson proposes nothing to her.
    await done(w.people.otherApprentice.id, wednesday, "2026-12-02T10:00:00Z");
    const lesson = (id: string, title: string, course: string, section: string, day: number | null) => ({
      kind: "lesson",
      section,
      text: `${title} (${course})`,
      hours: 0.25,
      day,
      source: `lesson:${id}`,
    });
    return {
      ...world,
      lena: await as(apprentice),
      sources: {
        wednesday: `lesson:${wednesday}`,
        mondayAtNight: `lesson:${mondayAtNight}`,
        sundayAtNight: `lesson:${sundayAtNight}`,
        school: `lesson:${schoolLesson}`,
      },
      expected: {
        mondayAtNight: lesson(mondayAtNight, "Lektion 1.2", library.course.title, "instruction", 0),
        wednesday: lesson(wednesday, "Lektion 1.1", library.course.title, "instruction", 2),
        school: lesson(schoolLesson, "Lektion 1.1", schoolCourse.course.title, "school", 3),
        sundayAtNight: lesson(sundayAtNight, "Lektion 1.3", library.course.title, "instruction", null),
      },
    };
  }

  test("a library course's lesson is proposed under Unterweisungen, a school's under Berufsschule, by German days", async () => {
    const { id, lena, expected } = await scenario();
    const page = await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" });
    expect(page.proposals).toEqual([expected.mondayAtNight, expected.wednesday, expected.school]);
    expect(page.stored).toBe(false);
    expect(page.content.lines).toEqual([]);
    // Opening the page wrote nothing.
    expect(await rowsOf(id)).toEqual([]);
  });

  test("a lesson finished on Sunday is proposed for its week, without a day the sheet does not have", async () => {
    const { id, lena, expected } = await scenario();
    const page = await weekPage(lena, { apprenticeshipId: id, week: "2026-W48" });
    expect(page.proposals).toEqual([expected.sundayAtNight]);
  });

  test("accepting takes a line in, dismissing drops it for good, and nothing else is taken", async () => {
    const { w, id, lena, as, sources, expected } = await scenario();
    const page = await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" });
    const save = (
      revision: number,
      content: RecordContent,
      change: { accept?: string[] | "all"; dismiss?: string[] },
    ) =>
      saveWeek(lena, {
        apprenticeshipId: id,
        monday: "2026-11-30",
        revision,
        content,
        accept: change.accept ?? [],
        dismiss: change.dismiss ?? [],
        submit: false,
      });
    const { kind: _kind, ...acceptedLine } = expected.wednesday;

    expect(await save(0, page.content, { accept: [sources.wednesday] })).toMatchObject({ ok: true, revision: 1 });
    let week = await storedWeek(db, id, "2026-11-30");
    expect(week.content.lines).toEqual([acceptedLine]);
    expect(week.content.days).toEqual(page.content.days);
    expect((await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" })).proposals).toEqual([
      expected.mondayAtNight,
      expected.school,
    ]);

    expect(await save(1, week.content, { dismiss: [sources.school] })).toMatchObject({ ok: true, revision: 2 });
    week = await storedWeek(db, id, "2026-11-30");
    expect(week.dismissed).toEqual([sources.school]);
    expect(week.content.lines).toEqual([acceptedLine]);
    expect((await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" })).proposals).toEqual([
      expected.mondayAtNight,
    ]);

    // Not open proposals: already in the week, another week's, made up. None is taken in.
    const notOpen = [sources.wednesday, sources.sundayAtNight, `lesson:${randomUUID()}`];
    expect(await save(2, week.content, { accept: notOpen })).toMatchObject({ ok: true, revision: 3 });
    week = await storedWeek(db, id, "2026-11-30");
    expect(week.content.lines).toEqual([acceptedLine]);

    // "Take all" takes what is still open, not what was dropped.
    expect(await save(3, week.content, { accept: "all" })).toMatchObject({ ok: true, revision: 4 });
    const { kind: _k, ...mondayLine } = expected.mondayAtNight;
    expect((await storedWeek(db, id, "2026-11-30")).content.lines).toEqual([acceptedLine, mondayLine]);
    expect((await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" })).proposals).toEqual([]);

    // The trainer and the teacher are offered nothing to take in.
    for (const reader of [w.people.trainer, w.people.teacher]) {
      expect((await weekPage(await as(reader), { apprenticeshipId: id, week: "2026-W48" })).proposals).toEqual([]);
    }
    expect(await rowsOf(id)).toHaveLength(1);
  });

  test("a week is proposed nothing once it is submitted", async () => {
    const { id, lena } = await scenario();
    const page = await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" });
    await saveWeek(lena, {
      apprenticeshipId: id,
      monday: "2026-11-30",
      revision: 0,
      content: page.content,
      accept: [],
      dismiss: [],
      submit: true,
    });
    expect((await weekPage(lena, { apprenticeshipId: id, week: "2026-W49" })).proposals).toEqual([]);
  });
});

describe("the days a week asks for", () => {
  test("the first week asks only for the days of the contract: it starts on a Friday", async () => {
    const { w, id, as } = await recordWorld(db, IN_JANUARY);
    const lena = await as(w.people.apprentice);
    // The world's apprenticeship starts on Friday 1 August 2025 (ISO week 31).
    const page = await weekPage(lena, { apprenticeshipId: id, week: "2025-W31" });
    expect(page.warnings.filter((warning) => warning.kind === "dayWithoutEntry")).toEqual([
      { kind: "dayWithoutEntry", day: 4 },
    ]);
  });
});
