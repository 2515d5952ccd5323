/**
 * The Berichtsheft as a JSON file: the apprentice takes it along when changing company, and the
 * new company's trainer takes it in with the approved weeks still approved and verifiable.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apprenticeships, auditEvents, memberships, recordEvents, recordWeeks, users } from "#db/schema/index.ts";
import { approvalHash } from "#app/modules/records/chain.server.ts";
import { exportRecordJson } from "#app/modules/records/record-json-export.server.ts";
import { importRecordJson, standInChainId } from "#app/modules/records/record-json-import.server.ts";
import { type RecordJson, recordJsonSchema } from "#app/modules/records/record-json-schema.ts";
import { reviewWeek } from "#app/modules/records/review-week.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import type { RecordContent } from "#app/modules/records/types.ts";
import { verifyRecords } from "#app/modules/records/verify.server.ts";
import { weekKey } from "#app/modules/records/week-dates.ts";
import { weekPage } from "#app/modules/records/week-page.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { loader as exportLoader } from "#app/routes/records.$apprenticeshipId_.export[.json].ts";
import { action as importAction } from "#app/routes/records.$apprenticeshipId_.import.tsx";
import {
  createApprenticeship,
  createMember,
  createOrganization,
  ctxFor,
  sessionCookieFor,
} from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();

// Three weeks in September 2025 of an apprenticeship that starts on 1 August 2025 (the factory's).
const mondays = ["2025-09-01", "2025-09-08", "2025-09-15"] as const;
const draftMonday = "2025-09-22";
const duringTraining = new Date("2025-09-24T10:00:00Z");
const afterTheChange = new Date("2025-11-05T10:00:00Z");

function content(text: string): RecordContent {
  return {
    days: Array.from({ length: 6 }, (_, i) => (i < 5 ? { place: "company", hours: 8, note: "" } : emptyDay())),
    lines: [{ section: "company", text, hours: 40, day: null, source: null }],
  };
}
const emptyDay = () => ({ place: null, hours: null, note: "" });

async function apprenticeshipOf(apprenticeId: string, companyId: string): Promise<string> {
  const [row] = await db
    .select({ id: apprenticeships.id })
    .from(apprenticeships)
    .where(and(eq(apprenticeships.apprenticeId, apprenticeId), eq(apprenticeships.companyId, companyId)));
  if (!row) throw new Error("no apprenticeship");
  return row.id;
}

/**
 * Lena's record at the old company: three approved weeks and a draft; then she changes company
 * (the old apprenticeship ends, she leaves its team, the other company takes her on).
 */
async function recordAndChange(options: { reopenSecond?: boolean } = {}) {
  const w = await createWorld(db);
  const { apprentice, trainer, otherTrainer } = w.people;
  const oldId = await apprenticeshipOf(apprentice.id, w.company.id);
  const lena = await ctxFor(db, apprentice.id, duringTraining);
  const thomas = await ctxFor(db, trainer.id, duringTraining);
  for (const [i, monday] of mondays.entries()) {
    const saved = await saveWeek(lena, {
      apprenticeshipId: oldId,
      monday,
      revision: 0,
      content: content(`Woche ${i + 1}: Hobeln und Schleifen`),
      accept: [],
      dismiss: [],
      submit: true,
    });
    expect(saved).toMatchObject({ ok: true, status: "submitted" });
    const approved = await reviewWeek(thomas, {
      apprenticeshipId: oldId,
      monday,
      revision: 1,
      action: "approve",
      comment: "",
    });
    expect(approved).toEqual({ ok: true, changed: true });
  }
  const draft = { apprenticeshipId: oldId, monday: draftMonday, revision: 0, accept: [], dismiss: [] };
  await saveWeek(lena, { ...draft, content: content("Noch nicht fertig"), submit: false });
  if (options.reopenSecond) {
    const reopened = await reviewWeek(thomas, {
      apprenticeshipId: oldId,
      monday: mondays[1],
      revision: 2,
      action: "reopen",
      comment: "Die Stunden am Freitag stimmen nicht.",
    });
    expect(reopened).toEqual({ ok: true, changed: true });
  }

  await db.update(apprenticeships).set({ actualEndOn: "2025-09-30" }).where(eq(apprenticeships.id, oldId));
  await db
    .update(memberships)
    .set({ deactivatedAt: afterTheChange })
    .where(and(eq(memberships.userId, apprentice.id), eq(memberships.organizationId, w.company.id)));
  await db.insert(memberships).values({ userId: apprentice.id, organizationId: w.otherCompany.id, role: "apprentice" });
  await createApprenticeship(db, {
    apprenticeId: apprentice.id,
    companyId: w.otherCompany.id,
    trainerId: otherTrainer.id,
    startsOn: "2025-10-01",
  });
  const newId = await apprenticeshipOf(apprentice.id, w.otherCompany.id);
  const record = await exportRecordJson(await ctxFor(db, apprentice.id, afterTheChange), { apprenticeshipId: oldId });
  const newTrainer = await ctxFor(db, otherTrainer.id, afterTheChange);
  // Through text, as the file travels.
  const json = JSON.stringify(record);
  return { w, oldId, newId, record, json, newTrainer };
}

const weeksOf = (apprenticeshipId: string) =>
  db
    .select()
    .from(recordWeeks)
    .where(eq(recordWeeks.apprenticeshipId, apprenticeshipId))
    .orderBy(recordWeeks.weekStart);

async function eventCount(apprenticeshipId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recordEvents)
    .innerJoin(recordWeeks, eq(recordWeeks.id, recordEvents.weekId))
    .where(eq(recordWeeks.apprenticeshipId, apprenticeshipId));
  return row?.n ?? 0;
}

/** The same record as it would come from another Werkbank: the chain made anew under another id. */
function fromAnotherWerkbank(record: RecordJson, chainId: string): RecordJson {
  const copy = structuredClone(record);
  const links = copy.weeks.flatMap((week) => week.approvals).sort((a, b) => a.chainPosition - b.chainPosition);
  let previous: string | null = null;
  for (const link of links) {
    link.chainId = chainId;
    link.snapshot.chainId = chainId;
    link.previousHash = previous;
    link.contentHash = approvalHash(previous, link.snapshot);
    previous = link.contentHash;
  }
  return copy;
}

describe("export", () => {
  test("the apprentice downloads her whole record after the apprenticeship ended, in the shape the import reads", async () => {
    const { w, oldId, record } = await recordAndChange();
    expect(recordJsonSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(record).toMatchObject({
      format: "werkbank-berichtsheft",
      version: 1,
      exportedAt: afterTheChange.toISOString(),
      apprentice: { name: w.people.apprentice.name },
      apprenticeship: { id: oldId, companyName: w.company.name, startsOn: "2025-08-01", lastDay: "2025-09-30" },
      chains: [{ chainId: oldId, ok: true, approvals: 3 }],
    });
    expect(record.weeks.map((week) => [week.weekStart, week.sheetNumber, week.status])).toEqual([
      ["2025-09-01", 6, "approved"],
      ["2025-09-08", 7, "approved"],
      ["2025-09-15", 8, "approved"],
      ["2025-09-22", 9, "draft"],
    ]);
    const [first] = record.weeks;
    expect(first?.content.lines[0]?.text).toBe("Woche 1: Hobeln und Schleifen");
    expect(first?.approvals).toEqual([
      expect.objectContaining({
        chainId: oldId,
        chainPosition: 1,
        previousHash: null,
        actorName: w.people.trainer.name,
      }),
    ]);
    expect(first?.history).toEqual([
      { action: "submitted", at: duringTraining.toISOString(), actorName: w.people.apprentice.name, comment: null },
    ]);
    expect(record.weeks[1]?.approvals[0]?.previousHash).toBe(first?.approvals[0]?.contentHash);
  });

  test("the company downloads it while she is its apprentice; a teacher of her class gets nothing", async () => {
    const w = await createWorld(db);
    const id = await apprenticeshipOf(w.people.apprentice.id, w.company.id);
    const byCompany = await exportRecordJson(await ctxFor(db, w.people.admin.id), { apprenticeshipId: id });
    expect(byCompany.weeks).toEqual([]);
    const teacher = await ctxFor(db, w.people.teacher.id);
    await expect(exportRecordJson(teacher, { apprenticeshipId: id })).rejects.toThrow(NotFoundError);
    const stranger = await ctxFor(db, w.people.otherTrainer.id);
    await expect(exportRecordJson(stranger, { apprenticeshipId: id })).rejects.toThrow(NotFoundError);
  });

  test("the download is a private attachment named after the apprentice and the day", async () => {
    const w = await createWorld(db);
    const apprentice = await createMember(db, w.company.id, "apprentice", "Emre Yılmaz");
    await createApprenticeship(db, { apprenticeId: apprentice.id, companyId: w.company.id, trainerId: null });
    const id = await apprenticeshipOf(apprentice.id, w.company.id);
    const result = await callRoute(exportLoader, {
      path: `/records/${id}/export.json`,
      params: { apprenticeshipId: id },
      cookie: await sessionCookieFor(db, apprentice.id),
    });
    expect(result.status).toBe(200);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
    expect(result.headers.get("content-disposition")).toBe(
      `attachment; filename="berichtsheft-emre-yilmaz-${today}.json"; filename*=UTF-8''berichtsheft-emre-yilmaz-${today}.json`,
    );
    expect(result.headers.get("cache-control")).toBe("private, no-store");
    expect(result.data).toMatchObject({ apprentice: { name: "Emre Yılmaz" }, weeks: [] });
  });
});

describe("import after a change of company", () => {
  test("approved weeks come in approved, as they were, and their chain verifies here", async () => {
    const { w, oldId, newId, record, json, newTrainer } = await recordAndChange();
    const result = await importRecordJson(newTrainer, { apprenticeshipId: newId, json });
    expect(result).toEqual({
      ok: true,
      changed: true,
      apprenticeName: w.people.apprentice.name,
      companyName: w.company.name,
      weeks: 3,
      leftOut: 1,
    });
    const weeks = await weeksOf(newId);
    expect(weeks.map((week) => week.weekStart)).toEqual([...mondays]);
    for (const [i, week] of weeks.entries()) {
      const exported = record.weeks[i];
      expect(week).toMatchObject({
        status: "approved",
        approvedBy: null,
        content: exported?.content,
        contentHash: exported?.approvals.at(-1)?.contentHash,
        submittedAt: duringTraining,
        approvedAt: duringTraining,
        origin: {
          companyName: w.company.name,
          occupationName: record.apprenticeship.occupationName,
          sheetNumber: 6 + i,
          importedAt: afterTheChange.toISOString(),
        },
      });
    }
    // Each week's submission and approval, copied; nobody of this Werkbank is their actor.
    const events = await db
      .select()
      .from(recordEvents)
      .innerJoin(recordWeeks, eq(recordWeeks.id, recordEvents.weekId))
      .where(eq(recordWeeks.apprenticeshipId, newId));
    expect(events.map((e) => e.record_events.action).sort()).toEqual([
      "approved",
      "approved",
      "approved",
      "submitted",
      "submitted",
      "submitted",
    ]);
    expect(events.every((e) => e.record_events.actorId === null)).toBe(true);
    const approvals = events.map((e) => e.record_events).filter((e) => e.action === "approved");
    expect(approvals.map((e) => (e.snapshot as { chainId: string }).chainId)).toEqual([oldId, oldId, oldId]);

    // The old record stays where it was, so the copy is kept under a chain id of its own; both verify.
    const copyChain = standInChainId(newId, oldId);
    expect(await verifyRecords(db, [newId])).toEqual([
      { apprenticeshipId: newId, chainId: copyChain, result: { ok: true, approvals: 3 } },
    ]);
    expect(await verifyRecords(db, [oldId, newId])).toEqual(
      expect.arrayContaining([
        { apprenticeshipId: oldId, chainId: oldId, result: { ok: true, approvals: 3 } },
        { apprenticeshipId: newId, chainId: copyChain, result: { ok: true, approvals: 3 } },
      ]),
    );
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "record.imported"))
      .then((rows) => rows.filter((row) => row.targetId === w.people.apprentice.id));
    expect(audit).toMatchObject({
      actorId: w.people.otherTrainer.id,
      organizationId: w.otherCompany.id,
      details: { weeks: 3 },
    });
  });

  test("a record from another Werkbank keeps its chain id", async () => {
    const { newId, record, newTrainer } = await recordAndChange();
    const elsewhere = randomUUID();
    const json = JSON.stringify(fromAnotherWerkbank(record, elsewhere));
    expect(await importRecordJson(newTrainer, { apprenticeshipId: newId, json })).toMatchObject({ ok: true, weeks: 3 });
    expect(await verifyRecords(db, [newId])).toEqual([
      { apprenticeshipId: newId, chainId: elsewhere, result: { ok: true, approvals: 3 } },
    ]);
    // Exported again from here, it still verifies, and could move on to a third company.
    const again = await exportRecordJson(newTrainer, { apprenticeshipId: newId });
    expect(again.chains).toEqual([{ chainId: elsewhere, ok: true, approvals: 3 }]);
    expect(again.weeks.every((week) => week.origin?.sheetNumber !== undefined)).toBe(true);
  });

  test("the same file taken in twice changes nothing the second time, and says so", async () => {
    const { w, newId, json, newTrainer } = await recordAndChange();
    expect(await importRecordJson(newTrainer, { apprenticeshipId: newId, json })).toMatchObject({ changed: true });
    const events = await eventCount(newId);
    const again = await importRecordJson(newTrainer, { apprenticeshipId: newId, json });
    expect(again).toMatchObject({ ok: true, changed: false, weeks: 3 });
    expect(await weeksOf(newId)).toHaveLength(3);
    expect(await eventCount(newId)).toBe(events);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "record.imported"), eq(auditEvents.targetId, w.people.apprentice.id)));
    expect(audits).toHaveLength(1);
  });

  test("a changed line in an approved week refuses the whole file and names that week", async () => {
    const { newId, record, newTrainer } = await recordAndChange();
    const tampered = structuredClone(record);
    const line = tampered.weeks[1]?.content.lines[0];
    if (!line) throw new Error("no line");
    line.text = "Woche 2: nur Kaffee gekocht";
    const result = await importRecordJson(newTrainer, { apprenticeshipId: newId, json: JSON.stringify(tampered) });
    expect(result).toEqual({ ok: false, reason: "chainBroken", weekStart: "2025-09-08" });
    // The snapshot changed too (so week and seal agree): its hash no longer matches.
    const snapshot = tampered.weeks[1]?.approvals[0]?.snapshot.content.lines[0];
    if (!snapshot) throw new Error("no snapshot");
    snapshot.text = line.text;
    expect(await importRecordJson(newTrainer, { apprenticeshipId: newId, json: JSON.stringify(tampered) })).toEqual({
      ok: false,
      reason: "chainBroken",
      weekStart: "2025-09-08",
    });
    expect(await weeksOf(newId)).toEqual([]);
  });

  test("a week reopened and not approved again before an approved one refuses the file, named", async () => {
    const { newId, json, newTrainer } = await recordAndChange({ reopenSecond: true });
    const result = await importRecordJson(newTrainer, { apprenticeshipId: newId, json });
    expect(result).toEqual({ ok: false, reason: "leftOutApproval", weekStart: "2025-09-08" });
    expect(await weeksOf(newId)).toEqual([]);
  });

  test("the weeks it brings open in the new record, read-only, with where they came from", async () => {
    const { w, newId, json, newTrainer } = await recordAndChange();
    expect(await importRecordJson(newTrainer, { apprenticeshipId: newId, json })).toMatchObject({ ok: true });
    const page = await weekPage(newTrainer, { apprenticeshipId: newId, week: weekKey(mondays[0]) });
    expect(page).toMatchObject({
      status: "approved",
      importedFrom: w.company.name,
      can: { edit: false, reopen: false },
    });
  });

  test("only weeks from before the new apprenticeship, and only the same person's record", async () => {
    const { w, newId, json, newTrainer } = await recordAndChange();
    // The new apprenticeship said to start before those weeks: they would overlap its own.
    await db.update(apprenticeships).set({ startsOn: "2025-09-01" }).where(eq(apprenticeships.id, newId));
    expect(await importRecordJson(newTrainer, { apprenticeshipId: newId, json })).toEqual({
      ok: false,
      reason: "notBefore",
      weekStart: mondays[0],
    });
    await db.update(apprenticeships).set({ startsOn: "2025-10-01" }).where(eq(apprenticeships.id, newId));
    // Someone else's file (here: the person's name no longer matches the approvals).
    await db.update(users).set({ name: "Jemand Anderes" }).where(eq(users.id, w.people.apprentice.id));
    expect(await importRecordJson(newTrainer, { apprenticeshipId: newId, json })).toEqual({
      ok: false,
      reason: "otherPerson",
    });
    expect(await weeksOf(newId)).toHaveLength(0);
  });

  test("a week that is here already refuses the whole file, named", async () => {
    const { newId, json, newTrainer } = await recordAndChange();
    await db.insert(recordWeeks).values({ apprenticeshipId: newId, weekStart: mondays[2], content: content("Hier") });
    const result = await importRecordJson(newTrainer, { apprenticeshipId: newId, json });
    expect(result).toEqual({ ok: false, reason: "weekTaken", weekStart: "2025-09-15" });
    expect(await weeksOf(newId)).toHaveLength(1);
  });

  test("files that are no record get a reason, never an error", async () => {
    const { newId, record, newTrainer } = await recordAndChange();
    const tryIt = (json: string) => importRecordJson(newTrainer, { apprenticeshipId: newId, json });
    expect(await tryIt("{kaputt")).toEqual({ ok: false, reason: "notJson" });
    expect(await tryIt('{"format":"etwas anderes"}')).toEqual({ ok: false, reason: "notRecord" });
    expect(await tryIt(JSON.stringify({ ...record, version: 2 }))).toEqual({ ok: false, reason: "newerVersion" });
    expect(await tryIt(JSON.stringify({ ...record, weeks: [{ ...record.weeks[0], content: {} }] }))).toEqual({
      ok: false,
      reason: "notRecord",
    });
    const withNul = structuredClone(record);
    const line = withNul.weeks[0]?.content.lines[0];
    if (line) line.text = "vor\u0000nach";
    expect(await tryIt(JSON.stringify(withNul))).toEqual({ ok: false, reason: "notRecord" });
    const drafts = { ...record, weeks: record.weeks.filter((week) => week.status !== "approved") };
    expect(await tryIt(JSON.stringify(drafts))).toEqual({ ok: false, reason: "noApprovedWeeks" });
    expect(await tryIt(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toEqual({ ok: false, reason: "notRecord" });
    expect(await tryIt(" ".repeat(5 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: "tooLarge" });
    expect(await weeksOf(newId)).toEqual([]);
  });

  test("only a trainer of the new company takes it in: not a stranger, not the apprentice, not a teacher", async () => {
    const { w, newId, json } = await recordAndChange();
    const unrelated = await createOrganization(db, "company");
    const strangerTrainer = await createMember(db, unrelated.id, "trainer");
    const outsiders = [strangerTrainer.id, w.people.apprentice.id, w.people.teacher.id, w.people.trainer.id];
    for (const id of outsiders) {
      const ctx = await ctxFor(db, id, afterTheChange);
      await expect(importRecordJson(ctx, { apprenticeshipId: newId, json }), id).rejects.toThrow(NotFoundError);
    }
    // The new company's admin sees the record but does not review it.
    const admin = await ctxFor(db, w.people.otherAdmin.id, afterTheChange);
    await expect(importRecordJson(admin, { apprenticeshipId: newId, json })).rejects.toThrow(NotFoundError);
    expect(await weeksOf(newId)).toEqual([]);
  });

  test("the page takes the file as an upload and shows what came in; a wrong file keeps the page usable", async () => {
    const { w, newId, json } = await recordAndChange();
    const cookie = await sessionCookieFor(db, w.people.otherTrainer.id);
    const post = (file: Blob | string) =>
      callRoute(importAction, {
        path: `/records/${newId}/import`,
        params: { apprenticeshipId: newId },
        cookie,
        multipart: { file },
      });
    const wrong = await post(new File(["kein JSON"], "notizen.json", { type: "application/json" }));
    expect(wrong).toMatchObject({ status: 400, data: { ok: false, error: "records.import.error.notJson" } });
    const none = await post("");
    expect(none).toMatchObject({ status: 400, data: { ok: false, error: "records.import.error.noFile" } });
    const huge = await post(new File([" ".repeat(5 * 1024 * 1024 + 1)], "gross.json"));
    expect(huge).toMatchObject({ status: 413, data: { ok: false, error: "records.import.error.tooLarge" } });
    const good = await post(new File([`\uFEFF${json}`], "berichtsheft.json", { type: "application/json" }));
    expect(good).toMatchObject({ status: 200, data: { ok: true, changed: true, weeks: 3, leftOut: 1 } });
  });
});
