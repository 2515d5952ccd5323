import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { completeAssignmentsOf } from "./recipient-progress.server.ts";

/**
 * A student who joins a class gets the class's whole-class assignments that are not yet due
 * (work already overdue on the first day would only discourage). Runs in the transaction that
 * enrolls them; work they did before counts at once.
 */
export async function giveClassAssignmentsToNewStudent(
  db: Database,
  input: { classId: string; apprenticeId: string; now: Date },
): Promise<void> {
  await db.execute(sql`insert into assignment_recipients (assignment_id, apprentice_id)
    select a.id, ${input.apprenticeId}::uuid from assignments a
    where a.class_id = ${input.classId} and a.whole_class and a.withdrawn_at is null
      and a.due_on >= ${todayInGermany(input.now)}::date
    on conflict do nothing`);
  await completeAssignmentsOf(db, input.apprenticeId, input.now);
}
