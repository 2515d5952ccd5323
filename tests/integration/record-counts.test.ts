/**
 * The trainer's counts per apprenticeship: weeks waiting for approval, and weeks missing (ended
 * weeks since the start without a submitted or approved sheet), at fixed times.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apprenticeships } from "#db/schema/index.ts";
import { recordOverview } from "#app/modules/records/overview.server.ts";
import { recordCounts } from "#app/modules/records/queue.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import { dueWeeks } from "#app/modules/records/week-dates.ts";
import { createApprenticeship, createMember, ctxFor } from "#tests/factories/index.ts";
import {
  apprenticeshipIdOf,
  filledWeek,
  RECORD_NOW,
  recordWorld,
  reviewCurrent,
  submitWeek,
} from "#tests/factories/records.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

/** A new apprentice of the world's company whose apprenticeship starts on `startsOn`. */
async function newApprentice(w: Awaited<ReturnType<typeof recordWorld>>["w"], startsOn: string) {
  const person = await createMember(db, w.company.id, "apprentice");
  await createApprenticeship(db, {
    apprenticeId: person.id,
    companyId: w.company.id,
    trainerId: w.people.trainer.id,
    startsOn,
  });
  return { person, id: await apprenticeshipIdOf(db, person.id) };
}

describe("recordCounts", () => {
  test("counts ended weeks from the start's week: drafts and empty weeks are missing, submitted ones waiting", async () => {
    const { w } = await recordWorld(db);
    // Starts on a Wednesday: the week of Monday 2 Nov is its first.
    const { person, id } = await newApprentice(w, "2026-11-04");
    const nina = await ctxFor(db, person.id, RECORD_NOW);
    const thomas = await ctxFor(db, w.people.trainer.id, RECORD_NOW);
    await submitWeek(nina, id, "2026-11-02");
    await reviewCurrent(thomas, id, "2026-11-02", "approve");
    await submitWeek(nina, id, "2026-11-09");
    const draft = { apprenticeshipId: id, monday: "2026-11-16", revision: 0, content: filledWeek() };
    await saveWeek(nina, { ...draft, accept: [], dismiss: [], submit: false });
    // 23 Nov: nothing. 30 Nov: the running week, submitted early.
    await submitWeek(nina, id, "2026-11-30");

    const countsAt = async (now: Date) =>
      recordCounts(await ctxFor(db, w.people.trainer.id, now), { apprenticeIds: [person.id] });
    expect(dueWeeks("2026-11-04", "2028-07-31", "2026-12-04")).toHaveLength(4);
    expect(await countsAt(RECORD_NOW)).toEqual([
      {
        apprenticeshipId: id,
        apprenticeId: person.id,
        firstMonday: "2026-11-02",
        endsOn: "2028-07-31",
        waiting: 2,
        returned: 0,
        missing: 2,
      },
    ]);
    // The overview of the record counts the same.
    expect((await recordOverview(thomas, { apprenticeshipId: id })).counts).toEqual({
      approved: 1,
      submitted: 2,
      returned: 0,
      missing: 2,
    });

    // Sunday 13 Dec, 23:30 in Germany: the week of 7 Dec has not ended yet.
    expect(await countsAt(new Date("2026-12-13T22:30:00Z"))).toMatchObject([{ waiting: 2, missing: 2 }]);
    // Half an hour later it is Monday in Germany (still Sunday in UTC): that week is missing now.
    expect(await countsAt(new Date("2026-12-13T23:30:00Z"))).toMatchObject([{ waiting: 2, missing: 3 }]);

    // A returned week is the apprentice's draft again: returned, no longer waiting (and, as on
    // the record page, not counted missing as well).
    await reviewCurrent(thomas, id, "2026-11-09", "return", "Bitte die Berufsschule eintragen.");
    expect(await countsAt(RECORD_NOW)).toMatchObject([{ waiting: 1, returned: 1, missing: 2 }]);
    // Her own counts (home page) agree.
    expect(await recordCounts(nina, { own: true })).toMatchObject([{ apprenticeshipId: id, returned: 1, missing: 2 }]);
  });

  test("one row per apprenticeship the trainer follows; nothing is due before the first week has ended", async () => {
    const { w, id } = await recordWorld(db);
    const early = await newApprentice(w, "2026-12-01");
    const future = await newApprentice(w, "2027-08-01");
    const rows = await recordCounts(await ctxFor(db, w.people.trainer.id, RECORD_NOW));
    const byId = new Map(rows.map((row) => [row.apprenticeshipId, row]));
    expect([...byId.keys()].sort()).toEqual([id, early.id, future.id].sort());
    // The world's apprenticeship started on 1 Aug 2025: 70 ended weeks, none written.
    expect(byId.get(id)).toMatchObject({ waiting: 0, missing: 70 });
    expect(dueWeeks("2025-08-01", "2028-07-31", "2026-12-04")).toHaveLength(70);
    expect(byId.get(early.id)).toMatchObject({ waiting: 0, missing: 0 });
    expect(byId.get(future.id)).toMatchObject({ waiting: 0, missing: 0 });
    expect(await recordCounts(await ctxFor(db, w.people.trainer.id, RECORD_NOW), { apprenticeIds: [] })).toEqual([]);
  });

  test("an ended apprenticeship counts only up to its last day", async () => {
    const { w } = await recordWorld(db);
    const { person, id } = await newApprentice(w, "2026-11-04");
    await db.update(apprenticeships).set({ actualEndOn: "2026-11-18" }).where(eq(apprenticeships.id, id));
    await submitWeek(await ctxFor(db, person.id, RECORD_NOW), id, "2026-11-09");
    const [row] = await recordCounts(await ctxFor(db, w.people.trainer.id, RECORD_NOW), { apprenticeIds: [person.id] });
    // Weeks of 2, 9 and 16 Nov; the one of 9 Nov waits.
    expect(row).toMatchObject({ waiting: 1, missing: 2 });
    expect(dueWeeks("2026-11-04", "2026-11-18", "2026-12-04")).toHaveLength(3);
  });
});
