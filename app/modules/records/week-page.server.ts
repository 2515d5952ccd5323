import { asc, eq } from "drizzle-orm";
import { recordEvents } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { seesSchoolPartOnly } from "#app/modules/permissions/record-access.server.ts";
import { addDays, todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { isMinorOn, weekTotals, weekWarnings } from "./content.ts";
import { loadRecordContract } from "./contract.server.ts";
import { holidaysOn } from "./holidays.ts";
import { nextWaitingWeek } from "./queue.server.ts";
import { type Proposal, proposalsFor } from "./proposals.server.ts";
import { freshContent } from "./save-week.server.ts";
import type { RecordContent } from "./types.ts";
import { weekInRecord } from "./week-bounds.ts";
import { isoWeekOf, mondayOfWeekKey, sheetDates, sheetNumber, weekKey } from "./week-dates.ts";
import { findWeek } from "./week-row.server.ts";

/** Which day of the week (Monday 0) a date is, counted from the week's Monday (may be outside 0..6). */
function dayIndex(monday: string, date: string): number {
  return Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${monday}T12:00:00Z`)) / 86_400_000);
}

/** Workdays of the week that have begun: no "nothing entered" for Thursday on a Tuesday. */
function daysSoFar(monday: string, today: string): number {
  const elapsed = Math.round((Date.parse(`${today}T12:00:00Z`) - Date.parse(`${monday}T12:00:00Z`)) / 86_400_000) + 1;
  return Math.max(0, Math.min(5, elapsed));
}

/** Teachers see where the apprentice was and the school topics, nothing of the company's part. */
function schoolPart(content: RecordContent): RecordContent {
  return { days: content.days, lines: content.lines.filter((line) => line.section === "school") };
}

/**
 * Everything the week page shows, for whoever may open it: the apprentice writes (a draft), the
 * company's trainers read and review, a school's teachers read the days and school topics.
 */
export async function weekPage(ctx: Ctx, input: { apprenticeshipId: string; week: string }) {
  const monday = mondayOfWeekKey(input.week);
  if (!monday) throw new NotFoundError("record");
  const { contract, access } = await loadRecordContract(ctx.db, ctx.actor, input.apprenticeshipId);
  const today = todayInGermany(ctx.now);
  const stored = await findWeek(ctx.db, contract.id, monday);
  // A week taken over from another company lies before this apprenticeship: it opens too.
  if (!weekInRecord(contract, monday, today) && !stored?.origin) throw new NotFoundError("record");
  const schoolOnly = seesSchoolPartOnly(access);
  const fullContent = stored?.content ?? freshContent(contract, monday);
  const content = schoolOnly ? schoolPart(fullContent) : fullContent;
  const status = stored?.status ?? "draft";
  const dates = sheetDates(monday);
  const holidays = holidaysOn(dates, contract.companyState);
  const editable = access.ownWritable && status === "draft" && !stored?.origin;

  const taken = new Set([
    ...fullContent.lines.flatMap((line) => (line.source ? [line.source] : [])),
    ...(stored?.dismissed ?? []),
  ]);
  const [events, proposals, nextWaiting] = await Promise.all([
    stored && !schoolOnly
      ? ctx.db
          .select({
            at: recordEvents.at,
            action: recordEvents.action,
            actorName: recordEvents.actorName,
            comment: recordEvents.comment,
            contentHash: recordEvents.contentHash,
          })
          .from(recordEvents)
          .where(eq(recordEvents.weekId, stored.id))
          .orderBy(asc(recordEvents.at), asc(recordEvents.chainPosition))
      : Promise.resolve([]),
    editable
      ? proposalsFor(ctx.db, { apprenticeId: contract.apprenticeId, monday, taken })
      : Promise.resolve<Proposal[]>([]),
    access.review ? nextWaitingWeek(ctx, { after: { apprenticeshipId: contract.id, monday } }) : Promise.resolve(null),
  ]);
  const { year: isoYear, week: isoWeek } = isoWeekOf(monday);
  const previous = addDays(monday, -7);
  const next = addDays(monday, 7);
  return {
    apprenticeship: {
      id: contract.id,
      apprenticeName: contract.apprenticeName,
      occupationName: contract.occupationName,
      companyName: stored?.origin?.companyName ?? contract.companyName,
      rhythm: contract.rhythm,
    },
    week: {
      key: weekKey(monday),
      isoYear,
      isoWeek,
      monday,
      dates,
      holidays: dates.map((date) => holidays.get(date) ?? null),
      sheetNumber: stored?.origin?.sheetNumber ?? sheetNumber(contract.startsOn, monday),
      trainingYear: Math.max(1, trainingYear(contract.startsOn, dates[4] ?? monday)),
      previous: weekInRecord(contract, previous, today) ? weekKey(previous) : null,
      next: weekInRecord(contract, next, today) ? weekKey(next) : null,
    },
    stored: Boolean(stored),
    status,
    revision: stored?.revision ?? 0,
    content,
    totals: weekTotals(content),
    warnings: schoolOnly
      ? []
      : weekWarnings(content, {
          minor: isMinorOn(contract.birthDate, monday),
          // Only the days of the contract that have begun: not before its start, after its end or after today.
          firstDay: Math.max(0, dayIndex(monday, contract.startsOn)),
          workdays: Math.min(daysSoFar(monday, today), dayIndex(monday, contract.lastDay) + 1),
        }),
    returnComment: status === "draft" && !schoolOnly ? (stored?.returnComment ?? null) : null,
    submittedAt: stored?.submittedAt?.toISOString() ?? null,
    approval:
      stored?.approvedAt && stored.contentHash
        ? {
            at: stored.approvedAt.toISOString(),
            hash: stored.contentHash,
            byName: [...events].reverse().find((event) => event.action === "approved")?.actorName ?? "",
          }
        : null,
    importedFrom: stored?.origin ? stored.origin.companyName : null,
    history: events.map((event) => ({ ...event, at: event.at.toISOString() })),
    proposals,
    can: {
      edit: editable,
      approve: access.review && status === "submitted",
      returnWeek: access.review && status === "submitted",
      reopen: access.review && status === "approved" && !stored?.origin,
      schoolOnly,
      exportPdf: !schoolOnly,
    },
    nextWaiting,
  };
}

export type WeekPage = Awaited<ReturnType<typeof weekPage>>;
