// The Berichtsheft of every seeded apprentice: a sheet for each ended week since the start of the
// apprenticeship (three years for the oldest: about 85,000 weeks at 560 apprentices). Most are
// approved, the last two of each person submitted (the trainer's queue), every ninth missing.
// Written in one SQL statement; approvals carry a stand-in hash, as the bench reads, not verifies.
import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { weekKey } from "#app/modules/records/week-dates.ts";

const CONTENT = {
  days: [0, 1, 2, 3, 4].map((i) => ({ place: i === 2 ? "school" : "company", hours: 8, note: "" })),
  lines: [
    { section: "company", text: "Werkstücke zugeschnitten und verleimt", hours: 16, day: null, source: null },
    { section: "company", text: "Montage beim Kunden: Einbauschrank", hours: 8, day: null, source: null },
    { section: "instruction", text: "Unterweisung Maschinensicherheit", hours: 1, day: null, source: null },
    { section: "school", text: "Lernfeld 4: Einzelmöbel herstellen", hours: 8, day: null, source: null },
  ],
};

/** Seeds the weeks; returns a submitted week of the company's apprentices, for the week page. */
export async function seedRecords(db: Database, input: { now: Date; companyId: string }) {
  const today = input.now.toISOString().slice(0, 10);
  await db.execute(sql`insert into record_weeks (apprenticeship_id, week_start, status, content, revision, submitted_at, approved_at, content_hash)
    select ap.id, w.monday,
      (case when w.monday >= ${today}::date - 20 then 'submitted' else 'approved' end)::record_week_status,
      ${JSON.stringify(CONTENT)}::jsonb, 2, w.monday + 5,
      case when w.monday >= ${today}::date - 20 then null else w.monday + 7 end,
      case when w.monday >= ${today}::date - 20 then null else md5(ap.id::text || w.monday::text) end
    from apprenticeships ap
    cross join lateral (
      select monday::date from generate_series(date_trunc('week', ap.starts_on), ${today}::date - 7, interval '7 days') monday
    ) w
    where w.monday <= ap.planned_end_on and extract(week from w.monday)::int % 9 <> 4`);
  const [week] = await selectRows<{ apprenticeshipId: string; weekStart: string }>(
    db,
    sql`select w.apprenticeship_id as "apprenticeshipId", w.week_start::text as "weekStart"
      from record_weeks w join apprenticeships ap on ap.id = w.apprenticeship_id
      where ap.company_id = ${input.companyId} and w.status = 'submitted'
      order by w.week_start desc, w.apprenticeship_id limit 1`,
  );
  if (!week) throw new Error("no submitted week in the measured company");
  return { path: `/records/${week.apprenticeshipId}/${weekKey(week.weekStart)}` };
}
