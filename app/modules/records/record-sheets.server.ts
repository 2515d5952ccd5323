import { and, asc, between, eq, inArray } from "drizzle-orm";
import { recordEvents, recordWeeks } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { weekTotals } from "./content.ts";
import { loadRecordContract } from "./contract.server.ts";
import { freshContent } from "./save-week.server.ts";
import type { RecordSheet } from "./sheet.ts";
import { addDays } from "#app/modules/training/training-year.ts";
import { isoWeekOf, mondayOf, mondayOfWeekKey, sheetDates, sheetNumber, weekKey } from "./week-dates.ts";

/** The most weeks one PDF holds: four years and a half (the longest apprenticeship plus a change). */
export const SHEETS_MAX = 240;

/**
 * The sheets of a range of weeks, as the PDF prints them: stored weeks as they are, weeks not
 * written yet as empty sheets with their holidays, so a printed range has no silent gaps. For the
 * apprentice and the company; a school sees no PDF (it would hold the company's part).
 */
export async function recordSheets(
  ctx: Ctx,
  input: { apprenticeshipId: string; from?: string | null; to?: string | null },
): Promise<{ sheets: RecordSheet[]; apprenticeName: string }> {
  const { contract, access } = await loadRecordContract(ctx.db, ctx.actor, input.apprenticeshipId);
  if (!access.own && !access.company) throw new NotFoundError("record");
  const today = todayInGermany(ctx.now);
  const first = mondayOf(contract.startsOn);
  const last = mondayOf(contract.lastDay < today ? contract.lastDay : today);
  const asked = [(input.from && mondayOfWeekKey(input.from)) || first, (input.to && mondayOfWeekKey(input.to)) || last];
  // "From" and "to" typed the wrong way round still mean the weeks between them.
  const [from, to] = asked.sort() as [string, string];

  const stored = await ctx.db
    .select()
    .from(recordWeeks)
    .where(and(eq(recordWeeks.apprenticeshipId, contract.id), between(recordWeeks.weekStart, from, to)))
    .orderBy(asc(recordWeeks.weekStart));
  const approvers = stored.length
    ? await ctx.db
        .select({ weekId: recordEvents.weekId, actorName: recordEvents.actorName, at: recordEvents.at })
        .from(recordEvents)
        .where(
          and(
            inArray(
              recordEvents.weekId,
              stored.map((week) => week.id),
            ),
            eq(recordEvents.action, "approved"),
          ),
        )
        .orderBy(asc(recordEvents.at))
    : [];
  const approverOf = new Map(approvers.map((row) => [row.weekId, row.actorName]));
  const byMonday = new Map(stored.map((week) => [week.weekStart, week]));

  const mondays: string[] = [];
  // Imported weeks lie before this apprenticeship's first week; they print too when in range.
  for (const week of stored) if (week.weekStart < first) mondays.push(week.weekStart);
  for (let monday = from < first ? first : from; monday <= to && monday <= last; monday = addDays(monday, 7)) {
    mondays.push(monday);
  }
  if (mondays.length === 0) throw new NotFoundError("record");
  const sheets = mondays.slice(0, SHEETS_MAX).map((monday): RecordSheet => {
    const week = byMonday.get(monday);
    const content = week?.content ?? freshContent(contract, monday);
    const dates = sheetDates(monday);
    const { year, week: isoWeek } = isoWeekOf(monday);
    return {
      apprenticeName: contract.apprenticeName,
      occupationName: week?.origin?.occupationName ?? contract.occupationName,
      companyName: week?.origin?.companyName ?? contract.companyName,
      trainingYear: Math.max(1, trainingYear(contract.startsOn, dates[4] ?? monday)),
      sheetNumber: week?.origin?.sheetNumber ?? sheetNumber(contract.startsOn, monday),
      weekKey: weekKey(monday),
      isoYear: year,
      isoWeek,
      weekStart: monday,
      weekEnd: dates[5] ?? monday,
      rhythm: contract.rhythm,
      status: week?.status ?? "draft",
      days: content.days.map((day, i) => ({ ...day, date: dates[i] ?? monday })),
      lines: content.lines,
      totals: weekTotals(content),
      submittedAt: week?.submittedAt?.toISOString() ?? null,
      approval:
        week?.approvedAt && week.contentHash
          ? { at: week.approvedAt.toISOString(), byName: approverOf.get(week.id) ?? "", hash: week.contentHash }
          : null,
      importedFrom: week?.origin?.companyName ?? null,
    };
  });
  return { sheets, apprenticeName: contract.apprenticeName };
}
