import { eq } from "drizzle-orm";
import { recordEvents, recordWeeks } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { canonicalJson } from "./chain.server.ts";
import { newContent } from "./content.ts";
import { loadRecordContract } from "./contract.server.ts";
import { holidaysOn } from "./holidays.ts";
import { proposalsFor } from "./proposals.server.ts";
import type { RecordContent } from "./types.ts";
import { weekInRecord } from "./week-bounds.ts";
import { isMonday, sheetDates } from "./week-dates.ts";
import { findWeek } from "./week-row.server.ts";

/** The form a second time: the same days and lines (the first one may have taken proposals after them). */
function sameSubmission(stored: RecordContent, posted: RecordContent): boolean {
  return (
    canonicalJson(stored.days) === canonicalJson(posted.days) &&
    canonicalJson(stored.lines.slice(0, posted.lines.length)) === canonicalJson(posted.lines)
  );
}

export type SaveWeekInput = {
  apprenticeshipId: string;
  monday: string;
  /** The revision the form was made from (0: nothing saved yet). */
  revision: number;
  content: RecordContent;
  /** Proposal sources to take in as lines; "all" takes every open proposal. */
  accept: string[] | "all";
  /** Proposal sources to drop. */
  dismiss: string[];
  /** Submit the week after saving it. */
  submit: boolean;
};

export type SaveWeekResult =
  | { ok: true; revision: number; status: "draft" | "submitted"; changed: boolean }
  | { ok: false; reason: "stale"; revision: number }
  | { ok: false; reason: "locked"; status: "submitted" | "approved" };

/**
 * The apprentice saves (and perhaps submits) a week: in one transaction, with the week row
 * locked, and only from the revision they saw, so an autosave answering an old page never
 * overwrites newer text, and a double submit counts once. Submitted and approved weeks are not
 * the apprentice's to change.
 */
export async function saveWeek(ctx: Ctx, input: SaveWeekInput): Promise<SaveWeekResult> {
  const { contract, access } = await loadRecordContract(ctx.db, ctx.actor, input.apprenticeshipId);
  // A date that is no Monday names no sheet: "not found", as a week outside the record.
  if (
    !access.ownWritable ||
    !isMonday(input.monday) ||
    !weekInRecord(contract, input.monday, todayInGermany(ctx.now))
  ) {
    throw new NotFoundError("record");
  }
  return ctx.db.transaction(async (tx) => {
    const week = await findWeek(tx, contract.id, input.monday, true);
    if (week && week.status !== "draft") {
      // The same submit arriving twice: the first one counted.
      if (
        input.submit &&
        week.status === "submitted" &&
        week.revision === input.revision + 1 &&
        sameSubmission(week.content, input.content)
      ) {
        return { ok: true, revision: week.revision, status: "submitted", changed: false } as const;
      }
      return { ok: false, reason: "locked", status: week.status } as const;
    }
    const current = week?.revision ?? 0;
    if (current !== input.revision) return { ok: false, reason: "stale", revision: current } as const;

    const dismissed = [...new Set([...(week?.dismissed ?? []), ...input.dismiss])].slice(-500);
    const lines = [...input.content.lines];
    if (input.accept === "all" || input.accept.length > 0) {
      const taken = new Set([...lines.flatMap((line) => (line.source ? [line.source] : [])), ...dismissed]);
      const open = await proposalsFor(tx, { apprenticeId: contract.apprenticeId, monday: input.monday, taken });
      for (const proposal of open) {
        if (input.accept === "all" || input.accept.includes(proposal.source)) {
          const { kind: _kind, ...line } = proposal;
          lines.push(line);
        }
      }
    }
    const content: RecordContent = { days: input.content.days, lines };
    const status = input.submit ? ("submitted" as const) : ("draft" as const);
    const revision = current + 1;
    const values = {
      content,
      dismissed,
      revision,
      status,
      updatedAt: ctx.now,
      ...(input.submit ? { submittedAt: ctx.now, returnComment: null } : {}),
    };
    let weekId = week?.id;
    if (week) {
      await tx.update(recordWeeks).set(values).where(eq(recordWeeks.id, week.id));
    } else {
      const [created] = await tx
        .insert(recordWeeks)
        .values({ apprenticeshipId: contract.id, weekStart: input.monday, ...values })
        .onConflictDoNothing()
        .returning({ id: recordWeeks.id });
      // Two first saves at once: the other one made the week; this one is stale.
      if (!created) return { ok: false, reason: "stale", revision: 1 } as const;
      weekId = created.id;
    }
    if (input.submit && weekId) {
      await tx
        .insert(recordEvents)
        .values({ weekId, at: ctx.now, actorId: ctx.actor.id, actorName: ctx.actor.name, action: "submitted" });
    }
    return { ok: true, revision, status, changed: true } as const;
  });
}

/** A fresh sheet for a week nobody saved yet: holidays of the company's Land filled in. */
export function freshContent(
  contract: { companyState: Parameters<typeof holidaysOn>[1] },
  monday: string,
): RecordContent {
  const dates = sheetDates(monday);
  const holidays = holidaysOn(dates, contract.companyState);
  return newContent(dates.map((date) => holidays.get(date) ?? null));
}
