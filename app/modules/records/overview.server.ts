import { asc, eq } from "drizzle-orm";
import { apprenticeships, occupations, organizations, recordWeeks } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";
import { loadRecordContract } from "./contract.server.ts";
import { firstBrokenWeek } from "./verify.server.ts";
import { weekInRecord } from "./week-bounds.ts";
import { isoWeekOf, mondayOf, sheetNumber, weekKey } from "./week-dates.ts";
import { addDays } from "#app/modules/training/training-year.ts";

/** How a week stands in the list: stored states, or what an unstored week is. */
export type WeekState = "approved" | "submitted" | "returned" | "draft" | "missing" | "open";

/**
 * The whole record of one apprenticeship, newest week first: each week's state, the counts,
 * and for the company the result of the chain check (the first week that no longer matches).
 */
export async function recordOverview(ctx: Ctx, input: { apprenticeshipId: string }) {
  const { contract, access } = await loadRecordContract(ctx.db, ctx.actor, input.apprenticeshipId);
  const today = todayInGermany(ctx.now);
  const [stored, check] = await Promise.all([
    ctx.db
      .select({
        weekStart: recordWeeks.weekStart,
        status: recordWeeks.status,
        returnComment: recordWeeks.returnComment,
        origin: recordWeeks.origin,
      })
      .from(recordWeeks)
      .where(eq(recordWeeks.apprenticeshipId, contract.id))
      .orderBy(asc(recordWeeks.weekStart)),
    access.company || access.own ? firstBrokenWeek(ctx.db, contract.id) : Promise.resolve(null),
  ]);
  const byMonday = new Map(stored.map((week) => [week.weekStart, week]));
  const weeks: {
    key: string;
    monday: string;
    isoWeek: number;
    isoYear: number;
    sheetNumber: number;
    state: WeekState;
    importedFrom: string | null;
  }[] = [];
  const listWeek = (
    monday: string,
    state: WeekState,
    importedFrom: string | null = null,
    number = sheetNumber(contract.startsOn, monday),
  ) => {
    const { year, week } = isoWeekOf(monday);
    weeks.push({
      key: weekKey(monday),
      monday,
      isoWeek: week,
      isoYear: year,
      sheetNumber: number,
      state,
      importedFrom,
    });
  };
  for (let monday = mondayOf(contract.startsOn); weekInRecord(contract, monday, today); monday = addDays(monday, 7)) {
    const week = byMonday.get(monday);
    const ended = addDays(monday, 6) < today;
    if (!week) listWeek(monday, ended ? "missing" : "open");
    else if (week.status === "draft") listWeek(monday, week.returnComment ? "returned" : ended ? "missing" : "draft");
    else listWeek(monday, week.status);
  }
  // Weeks brought along from another company come before this apprenticeship's first week.
  const firstMonday = mondayOf(contract.startsOn);
  for (const week of stored) {
    if (week.origin && week.weekStart < firstMonday) {
      listWeek(week.weekStart, "approved", week.origin.companyName, week.origin.sheetNumber);
    }
  }
  weeks.sort((a, b) => (a.monday < b.monday ? 1 : -1));
  const count = (state: WeekState) => weeks.filter((week) => week.state === state).length;
  return {
    apprenticeship: {
      id: contract.id,
      apprenticeName: contract.apprenticeName,
      occupationName: contract.occupationName,
      companyName: contract.companyName,
      startsOn: contract.startsOn,
      lastDay: contract.lastDay,
      trainingYear: Math.max(1, trainingYear(contract.startsOn, [today, contract.lastDay].sort()[0] ?? today)),
    },
    currentWeek: weekInRecord(contract, mondayOf(today), today) ? weekKey(mondayOf(today)) : null,
    weeks,
    counts: {
      approved: count("approved"),
      submitted: count("submitted"),
      returned: count("returned"),
      missing: count("missing"),
    },
    chain: check,
    can: { exportAll: access.own || access.company, importRecord: access.review, verify: access.company || access.own },
    schoolOnly: !access.own && !access.company,
  };
}

/** The apprentice's own apprenticeships, running first: where "Mein Berichtsheft" leads. */
export async function ownRecords(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      id: apprenticeships.id,
      companyName: organizations.name,
      occupationName: occupations.name,
      startsOn: apprenticeships.startsOn,
      actualEndOn: apprenticeships.actualEndOn,
      plannedEndOn: apprenticeships.plannedEndOn,
    })
    .from(apprenticeships)
    .innerJoin(organizations, eq(organizations.id, apprenticeships.companyId))
    .innerJoin(occupations, eq(occupations.id, apprenticeships.occupationId))
    .where(eq(apprenticeships.apprenticeId, ctx.actor.id))
    .orderBy(asc(apprenticeships.startsOn));
  const today = todayInGermany(ctx.now);
  return rows
    .map((row) => ({ ...row, running: row.startsOn <= today && (row.actualEndOn ?? row.plannedEndOn) >= today }))
    .sort((a, b) => Number(b.running) - Number(a.running) || (a.startsOn < b.startsOn ? 1 : -1));
}
