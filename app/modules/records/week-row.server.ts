import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { recordWeeks } from "#db/schema/index.ts";

/** The stored week of an apprenticeship, or undefined while nothing was saved. `lock`: FOR UPDATE. */
export async function findWeek(db: Database, apprenticeshipId: string, monday: string, lock = false) {
  const query = db
    .select()
    .from(recordWeeks)
    .where(and(eq(recordWeeks.apprenticeshipId, apprenticeshipId), eq(recordWeeks.weekStart, monday)));
  const [week] = await (lock ? query.for("update") : query);
  return week;
}

export type StoredWeek = NonNullable<Awaited<ReturnType<typeof findWeek>>>;
