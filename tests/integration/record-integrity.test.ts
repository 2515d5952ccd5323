/**
 * Approved weeks are final in the database itself, whatever statement reaches it, and the chain
 * check names a week that was changed behind the triggers' back.
 */
import { eq, type SQL, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { recordEvents, recordWeeks } from "#db/schema/index.ts";
import { approvalHash } from "#app/modules/records/chain.server.ts";
import { recordOverview } from "#app/modules/records/overview.server.ts";
import { firstBrokenWeek, verifyRecords } from "#app/modules/records/verify.server.ts";
import {
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

const MONDAYS = ["2026-11-09", "2026-11-16", "2026-11-23"] as const;
const later = (minutes: number) => new Date(RECORD_NOW.getTime() + minutes * 60_000);

/** A record with three approved weeks (a chain of three) and one submitted week. */
async function approvedRecord() {
  const { w, id, as } = await recordWorld(db);
  for (const [i, monday] of MONDAYS.entries()) {
    await submitWeek(await as(w.people.apprentice, later(2 * i)), id, monday, filledWeek(`Arbeit der Woche ${monday}`));
    await reviewCurrent(await as(w.people.trainer, later(2 * i + 1)), id, monday, "approve");
  }
  await submitWeek(await as(w.people.apprentice, later(10)), id, "2026-11-30");
  expect(await verifyRecords(db, [id])).toEqual([
    { apprenticeshipId: id, chainId: id, result: { ok: true, approvals: 3 } },
  ]);
  const weeks = await Promise.all(MONDAYS.map((monday) => storedWeek(db, id, monday)));
  return { w, id, as, weeks: weeks as [(typeof weeks)[0], (typeof weeks)[0], (typeof weeks)[0]] };
}

/** The statement fails, and the database's own reason (the trigger's message) matches. */
async function expectRefused(statement: Promise<unknown>, reason: RegExp) {
  const error: unknown = await statement.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the statement went through").toBeInstanceOf(Error);
  const cause = (error as Error).cause;
  expect(cause instanceof Error ? cause.message : (error as Error).message).toMatch(reason);
}

/** Runs `change` with one trigger switched off, in one transaction (nobody else sees it off). */
async function behindTheTrigger(table: "record_weeks" | "record_events", trigger: string, change: SQL) {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`));
    await tx.execute(change);
    await tx.execute(sql.raw(`alter table ${table} enable trigger ${trigger}`));
  });
}

describe("the database keeps approved weeks final", () => {
  test("refuses to change an approved week's content, hash or dates, and to delete it", async () => {
    const { weeks } = await approvedRecord();
    const week = weeks[1];
    const statements = [
      sql`update record_weeks set content = ${JSON.stringify(filledWeek("gefälscht"))}::jsonb where id = ${week.id}`,
      sql`update record_weeks set content = jsonb_set(content, '{lines,0,hours}', '40') where id = ${week.id}`,
      sql`update record_weeks set content_hash = ${"0".repeat(64)} where id = ${week.id}`,
      sql`update record_weeks set approved_at = approved_at - interval '1 day' where id = ${week.id}`,
      sql`update record_weeks set submitted_at = submitted_at - interval '1 day' where id = ${week.id}`,
      sql`update record_weeks set week_start = '2026-11-02' where id = ${week.id}`,
      sql`update record_weeks set approved_by = ${week.apprenticeshipId} where id = ${week.id}`,
      // Back to "submitted" (as if never approved), and then free to change: refused.
      sql`update record_weeks set status = 'submitted', content_hash = null, approved_at = null where id = ${week.id}`,
      // Back to draft, but with other content in the same statement.
      sql`update record_weeks set status = 'draft', content_hash = null, approved_at = null, approved_by = null,
        content = ${JSON.stringify(filledWeek("gefälscht"))}::jsonb where id = ${week.id}`,
    ];
    for (const statement of statements) {
      await expectRefused(db.execute(statement), /approved and cannot be changed/);
    }
    await expectRefused(
      db.execute(sql`delete from record_weeks where id = ${week.id}`),
      /approved and cannot be deleted/,
    );
    expect(await storedWeek(db, week.apprenticeshipId, week.weekStart)).toEqual(week);
  });

  test("refuses to change or delete any event of the history", async () => {
    const { weeks } = await approvedRecord();
    const [submitted, approved] = await eventsOf(db, weeks[0].id);
    if (!submitted || !approved) throw new Error("no history");
    for (const statement of [
      sql`update record_events set comment = 'nachträglich' where id = ${submitted.id}`,
      sql`update record_events set at = at - interval '1 day' where id = ${submitted.id}`,
      sql`update record_events set snapshot = '{}'::jsonb where id = ${approved.id}`,
      sql`update record_events set actor_name = 'Jemand anderes' where id = ${approved.id}`,
      sql`delete from record_events where id = ${submitted.id}`,
    ]) {
      await expectRefused(db.execute(statement), /history of a record week cannot be changed/);
    }
    expect(await eventsOf(db, weeks[0].id)).toEqual([submitted, approved]);
  });

  test("lets a reopen through only with its reason in the history: back to draft, content untouched", async () => {
    const { weeks, w } = await approvedRecord();
    const week = weeks[2];
    const reopen = sql`update record_weeks set status = 'draft', content_hash = null, approved_at = null,
      approved_by = null, return_comment = 'Bitte korrigieren', revision = revision + 1 where id = ${week.id}`;
    await expectRefused(db.execute(reopen), /only be reopened with a reason/);
    await db.insert(recordEvents).values({
      weekId: week.id,
      actorId: w.people.trainer.id,
      actorName: "Thomas",
      action: "reopened",
      comment: "Bitte korrigieren",
      at: new Date(),
    });
    await db.execute(sql`update record_weeks set status = 'draft', content_hash = null, approved_at = null,
      approved_by = null, return_comment = 'Bitte korrigieren', revision = revision + 1 where id = ${week.id}`);
    expect(await storedWeek(db, week.apprenticeshipId, week.weekStart)).toMatchObject({
      status: "draft",
      contentHash: null,
      content: week.content,
    });
    // As a draft it is the apprentice's again, and may be changed or deleted.
    await db
      .update(recordWeeks)
      .set({ content: filledWeek("korrigiert") })
      .where(eq(recordWeeks.id, week.id));
  });

  test("forgets the account of a deleted person in the history and keeps the name", async () => {
    const { weeks, w } = await approvedRecord();
    await db.update(recordEvents).set({ actorId: null }).where(eq(recordEvents.actorId, w.people.trainer.id));
    const history = await eventsOf(db, weeks[0].id);
    expect(history.find((e) => e.action === "approved")).toMatchObject({
      actorId: null,
      actorName: w.people.trainer.name,
    });
    // Only that: anything else in the same statement is refused.
    await expectRefused(
      db.update(recordEvents).set({ actorId: null, actorName: "Niemand" }).where(eq(recordEvents.weekId, weeks[0].id)),
      /cannot be changed/,
    );
  });
});

describe("the chain check names a tampered week", () => {
  test("content changed with the trigger switched off: verifyRecords and firstBrokenWeek name exactly that week", async () => {
    const { w, id, as, weeks } = await approvedRecord();
    const target = weeks[1];
    await behindTheTrigger(
      "record_weeks",
      "record_weeks_keep_approved",
      sql`update record_weeks set content = jsonb_set(content, '{lines,0,text}', '"Nur gefegt"') where id = ${target.id}`,
    );
    // The trigger is back on.
    await expectRefused(
      db.execute(sql`update record_weeks set content = '{}'::jsonb where id = ${target.id}`),
      /cannot be changed/,
    );

    const expected = { ok: false, approvals: 3, weekStart: target.weekStart, reason: "contentChanged" };
    expect(await verifyRecords(db, [id])).toEqual([{ apprenticeshipId: id, chainId: id, result: expected }]);
    expect(await firstBrokenWeek(db, id)).toEqual({ approvals: 3, broken: expected });
    // The trainer's overview shows the same.
    expect((await recordOverview(await as(w.people.trainer), { apprenticeshipId: id })).chain).toEqual({
      approvals: 3,
      broken: expected,
    });
    // Other records are not affected.
    const other = await approvedRecord();
    expect((await firstBrokenWeek(db, other.id)).broken).toBeNull();
    const all = await verifyRecords(db);
    expect(all.find((r) => r.apprenticeshipId === id)?.result).toEqual(expected);
    expect(all.find((r) => r.apprenticeshipId === other.id)?.result).toEqual({ ok: true, approvals: 3 });
  });

  test("an approval quietly taken away (no reopening in the history) is named", async () => {
    const { id, weeks } = await approvedRecord();
    await behindTheTrigger(
      "record_weeks",
      "record_weeks_keep_approved",
      sql`update record_weeks set status = 'submitted', content_hash = null, approved_at = null where id = ${weeks[1].id}`,
    );
    expect((await firstBrokenWeek(db, id)).broken).toMatchObject({ weekStart: weeks[1].weekStart, reason: "unsealed" });
  });

  test("two weeks changed: the earlier one is named", async () => {
    const { id, weeks } = await approvedRecord();
    for (const week of [weeks[2], weeks[1]]) {
      await behindTheTrigger(
        "record_weeks",
        "record_weeks_keep_approved",
        sql`update record_weeks set content = jsonb_set(content, '{days,0,hours}', '10') where id = ${week.id}`,
      );
    }
    expect((await firstBrokenWeek(db, id)).broken).toMatchObject({
      weekStart: weeks[1].weekStart,
      reason: "contentChanged",
    });
  });

  test("a sealed snapshot changed in the history is a hash mismatch at that week", async () => {
    const { id, weeks } = await approvedRecord();
    const approval = (await eventsOf(db, weeks[0].id)).find((e) => e.action === "approved");
    if (!approval) throw new Error("no approval");
    await behindTheTrigger(
      "record_events",
      "record_events_append_only",
      sql`update record_events set snapshot = jsonb_set(snapshot, '{approverName}', '"Jemand"') where id = ${approval.id}`,
    );
    expect((await firstBrokenWeek(db, id)).broken).toEqual({
      ok: false,
      approvals: 3,
      weekStart: weeks[0].weekStart,
      reason: "hashMismatch",
    });
  });

  test("a week and its seal changed together break the link to the next week", async () => {
    const { id, weeks } = await approvedRecord();
    const target = weeks[0];
    const approval = (await eventsOf(db, target.id)).find((e) => e.action === "approved");
    if (!approval) throw new Error("no approval");
    // A forger who knows the hash rule rewrites the week, its snapshot and both hashes.
    const snapshot = { ...(approval.snapshot as Record<string, unknown>), content: filledWeek("Nur gefegt") };
    const hash = approvalHash(null, snapshot);
    await behindTheTrigger(
      "record_events",
      "record_events_append_only",
      sql`update record_events set snapshot = ${JSON.stringify(snapshot)}::jsonb, content_hash = ${hash} where id = ${approval.id}`,
    );
    await behindTheTrigger(
      "record_weeks",
      "record_weeks_keep_approved",
      sql`update record_weeks set content = ${JSON.stringify(filledWeek("Nur gefegt"))}::jsonb, content_hash = ${hash}
        where id = ${target.id}`,
    );
    expect((await firstBrokenWeek(db, id)).broken).toEqual({
      ok: false,
      approvals: 3,
      weekStart: weeks[1].weekStart,
      reason: "brokenLink",
    });
  });
});
