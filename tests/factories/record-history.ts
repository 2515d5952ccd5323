import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { occupationId } from "./index.ts";

/**
 * Years of Berichtsheft for many apprentices at once, in two statements: an apprenticeship each
 * (started `weeks` weeks ago) and a sheet per ended week — approved, but the last two submitted
 * and every tenth missing. For counting statements and benchmarks, not for the chain (approvals
 * here have no history).
 */
export async function createRecordHistory(
  db: Database,
  input: { companyId: string; trainerId: string; apprenticeIds: string[]; weeks: number; today: string },
) {
  if (input.apprenticeIds.length === 0) return;
  const occupation = await occupationId(db);
  const ids = sql.join(
    input.apprenticeIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`insert into apprenticeships (apprentice_id, company_id, trainer_id, occupation_id, starts_on, planned_end_on)
    select id, ${input.companyId}::uuid, ${input.trainerId}::uuid, ${occupation}::uuid,
      date_trunc('week', ${input.today}::date)::date - ${input.weeks * 7}::int,
      date_trunc('week', ${input.today}::date)::date + 365
    from unnest(array[${ids}]) as id`);
  await db.execute(sql`insert into record_weeks (apprenticeship_id, week_start, status, content, submitted_at, approved_at, content_hash)
    select ap.id, w.monday,
      (case when w.n > ${input.weeks - 2}::int then 'submitted' else 'approved' end)::record_week_status,
      '{"days":[],"lines":[{"section":"company","text":"Werkstatt","hours":8,"day":null,"source":null}]}'::jsonb,
      now(),
      case when w.n > ${input.weeks - 2}::int then null else now() end,
      case when w.n > ${input.weeks - 2}::int then null else md5(ap.id::text || w.n) end
    from apprenticeships ap
    cross join lateral (select n, (ap.starts_on + (n - 1) * 7)::date as monday from generate_series(1, ${input.weeks}::int) n) w
    where ap.company_id = ${input.companyId}::uuid and ap.apprentice_id in (${ids}) and w.n % 10 <> 3`);
}
