/**
 * Who may review a Berichtsheft week and who sees it at all: only the company's trainers review,
 * never the apprentice herself; admins read; teachers read the days and the school part; other
 * companies get "not found" and see nothing in their lists.
 */
import { describe, expect, test } from "vitest";
import { memberships } from "#db/schema/index.ts";
import { recordOverview } from "#app/modules/records/overview.server.ts";
import { approvalQueue, recordCounts } from "#app/modules/records/queue.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import { weekPage } from "#app/modules/records/week-page.server.ts";
import { findWeek } from "#app/modules/records/week-row.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { createApprenticeship, createMember } from "#tests/factories/index.ts";
import {
  apprenticeshipIdOf,
  draftInput,
  filledWeek,
  recordWorld,
  reviewCurrent,
  storedWeek,
  submitWeek,
} from "#tests/factories/records.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

const W48 = { key: "2026-W48", monday: "2026-11-23" };
const W49 = { key: "2026-W49", monday: "2026-11-30" };

describe("who may review", () => {
  test("an apprentice never approves her own week, even as a trainer of the same company", async () => {
    const { w, id, as } = await recordWorld(db);
    await db
      .insert(memberships)
      .values({ userId: w.people.apprentice.id, organizationId: w.company.id, role: "trainer" });
    const lena = await as(w.people.apprentice);
    expect(lena.actor.memberships.map((m) => m.role).sort()).toEqual(["apprentice", "trainer"]);
    await submitWeek(lena, id, W48.monday);

    for (const action of ["approve", "return"] as const) {
      await expect(reviewCurrent(lena, id, W48.monday, action, "Passt.")).rejects.toThrow(NotFoundError);
    }
    expect(await approvalQueue(lena)).toEqual([]);
    expect((await weekPage(lena, { apprenticeshipId: id, week: W48.key })).can).toMatchObject({
      approve: false,
      returnWeek: false,
    });
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ status: "submitted", revision: 1 });

    // As a trainer she does review another apprentice of the company.
    const jonas = await createMember(db, w.company.id, "apprentice");
    await createApprenticeship(db, { apprenticeId: jonas.id, companyId: w.company.id, trainerId: w.people.trainer.id });
    const jonasRecord = await apprenticeshipIdOf(db, jonas.id);
    await submitWeek(await as(jonas), jonasRecord, W48.monday);
    expect((await approvalQueue(lena)).map((week) => week.apprenticeshipId)).toEqual([jonasRecord]);
    expect(await reviewCurrent(lena, jonasRecord, W48.monday, "approve")).toEqual({ ok: true, changed: true });
  });

  test("a company admin who is no trainer reads the week but cannot review or write it", async () => {
    const { w, id, as } = await recordWorld(db);
    await submitWeek(await as(w.people.apprentice), id, W48.monday);
    const admin = await as(w.people.admin);
    const page = await weekPage(admin, { apprenticeshipId: id, week: W48.key });
    expect(page).toMatchObject({ status: "submitted", can: { approve: false, edit: false, schoolOnly: false } });
    expect(page.content).toEqual(filledWeek());
    await expect(reviewCurrent(admin, id, W48.monday, "approve")).rejects.toThrow(NotFoundError);
    await expect(reviewCurrent(admin, id, W48.monday, "return", "Bitte ergänzen.")).rejects.toThrow(NotFoundError);
    await expect(saveWeek(admin, draftInput(id, W49.monday, 0))).rejects.toThrow(NotFoundError);
    expect(await approvalQueue(admin)).toEqual([]);
    // The counts are the company's view, admins included.
    expect((await recordCounts(admin)).map((row) => row.apprenticeshipId)).toEqual([id]);
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ status: "submitted", revision: 1 });
  });
});

describe("who sees a week", () => {
  test("another company's people get 'not found' for everything and see nothing in their lists", async () => {
    const { w, id, as } = await recordWorld(db);
    await submitWeek(await as(w.people.apprentice), id, W48.monday);
    await reviewCurrent(await as(w.people.trainer), id, W48.monday, "approve");
    await submitWeek(await as(w.people.apprentice), id, W49.monday);

    const outsiders = [w.people.otherTrainer, w.people.otherAdmin, w.people.otherApprentice, w.people.otherTeacher];
    for (const outsider of outsiders) {
      const ctx = await as(outsider);
      await expect(weekPage(ctx, { apprenticeshipId: id, week: W49.key })).rejects.toThrow(NotFoundError);
      await expect(recordOverview(ctx, { apprenticeshipId: id })).rejects.toThrow(NotFoundError);
      await expect(saveWeek(ctx, draftInput(id, "2026-11-16", 0))).rejects.toThrow(NotFoundError);
      await expect(reviewCurrent(ctx, id, W49.monday, "approve")).rejects.toThrow(NotFoundError);
      await expect(reviewCurrent(ctx, id, W49.monday, "return", "Nein.")).rejects.toThrow(NotFoundError);
      await expect(reviewCurrent(ctx, id, W48.monday, "reopen", "Nein.")).rejects.toThrow(NotFoundError);
    }
    const other = await as(w.people.otherTrainer);
    expect((await approvalQueue(other)).map((week) => week.apprenticeshipId)).not.toContain(id);
    expect((await recordCounts(other)).map((row) => row.apprenticeshipId)).not.toContain(id);
    expect(await recordCounts(other, { apprenticeIds: [w.people.apprentice.id] })).toEqual([]);
    expect(await storedWeek(db, id, W49.monday)).toMatchObject({ status: "submitted", revision: 1 });
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ status: "approved" });
    expect(await findWeek(db, id, "2026-11-16")).toBeUndefined();
  });

  test("the teacher of her class sees the days and the school lines only, no history, and cannot review", async () => {
    const { w, id, as } = await recordWorld(db);
    await submitWeek(await as(w.people.apprentice), id, W48.monday);
    await reviewCurrent(await as(w.people.trainer), id, W48.monday, "return", "Geheimer Kommentar des Betriebs");
    const teacher = await as(w.people.teacher);

    const page = await weekPage(teacher, { apprenticeshipId: id, week: W48.key });
    expect(page.content.days).toEqual(filledWeek().days);
    expect(page.content.lines.length).toBeGreaterThan(0);
    expect(page.content.lines.every((line) => line.section === "school")).toBe(true);
    expect(page).toMatchObject({
      history: [],
      returnComment: null,
      warnings: [],
      proposals: [],
      nextWaiting: null,
      can: { schoolOnly: true, edit: false, approve: false, returnWeek: false, reopen: false, exportPdf: false },
    });
    const seen = JSON.stringify(page);
    expect(seen).not.toContain("Türrahmen");
    expect(seen).not.toContain("Formatkreissäge");
    expect(seen).not.toContain("Geheimer Kommentar");

    await submitWeek(await as(w.people.apprentice), id, W48.monday);
    await expect(reviewCurrent(teacher, id, W48.monday, "approve")).rejects.toThrow(NotFoundError);
    await expect(saveWeek(teacher, draftInput(id, W49.monday, 0))).rejects.toThrow(NotFoundError);
    expect(await approvalQueue(teacher)).toEqual([]);
    expect(await recordCounts(teacher)).toEqual([]);
    expect((await recordOverview(teacher, { apprenticeshipId: id })).schoolOnly).toBe(true);
  });
});
