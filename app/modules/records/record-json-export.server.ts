import { asc, eq } from "drizzle-orm";
import { recordEvents, recordWeeks } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { ApprovalSnapshot } from "./chain.server.ts";
import { loadRecordContract } from "./contract.server.ts";
import { RECORD_JSON_FORMAT, RECORD_JSON_VERSION, type RecordJson, type RecordJsonWeek } from "./record-json-schema.ts";
import { verifyRecords } from "./verify.server.ts";
import { sheetNumber } from "./week-dates.ts";

/**
 * The whole record of one apprenticeship as one JSON document: every stored week with its
 * content, its approvals (the chain, with snapshots and hashes) and the rest of its history, and
 * the chain check as it stands. The apprentice may take it at any time, also long after the
 * apprenticeship ended (the record is theirs); the company while the person is its apprentice.
 * A school's teachers, who see only the school part, get nothing.
 */
export async function exportRecordJson(ctx: Ctx, input: { apprenticeshipId: string }): Promise<RecordJson> {
  const { contract, access } = await loadRecordContract(ctx.db, ctx.actor, input.apprenticeshipId);
  if (!access.own && !access.company) throw new NotFoundError("record");
  const [weeks, events, chains] = await Promise.all([
    ctx.db
      .select()
      .from(recordWeeks)
      .where(eq(recordWeeks.apprenticeshipId, contract.id))
      .orderBy(asc(recordWeeks.weekStart)),
    ctx.db
      .select({
        weekId: recordEvents.weekId,
        at: recordEvents.at,
        actorName: recordEvents.actorName,
        action: recordEvents.action,
        comment: recordEvents.comment,
        chainId: recordEvents.chainId,
        chainPosition: recordEvents.chainPosition,
        previousHash: recordEvents.previousHash,
        contentHash: recordEvents.contentHash,
        snapshot: recordEvents.snapshot,
      })
      .from(recordEvents)
      .innerJoin(recordWeeks, eq(recordWeeks.id, recordEvents.weekId))
      .where(eq(recordWeeks.apprenticeshipId, contract.id))
      .orderBy(asc(recordEvents.at), asc(recordEvents.chainPosition)),
    verifyRecords(ctx.db, [contract.id]),
  ]);
  const byWeek = new Map<string, RecordJsonWeek>();
  const listed: RecordJsonWeek[] = weeks.map((week) => {
    const listedWeek: RecordJsonWeek = {
      weekStart: week.weekStart,
      sheetNumber: week.origin?.sheetNumber ?? sheetNumber(contract.startsOn, week.weekStart),
      status: week.status,
      content: week.content,
      submittedAt: week.submittedAt?.toISOString() ?? null,
      ...(week.origin ? { origin: week.origin } : {}),
      approvals: [],
      history: [],
    };
    byWeek.set(week.id, listedWeek);
    return listedWeek;
  });
  for (const event of events) {
    const week = byWeek.get(event.weekId);
    if (!week) continue;
    const common = { at: event.at.toISOString(), actorName: event.actorName };
    if (event.action === "approved") {
      // The check constraint makes every approval carry its link; the guard satisfies the types.
      if (!event.chainId || event.chainPosition === null || !event.contentHash) continue;
      week.approvals.push({
        chainId: event.chainId,
        chainPosition: event.chainPosition,
        previousHash: event.previousHash,
        contentHash: event.contentHash,
        snapshot: event.snapshot as ApprovalSnapshot,
        ...common,
      });
    } else {
      week.history.push({ action: event.action, comment: event.comment, ...common });
    }
  }
  return {
    format: RECORD_JSON_FORMAT,
    version: RECORD_JSON_VERSION,
    exportedAt: ctx.now.toISOString(),
    apprentice: { name: contract.apprenticeName },
    apprenticeship: {
      id: contract.id,
      occupationName: contract.occupationName,
      companyName: contract.companyName,
      startsOn: contract.startsOn,
      lastDay: contract.lastDay,
    },
    weeks: listed,
    chains: chains.map(({ chainId, result }) => ({
      chainId,
      ok: result.ok,
      approvals: result.approvals,
      ...(result.ok ? {} : { weekStart: result.weekStart, reason: result.reason }),
    })),
  };
}

const transliterated: Record<string, string> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  ß: "ss",
  ı: "i",
  ł: "l",
  đ: "d",
  ø: "o",
  æ: "ae",
  œ: "oe",
};

/** "berichtsheft-emre-yilmaz-2026-12-04.json": the name as plain letters, for every file system. */
export function recordJsonFileName(apprenticeName: string, today: string): string {
  const slug = apprenticeName
    .toLocaleLowerCase("de-DE")
    .replace(/[äöüßıłđøæœ]/g, (c) => transliterated[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `berichtsheft-${slug || "azubi"}-${today}.json`;
}
