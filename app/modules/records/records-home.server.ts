import type { Ctx } from "#app/modules/context.server.ts";
import { organizationIdsWith } from "#app/modules/permissions/permissions.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { ownRecords } from "./overview.server.ts";
import { approvalQueue } from "./queue.server.ts";
import { weekInRecord } from "./week-bounds.ts";
import { mondayOf, weekKey } from "./week-dates.ts";

/** "Berichtsheft" in the navigation: the apprentice's own records, a trainer's approval queue. */
export async function recordsHome(ctx: Ctx) {
  const reviews = organizationIdsWith(ctx.actor, "records.review").length > 0;
  const today = todayInGermany(ctx.now);
  const [own, queue] = await Promise.all([ownRecords(ctx), reviews ? approvalQueue(ctx) : Promise.resolve([])]);
  return {
    own: own.map((record) => {
      const contract = { startsOn: record.startsOn, lastDay: record.actualEndOn ?? record.plannedEndOn };
      return {
        ...record,
        currentWeek: record.running && weekInRecord(contract, mondayOf(today), today) ? weekKey(mondayOf(today)) : null,
      };
    }),
    queue,
    reviews,
  };
}
