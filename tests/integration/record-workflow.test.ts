/**
 * The Berichtsheft's workflow: draft → submitted → returned or approved (→ reopened), each step
 * and its refusals. Who else may act: record-access.test.ts. Every context runs at a fixed time
 * in week 49 of 2026.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apprenticeships, memberships } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { recordOverview } from "#app/modules/records/overview.server.ts";
import { approvalQueue } from "#app/modules/records/queue.server.ts";
import { reviewWeek } from "#app/modules/records/review-week.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import { firstBrokenWeek, verifyRecords } from "#app/modules/records/verify.server.ts";
import { weekPage } from "#app/modules/records/week-page.server.ts";
import { findWeek } from "#app/modules/records/week-row.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import {
  draftInput,
  eventsOf,
  filledWeek,
  RECORD_NOW,
  recordWorld,
  reviewCurrent,
  storedWeek,
  submitWeek,
} from "#tests/factories/records.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

const W48 = { key: "2026-W48", monday: "2026-11-23" };
const W49 = { key: "2026-W49", monday: "2026-11-30" };
/** Later fixed times on the same day, so the history has an order. */
const minutesLater = (minutes: number) => new Date(RECORD_NOW.getTime() + minutes * 60_000);
const ctxAt = (ctx: Ctx, minutes: number): Ctx => ({ ...ctx, now: minutesLater(minutes) });

describe("the apprentice writes and submits", () => {
  test("a draft is saved from revision 0, a stale revision is refused, a submit writes one event", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);

    const fresh = await weekPage(lena, { apprenticeshipId: id, week: W48.key });
    expect(fresh).toMatchObject({ stored: false, status: "draft", revision: 0, can: { edit: true, approve: false } });

    expect(await saveWeek(lena, draftInput(id, W48.monday, 0))).toEqual({
      ok: true,
      revision: 1,
      status: "draft",
      changed: true,
    });
    // An autosave answering the page from before the first save.
    expect(await saveWeek(lena, draftInput(id, W48.monday, 0))).toEqual({ ok: false, reason: "stale", revision: 1 });
    expect((await storedWeek(db, id, W48.monday)).content).toEqual(filledWeek());
    expect(await eventsOf(db, (await storedWeek(db, id, W48.monday)).id)).toEqual([]);

    expect(await saveWeek(lena, draftInput(id, W48.monday, 1, true))).toEqual({
      ok: true,
      revision: 2,
      status: "submitted",
      changed: true,
    });
    const week = await storedWeek(db, id, W48.monday);
    expect(week).toMatchObject({ status: "submitted", revision: 2, submittedAt: RECORD_NOW });
    const events = await eventsOf(db, week.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "submitted",
      actorId: w.people.apprentice.id,
      actorName: w.people.apprentice.name,
      at: RECORD_NOW,
      contentHash: null,
    });
  });

  test("the same submit twice counts once; a submitted week is locked for the apprentice", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);
    await saveWeek(lena, draftInput(id, W48.monday, 0));
    const submit = draftInput(id, W48.monday, 1, true);
    expect(await saveWeek(lena, submit)).toMatchObject({ ok: true, revision: 2, changed: true });
    expect(await saveWeek(lena, submit)).toEqual({ ok: true, revision: 2, status: "submitted", changed: false });
    // From a second tab with other text it is no repeat: refused, never silently dropped.
    expect(await saveWeek(lena, { ...submit, content: filledWeek("aus dem zweiten Tab") })).toEqual({
      ok: false,
      reason: "locked",
      status: "submitted",
    });
    const week = await storedWeek(db, id, W48.monday);
    expect((await eventsOf(db, week.id)).map((e) => e.action)).toEqual(["submitted"]);

    // Editing it now, from the current or an old revision, is refused and changes nothing.
    const edit = { ...draftInput(id, W48.monday, 2), content: filledWeek("nachträglich geändert") };
    expect(await saveWeek(lena, edit)).toEqual({ ok: false, reason: "locked", status: "submitted" });
    expect(await saveWeek(lena, { ...edit, revision: 0 })).toEqual({
      ok: false,
      reason: "locked",
      status: "submitted",
    });
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ revision: 2, content: filledWeek() });
    expect(await weekPage(lena, { apprenticeshipId: id, week: W48.key })).toMatchObject({
      status: "submitted",
      can: { edit: false },
      submittedAt: RECORD_NOW.toISOString(),
    });
  });

  test("weeks outside the record are not found: before the start, in the future, a key that names no week", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);
    // The world's apprenticeship starts on Friday 1 Aug 2025: its first week starts on 28 Jul.
    expect(await saveWeek(lena, draftInput(id, "2025-07-28", 0))).toMatchObject({ ok: true });
    await expect(saveWeek(lena, draftInput(id, "2025-07-21", 0))).rejects.toThrow(NotFoundError);
    await expect(saveWeek(lena, draftInput(id, "2026-12-07", 0))).rejects.toThrow(NotFoundError);
    await expect(weekPage(lena, { apprenticeshipId: id, week: "2026-W50" })).rejects.toThrow(NotFoundError);
    await expect(weekPage(lena, { apprenticeshipId: id, week: "2026-W99" })).rejects.toThrow(NotFoundError);
    await expect(weekPage(lena, { apprenticeshipId: id, week: "2025-W30" })).rejects.toThrow(NotFoundError);
    // A day that is no Monday names no sheet (a typed or forged form field).
    for (const notMonday of ["2026-11-24", "2026-11-29", "2026-02-30", "30.11.2026"]) {
      await expect(saveWeek(lena, draftInput(id, notMonday, 0))).rejects.toThrow(NotFoundError);
    }
    expect(await findWeek(db, id, "2026-11-23")).toBeUndefined();
  });

  test("after she leaves, the weeks up to her last day are still hers to finish and the old company's to approve; none after", async () => {
    const { w, id, as } = await recordWorld(db);
    await submitWeek(await as(w.people.apprentice), id, W48.monday);
    // A change of company: the last day is Friday of W48, and she is signed out of the company.
    await db.update(apprenticeships).set({ actualEndOn: "2026-11-27" }).where(eq(apprenticeships.id, id));
    await db
      .update(memberships)
      .set({ deactivatedAt: RECORD_NOW })
      .where(and(eq(memberships.userId, w.people.apprentice.id), eq(memberships.organizationId, w.company.id)));
    const lena = await as(w.people.apprentice);
    expect(await weekPage(lena, { apprenticeshipId: id, week: W48.key })).toMatchObject({
      status: "submitted",
      content: filledWeek(),
      can: { edit: false },
    });
    // W47 is hers to write and submit still; W49 lies after her last day: no such week.
    expect(await saveWeek(lena, draftInput(id, "2026-11-16", 0, true))).toMatchObject({
      ok: true,
      status: "submitted",
    });
    await expect(saveWeek(lena, draftInput(id, W49.monday, 0))).rejects.toThrow(NotFoundError);
    await expect(weekPage(lena, { apprenticeshipId: id, week: W49.key })).rejects.toThrow(NotFoundError);
    // The old trainer approves what is waiting, as the law asks of the company.
    const thomas = await as(w.people.trainer);
    expect((await approvalQueue(thomas)).map((week) => week.weekStart).sort()).toEqual(["2026-11-16", W48.monday]);
    const page = await weekPage(thomas, { apprenticeshipId: id, week: W48.key });
    expect(
      await reviewWeek(thomas, {
        apprenticeshipId: id,
        monday: W48.monday,
        revision: page.revision,
        action: "approve",
        comment: "",
      }),
    ).toEqual({
      ok: true,
      changed: true,
    });
    await expect(weekPage(thomas, { apprenticeshipId: id, week: W49.key })).rejects.toThrow(NotFoundError);
  });
});

describe("the trainer reviews", () => {
  test("returns with a required comment; the apprentice fixes and resubmits; approval seals the week once", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);
    const thomas = await as(w.people.trainer, minutesLater(10));
    await submitWeek(lena, id, W48.monday);

    expect(await approvalQueue(thomas)).toEqual([
      expect.objectContaining({ apprenticeshipId: id, weekStart: W48.monday, week: W48.key }),
    ]);
    for (const comment of ["", "   \n "]) {
      expect(await reviewCurrent(thomas, id, W48.monday, "return", comment)).toEqual({
        ok: false,
        reason: "reasonMissing",
      });
    }
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ status: "submitted", revision: 1 });

    const comment = "Bitte die Stunden vom Mittwoch ergänzen.";
    expect(await reviewCurrent(thomas, id, W48.monday, "return", `  ${comment} `)).toEqual({ ok: true, changed: true });
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({
      status: "draft",
      revision: 2,
      returnComment: comment,
    });
    expect(await approvalQueue(thomas)).toEqual([]);
    const returned = await weekPage(lena, { apprenticeshipId: id, week: W48.key });
    expect(returned).toMatchObject({ status: "draft", returnComment: comment, can: { edit: true } });
    expect(returned.history.map((e) => [e.action, e.comment])).toEqual([
      ["submitted", null],
      ["returned", comment],
    ]);

    const fixed = filledWeek("Türrahmen gehobelt, Mittwoch Berufsschule");
    await submitWeek(await as(w.people.apprentice, minutesLater(20)), id, W48.monday, fixed);
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({
      status: "submitted",
      revision: 3,
      returnComment: null,
    });

    // A trainer never approves a version they did not read.
    const approver = await as(w.people.trainer, minutesLater(30));
    const approve = { apprenticeshipId: id, monday: W48.monday, action: "approve", comment: "" } as const;
    expect(await reviewWeek(approver, { ...approve, revision: 2 })).toEqual({ ok: false, reason: "stale" });
    expect(await reviewWeek(approver, { ...approve, revision: 3 })).toEqual({ ok: true, changed: true });
    // The second tap of the same approval.
    expect(await reviewWeek(approver, { ...approve, revision: 3 })).toEqual({ ok: true, changed: false });

    const approved = await storedWeek(db, id, W48.monday);
    expect(approved).toMatchObject({
      status: "approved",
      revision: 4,
      approvedBy: w.people.trainer.id,
      approvedAt: minutesLater(30),
      content: fixed,
    });
    expect(approved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const events = await eventsOf(db, approved.id);
    expect(events.map((e) => e.action)).toEqual(["submitted", "returned", "submitted", "approved"]);
    expect(events[3]).toMatchObject({
      chainId: id,
      chainPosition: 1,
      previousHash: null,
      contentHash: approved.contentHash,
      actorName: w.people.trainer.name,
      snapshot: expect.objectContaining({ weekStart: W48.monday, content: fixed, approverName: w.people.trainer.name }),
    });

    // Final for the apprentice, whatever revision her page had.
    for (const revision of [0, 3, 4]) {
      expect(await saveWeek(lena, { ...draftInput(id, W48.monday, revision), submit: revision === 3 })).toEqual({
        ok: false,
        reason: "locked",
        status: "approved",
      });
    }
    expect(await weekPage(lena, { apprenticeshipId: id, week: W48.key })).toMatchObject({
      status: "approved",
      can: { edit: false },
      approval: { hash: approved.contentHash, byName: w.people.trainer.name, at: minutesLater(30).toISOString() },
    });
  });

  test("approvals chain: the next approved week points to the one before", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);
    const thomas = await as(w.people.trainer);
    await submitWeek(lena, id, W48.monday);
    await submitWeek(lena, id, W49.monday, filledWeek("Fenster eingebaut"));

    // The queue lists the older week first and leads on to the next one.
    expect((await approvalQueue(thomas)).map((week) => week.week)).toEqual([W48.key, W49.key]);
    const page = await weekPage(thomas, { apprenticeshipId: id, week: W48.key });
    expect(page.can).toMatchObject({ approve: true, returnWeek: true, edit: false });
    expect(page.nextWaiting).toMatchObject({ apprenticeshipId: id, week: W49.key });

    await reviewCurrent(thomas, id, W48.monday, "approve");
    await reviewCurrent(ctxAt(thomas, 1), id, W49.monday, "approve");
    const first = await storedWeek(db, id, W48.monday);
    const second = await storedWeek(db, id, W49.monday);
    const link = (await eventsOf(db, second.id)).find((e) => e.action === "approved");
    expect(link).toMatchObject({ chainPosition: 2, previousHash: first.contentHash, contentHash: second.contentHash });
    expect(second.contentHash).not.toBe(first.contentHash);
    expect(await verifyRecords(db, [id])).toEqual([
      { apprenticeshipId: id, chainId: id, result: { ok: true, approvals: 2 } },
    ]);
  });

  test("approve and return act only on a submitted week", async () => {
    const { w, id, as } = await recordWorld(db);
    const thomas = await as(w.people.trainer);
    const nothing = { apprenticeshipId: id, monday: W48.monday, revision: 0, action: "approve", comment: "" } as const;
    expect(await reviewWeek(thomas, nothing)).toEqual({ ok: false, reason: "wrongState" });
    await saveWeek(await as(w.people.apprentice), draftInput(id, W48.monday, 0));
    expect(await reviewCurrent(thomas, id, W48.monday, "approve")).toEqual({ ok: false, reason: "wrongState" });
    expect(await reviewCurrent(thomas, id, W48.monday, "return", "Warum?")).toEqual({
      ok: false,
      reason: "wrongState",
    });
    expect(await reviewCurrent(thomas, id, W48.monday, "reopen", "Warum?")).toEqual({
      ok: false,
      reason: "wrongState",
    });
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ status: "draft", revision: 1 });
  });

  test("reopening needs a reason, is kept in the history, and after approving again the chain still verifies", async () => {
    const { w, id, as } = await recordWorld(db);
    const lena = await as(w.people.apprentice);
    const thomas = await as(w.people.trainer);
    await submitWeek(lena, id, W48.monday);
    await reviewCurrent(ctxAt(thomas, 1), id, W48.monday, "approve");
    await submitWeek(ctxAt(lena, 2), id, W49.monday, filledWeek("Fenster eingebaut"));
    await reviewCurrent(ctxAt(thomas, 3), id, W49.monday, "approve");
    const sealed = await storedWeek(db, id, W48.monday);

    expect(await reviewCurrent(thomas, id, W48.monday, "reopen", " ")).toEqual({ ok: false, reason: "reasonMissing" });
    expect(await storedWeek(db, id, W48.monday)).toMatchObject({ status: "approved", contentHash: sealed.contentHash });

    const reason = "Der Mittwoch war Berufsschule, nicht Betrieb.";
    const reopener = ctxAt(thomas, 10);
    const reopen = {
      apprenticeshipId: id,
      monday: W48.monday,
      revision: sealed.revision,
      action: "reopen",
      comment: reason,
    } as const;
    expect(await reviewWeek(reopener, reopen)).toEqual({ ok: true, changed: true });
    expect(await reviewWeek(reopener, reopen)).toEqual({ ok: true, changed: false });
    const reopened = await storedWeek(db, id, W48.monday);
    expect(reopened).toMatchObject({
      status: "draft",
      contentHash: null,
      approvedAt: null,
      approvedBy: null,
      returnComment: reason,
      content: sealed.content,
    });
    const history = await eventsOf(db, reopened.id);
    expect(history.map((e) => e.action)).toEqual(["submitted", "approved", "reopened"]);
    expect(history[2]).toMatchObject({ comment: reason, actorName: w.people.trainer.name, contentHash: null });
    // The remaining approved week still verifies.
    expect((await firstBrokenWeek(db, id)).broken).toBeNull();

    const corrected = filledWeek("Korrigiert: Mittwoch Berufsschule");
    await submitWeek(await as(w.people.apprentice, minutesLater(20)), id, W48.monday, corrected);
    expect(await reviewCurrent(ctxAt(thomas, 30), id, W48.monday, "approve")).toEqual({ ok: true, changed: true });
    const again = await storedWeek(db, id, W48.monday);
    const w49 = await storedWeek(db, id, W49.monday);
    const link = (await eventsOf(db, again.id)).filter((e) => e.action === "approved");
    expect(link.map((e) => e.chainPosition)).toEqual([1, 3]);
    expect(link[1]).toMatchObject({ previousHash: w49.contentHash, contentHash: again.contentHash });
    expect(again.content).toEqual(corrected);

    expect(await verifyRecords(db, [id])).toEqual([
      { apprenticeshipId: id, chainId: id, result: { ok: true, approvals: 3 } },
    ]);
    expect(await firstBrokenWeek(db, id)).toEqual({ approvals: 3, broken: null });
    const overview = await recordOverview(thomas, { apprenticeshipId: id });
    expect(overview.chain).toEqual({ approvals: 3, broken: null });
    expect(overview.weeks.find((week) => week.monday === W48.monday)?.state).toBe("approved");
  });
});
