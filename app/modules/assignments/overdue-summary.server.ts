import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";

export type OverdueSummary = { apprentices: number; assignments: number };

/**
 * "Wer hängt hinterher" for the home page: how many apprentices have overdue work from this
 * organisation's live assignments, and how many such tasks there are. One statement.
 */
export async function overdueSummary(db: Database, organizationId: string, today: string): Promise<OverdueSummary> {
  const [row] = await selectRows<OverdueSummary>(
    db,
    sql`select count(distinct ar.apprentice_id)::int as apprentices, count(*)::int as assignments
      from assignments a join assignment_recipients ar on ar.assignment_id = a.id
      where a.organization_id = ${organizationId} and a.withdrawn_at is null
        and a.due_on < ${today}::date and ar.completed_at is null`,
  );
  return row ?? { apprentices: 0, assignments: 0 };
}
