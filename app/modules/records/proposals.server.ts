import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import type { RecordLine, RecordSection } from "./types.ts";
import { addDays } from "#app/modules/training/training-year.ts";
import { DAYS_PER_SHEET } from "./week-dates.ts";

/** A line the apprentice may take into the week: what they finished in Werkbank. */
export type Proposal = RecordLine & { source: string; kind: "lesson" | "quiz" | "assignment" };

type Row = {
  kind: Proposal["kind"];
  id: string;
  title: string;
  courseTitle: string;
  school: boolean;
  minutes: number | null;
  day: number;
};

/** Minutes as hours in quarter hours, at least a quarter: "0,25" for a 10-minute lesson. */
export function minutesToHours(minutes: number | null): number | null {
  if (minutes === null || minutes <= 0) return null;
  return Math.max(0.25, Math.round(minutes / 15) / 4);
}

/**
 * What the apprentice finished in Werkbank in the week (Monday to Sunday, German time): lessons
 * read, quizzes passed, course and module tasks done. A school's course goes under
 * "Berufsschule", a company's or the library's under "Unterweisungen". Nothing here is written
 * into the week; the apprentice accepts, edits or drops each line. `taken`: sources already in
 * the week or dropped.
 */
export async function proposalsFor(
  db: Database,
  input: { apprenticeId: string; monday: string; taken: ReadonlySet<string> },
): Promise<Proposal[]> {
  const from = input.monday;
  const to = addDays(input.monday, 7);
  const inWeek = (column: ReturnType<typeof sql>) =>
    sql`${column} >= (${from}::date::timestamp at time zone 'Europe/Berlin') and ${column} < (${to}::date::timestamp at time zone 'Europe/Berlin')`;
  const dayOf = (column: ReturnType<typeof sql>) =>
    sql`(extract(isodow from (${column} at time zone 'Europe/Berlin'))::int - 1)`;
  const rows = await selectRows<Row>(
    db,
    sql`select 'lesson' as kind, l.id, coalesce(l.published_title, l.title) as title, c.title as "courseTitle",
        coalesce(org.kind = 'school', false) as school, l.minutes::int as minutes, ${dayOf(sql`lp.completed_at`)} as day
      from lesson_progress lp
      join lessons l on l.id = lp.lesson_id
      join course_modules cm on cm.id = l.module_id
      join courses c on c.id = cm.course_id
      left join organizations org on org.id = c.owner_organization_id
      where lp.user_id = ${input.apprenticeId} and ${inWeek(sql`lp.completed_at`)}
    union all
    select distinct on (q.id) 'quiz', q.id, q.title, c.title, coalesce(org.kind = 'school', false),
        greatest(1, round(extract(epoch from (qa.submitted_at - qa.started_at)) / 60))::int, ${dayOf(sql`qa.submitted_at`)}
      from quiz_attempts qa
      join quizzes q on q.id = qa.quiz_id
      join course_modules cm on cm.id = q.module_id
      join courses c on c.id = cm.course_id
      left join organizations org on org.id = c.owner_organization_id
      where qa.user_id = ${input.apprenticeId} and qa.passed and ${inWeek(sql`qa.submitted_at`)}
    union all
    select 'assignment', a.id, coalesce(cm.title, c.title), c.title, coalesce(org.kind = 'school', false), null,
        ${dayOf(sql`ar.completed_at`)}
      from assignment_recipients ar
      join assignments a on a.id = ar.assignment_id
      join courses c on c.id = a.course_id
      left join course_modules cm on cm.id = a.module_id
      left join organizations org on org.id = c.owner_organization_id
      where ar.apprentice_id = ${input.apprenticeId} and a.kind in ('course', 'module') and ${inWeek(sql`ar.completed_at`)}
    order by day, kind, title`,
  );
  return rows
    .map((row): Proposal => {
      const section: RecordSection = row.school ? "school" : "instruction";
      const text =
        row.kind === "lesson"
          ? `${row.title} (${row.courseTitle})`
          : row.kind === "quiz"
            ? `Test bestanden: ${row.title}`
            : `Aufgabe erledigt: ${row.title}`;
      // Quizzes count their real time, capped at two hours (a tab left open is no study time).
      const minutes = row.kind === "quiz" && row.minutes !== null ? Math.min(row.minutes, 120) : row.minutes;
      return {
        kind: row.kind,
        section,
        text,
        hours: minutesToHours(minutes),
        // Sunday is no day of the sheet: the line belongs to the week, not to a day.
        day: row.day < DAYS_PER_SHEET ? row.day : null,
        source: `${row.kind}:${row.id}`,
      };
    })
    .filter((proposal) => !input.taken.has(proposal.source));
}
