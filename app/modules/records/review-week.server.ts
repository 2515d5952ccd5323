import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { apprenticeships, recordEvents, recordWeeks } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { type ApprovalSnapshot, approvalHash } from "./chain.server.ts";
import { loadRecordContract, type RecordContract } from "./contract.server.ts";
import { sheetNumber } from "./week-dates.ts";
import { findWeek, type StoredWeek } from "./week-row.server.ts";

/** A return or reopen reason: required, short. */
export const REASON_MAX = 1000;

export type ReviewAction = "approve" | "return" | "reopen";
export type ReviewResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "stale" | "wrongState" | "reasonMissing" | "reasonTooLong" | "imported" };

/**
 * A trainer approves a submitted week, returns it with a comment, or reopens an approved one
 * with a written reason. Only the company's trainers, never the apprentice themselves
 * (`recordRule.review`). The form's revision must still be current, so a trainer never approves
 * a version they did not read; the same tap arriving twice counts once.
 */
export async function reviewWeek(
  ctx: Ctx,
  input: { apprenticeshipId: string; monday: string; revision: number; action: ReviewAction; comment: string },
): Promise<ReviewResult> {
  const { contract, access } = await loadRecordContract(ctx.db, ctx.actor, input.apprenticeshipId);
  if (!access.review) throw new NotFoundError("record");
  const comment = input.comment.trim();
  if (input.action !== "approve") {
    if (comment === "") return { ok: false, reason: "reasonMissing" };
    if (comment.length > REASON_MAX) return { ok: false, reason: "reasonTooLong" };
  }
  return ctx.db.transaction(async (tx) => {
    // Approvals of one apprenticeship take turns: the chain has one next link.
    await tx
      .select({ id: apprenticeships.id })
      .from(apprenticeships)
      .where(eq(apprenticeships.id, contract.id))
      .for("update");
    const week = await findWeek(tx, contract.id, input.monday, true);
    if (!week) return { ok: false, reason: "wrongState" } as const;
    const done = { approve: "approved", return: "draft", reopen: "draft" } as const;
    // The same tap arriving twice (a return or reopen with the same words) counted the first time.
    const sameWords = input.action === "approve" || week.returnComment === comment;
    if (week.revision === input.revision + 1 && week.status === done[input.action] && sameWords) {
      return { ok: true, changed: false } as const;
    }
    if (week.revision !== input.revision) return { ok: false, reason: "stale" } as const;
    const from = { approve: "submitted", return: "submitted", reopen: "approved" } as const;
    if (week.status !== from[input.action]) return { ok: false, reason: "wrongState" } as const;
    if (input.action === "reopen" && week.origin) return { ok: false, reason: "imported" } as const;

    const event = { weekId: week.id, at: ctx.now, actorId: ctx.actor.id, actorName: ctx.actor.name };
    const revision = week.revision + 1;
    if (input.action === "approve") {
      const link = await sealWeek(tx, contract, week, { at: ctx.now, approverName: ctx.actor.name });
      await tx.insert(recordEvents).values({ ...event, action: "approved", ...link });
      await tx
        .update(recordWeeks)
        .set({
          status: "approved",
          approvedAt: ctx.now,
          approvedBy: ctx.actor.id,
          contentHash: link.contentHash,
          revision,
          updatedAt: ctx.now,
        })
        .where(eq(recordWeeks.id, week.id));
    } else {
      await tx
        .insert(recordEvents)
        .values({ ...event, action: input.action === "return" ? "returned" : "reopened", comment });
      await tx
        .update(recordWeeks)
        .set({
          status: "draft",
          returnComment: comment,
          approvedAt: null,
          approvedBy: null,
          contentHash: null,
          revision,
          updatedAt: ctx.now,
        })
        .where(eq(recordWeeks.id, week.id));
    }
    return { ok: true, changed: true } as const;
  });
}

/** The next link of the apprenticeship's chain for this week: snapshot, hash, previous hash. */
async function sealWeek(
  tx: Database,
  contract: RecordContract,
  week: StoredWeek,
  approval: { at: Date; approverName: string },
) {
  const [last] = await tx
    .select({ position: recordEvents.chainPosition, hash: recordEvents.contentHash })
    .from(recordEvents)
    .where(sql`${recordEvents.chainId} = ${contract.id} and ${recordEvents.action} = 'approved'`)
    .orderBy(desc(recordEvents.chainPosition))
    .limit(1);
  const snapshot: ApprovalSnapshot = {
    version: 1,
    chainId: contract.id,
    weekStart: week.weekStart,
    sheetNumber: sheetNumber(contract.startsOn, week.weekStart),
    apprenticeName: contract.apprenticeName,
    occupationName: contract.occupationName,
    companyName: contract.companyName,
    content: week.content,
    submittedAt: (week.submittedAt ?? approval.at).toISOString(),
    approvedAt: approval.at.toISOString(),
    approverName: approval.approverName,
  };
  const previousHash = last?.hash ?? null;
  return {
    chainId: contract.id,
    chainPosition: (last?.position ?? 0) + 1,
    previousHash,
    contentHash: approvalHash(previousHash, snapshot),
    snapshot,
  };
}
