import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { apprenticeships, auditEvents, recordEvents, recordWeeks } from "#db/schema/index.ts";
import { isUniqueViolation } from "#app/modules/classes/load-class.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { ApprovalSnapshot } from "./chain.server.ts";
import { loadRecordContract, type RecordContract } from "./contract.server.ts";
import { type ImportWeek, planRecordImport } from "./record-json-plan.server.ts";
import { mondayOf } from "./week-dates.ts";
import { RECORD_JSON_MAX_BYTES, recordJsonHeaderSchema, recordJsonSchema } from "./record-json-schema.ts";

export type RecordImportFailure =
  | "tooLarge"
  | "notJson"
  | "notRecord"
  | "newerVersion"
  | "noApprovedWeeks"
  | "chainBroken"
  | "leftOutApproval"
  | "weekTaken"
  | "notBefore"
  | "otherPerson";

export type RecordImportResult =
  | {
      ok: true;
      /** False when this very record was taken in before: nothing written again. */
      changed: boolean;
      apprenticeName: string;
      companyName: string;
      /** Approved weeks taken in (or, unchanged, already there). */
      weeks: number;
      /** Weeks of the file not taken in: drafts and submitted weeks of the old company. */
      leftOut: number;
    }
  | { ok: false; reason: RecordImportFailure; weekStart?: string };

/** The page of the import: whose record it is, for the trainers who may take one in. */
export async function recordImportPage(ctx: Ctx, input: { apprenticeshipId: string }) {
  const { contract } = await reviewableContract(ctx, input.apprenticeshipId);
  return {
    apprenticeship: { id: contract.id, apprenticeName: contract.apprenticeName, companyName: contract.companyName },
  };
}

/** Only a trainer who reviews this record takes another company's weeks into it. */
async function reviewableContract(ctx: Ctx, apprenticeshipId: string) {
  const loaded = await loadRecordContract(ctx.db, ctx.actor, apprenticeshipId);
  if (!loaded.access.review) throw new NotFoundError("record");
  return loaded;
}

/**
 * Takes an exported record (record-json-export) into this apprenticeship after a change of
 * company: its approved weeks stay approved, as they came, with their approvals copied link by
 * link so the chain verifies here too. Nothing is written unless every chain in the file
 * verifies and no week collides with one already here; all of it in one transaction. The same
 * file taken in twice changes nothing the second time.
 */
export async function importRecordJson(
  ctx: Ctx,
  input: { apprenticeshipId: string; json: string },
): Promise<RecordImportResult> {
  const { contract } = await reviewableContract(ctx, input.apprenticeshipId);
  // Three bytes at most per UTF-16 unit: the exact count only when it could be too large.
  if (input.json.length * 3 > RECORD_JSON_MAX_BYTES && Buffer.byteLength(input.json) > RECORD_JSON_MAX_BYTES) {
    return { ok: false, reason: "tooLarge" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(input.json);
  } catch {
    return { ok: false, reason: "notJson" };
  }
  const header = recordJsonHeaderSchema.safeParse(raw);
  if (!header.success) return { ok: false, reason: "notRecord" };
  if (header.data.version > 1) return { ok: false, reason: "newerVersion" };
  const parsed = recordJsonSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "notRecord" };
  const plan = planRecordImport(parsed.data);
  if (!plan.ok) return plan;
  // Only weeks before this apprenticeship began: the weeks here are written and approved here.
  const firstMonday = mondayOf(contract.startsOn);
  const inside = plan.weeks.map(({ week }) => week.weekStart).filter((monday) => monday >= firstMonday);
  if (inside.length > 0) return { ok: false, reason: "notBefore", weekStart: inside.sort()[0] };
  // The record of this apprentice, not of someone else (names as the approvals sealed them).
  const sameName = (name: string) =>
    name.normalize("NFC").trim().toLocaleLowerCase("de") ===
    contract.apprenticeName.normalize("NFC").trim().toLocaleLowerCase("de");
  const strangers = plan.weeks.flatMap(({ week }) =>
    week.approvals.filter((a) => !sameName(a.snapshot.apprenticeName)),
  );
  if (!sameName(parsed.data.apprentice.name) || strangers.length > 0) return { ok: false, reason: "otherPerson" };

  const done = {
    ok: true as const,
    apprenticeName: parsed.data.apprentice.name,
    companyName: parsed.data.apprenticeship.companyName,
    weeks: plan.weeks.length,
    leftOut: plan.leftOut,
  };
  try {
    return await ctx.db.transaction(async (tx): Promise<RecordImportResult> => {
      // Imports and approvals of one apprenticeship take turns, so the checks below stay true.
      await tx
        .select({ id: apprenticeships.id })
        .from(apprenticeships)
        .where(eq(apprenticeships.id, contract.id))
        .for("update");
      const hashes = plan.weeks.flatMap(({ week }) => week.approvals.map((approval) => approval.contentHash));
      const here = await tx
        .select({ hash: recordEvents.contentHash })
        .from(recordEvents)
        .innerJoin(recordWeeks, eq(recordWeeks.id, recordEvents.weekId))
        .where(and(eq(recordWeeks.apprenticeshipId, contract.id), inArray(recordEvents.contentHash, hashes)));
      if (new Set(here.map((row) => row.hash)).size === new Set(hashes).size) return { ...done, changed: false };
      const mondays = plan.weeks.map(({ week }) => week.weekStart);
      const [taken] = await tx
        .select({ weekStart: recordWeeks.weekStart })
        .from(recordWeeks)
        .where(and(eq(recordWeeks.apprenticeshipId, contract.id), inArray(recordWeeks.weekStart, mondays)))
        .orderBy(recordWeeks.weekStart)
        .limit(1);
      if (taken) return { ok: false, reason: "weekTaken", weekStart: taken.weekStart };

      await insertWeeks(tx, ctx, contract, plan.weeks);
      await tx.insert(auditEvents).values({
        actorId: ctx.actor.id,
        organizationId: contract.companyId,
        action: "record.imported",
        targetId: contract.apprenticeId,
        details: { weeks: plan.weeks.length },
      });
      return { ...done, changed: true };
    });
  } catch (error) {
    // Backstop behind the checks above: a copy of this very chain is kept here already.
    if (isUniqueViolation(error, "record_events_chain_position_key")) return { ...done, changed: false };
    throw error;
  }
}

/** The weeks as approved and imported (`origin`), then their approvals and the rest of their history. */
async function insertWeeks(tx: Database, ctx: Ctx, contract: RecordContract, weeks: ImportWeek[]) {
  const chainIds = await chainIdsHere(tx, contract.id, weeks);
  const importedAt = ctx.now.toISOString();
  const rows = await tx
    .insert(recordWeeks)
    .values(
      weeks.map(({ week, seal }) => {
        const sealed: ApprovalSnapshot = seal.snapshot;
        return {
          apprenticeshipId: contract.id,
          weekStart: week.weekStart,
          status: "approved" as const,
          content: week.content,
          submittedAt: new Date(sealed.submittedAt),
          approvedAt: new Date(sealed.approvedAt),
          approvedBy: null,
          contentHash: seal.contentHash,
          updatedAt: ctx.now,
          origin: {
            companyName: sealed.companyName,
            occupationName: sealed.occupationName,
            sheetNumber: sealed.sheetNumber,
            importedAt,
          },
        };
      }),
    )
    .returning({ id: recordWeeks.id, weekStart: recordWeeks.weekStart });
  const idOf = new Map(rows.map((row) => [row.weekStart, row.id]));
  const events = weeks.flatMap(({ week }) => {
    const weekId = idOf.get(week.weekStart) ?? "";
    return [
      ...week.history.map((event) => ({ weekId, actorId: null, ...event })),
      ...week.approvals.map((approval) => ({
        weekId,
        actorId: null,
        action: "approved" as const,
        at: approval.at,
        actorName: approval.actorName,
        chainId: chainIds.get(approval.chainId) ?? approval.chainId,
        chainPosition: approval.chainPosition,
        previousHash: approval.previousHash,
        contentHash: approval.contentHash,
        snapshot: approval.snapshot,
      })),
    ];
  });
  // In slices: one statement takes at most 65,535 parameters, and a crafted file may hold many events.
  for (let i = 0; i < events.length; i += 500) {
    await tx
      .insert(recordEvents)
      .values(events.slice(i, i + 500).map((event) => ({ ...event, at: new Date(event.at) })));
  }
}

/**
 * The chain id each imported chain is kept under. The apprenticeship the chain was made in,
 * normally. When that chain already lives in this Werkbank (a change of company between two
 * companies of the same Werkbank, where the old record stays in place), the copy needs an id of
 * its own, since (chain, position) is unique: one derived from this apprenticeship and the
 * original, so taking the same record in twice still collides. The snapshots keep the original.
 */
async function chainIdsHere(tx: Database, apprenticeshipId: string, weeks: ImportWeek[]) {
  const originals = [...new Set(weeks.flatMap(({ week }) => week.approvals.map((approval) => approval.chainId)))];
  const present = await tx
    .selectDistinct({ chainId: recordEvents.chainId })
    .from(recordEvents)
    .where(inArray(recordEvents.chainId, originals));
  const living = new Set(present.map((row) => row.chainId));
  return new Map(originals.map((id) => [id, living.has(id) ? standInChainId(apprenticeshipId, id) : id]));
}

/** A UUID (version 8, RFC 9562) derived from the apprenticeship and the original chain id. */
export function standInChainId(apprenticeshipId: string, chainId: string): string {
  const hex = createHash("sha256").update(`record-chain:${apprenticeshipId}:${chainId}`).digest("hex").slice(0, 32);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
