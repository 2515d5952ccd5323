import { type SQL, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";

/** One calendar week (ISO: Monday to Sunday, Europe/Berlin) of an apprentice's learning. */
export type WeekActivity = {
  /** The Monday, as an ISO date. */
  weekStart: string;
  /** ISO week number ("KW"). */
  isoWeek: number;
  /** Lessons marked done that week. */
  lessons: number;
  /** Quiz attempts submitted that week. */
  quizzes: number;
  /** Learning time: the minutes of the lessons finished that week. */
  minutes: number;
};

/**
 * The last `weeks` calendar weeks up to and including the week of `now`, oldest first, in ONE
 * statement: the weeks come from generate_series, so a week without activity is there with 0.
 * `courseScope` (over the course alias `c`) limits the count to what the viewer may see.
 */
export function weeklyActivity(
  db: Database,
  userId: string,
  now: Date,
  courseScope: SQL,
  weeks = 12,
): Promise<WeekActivity[]> {
  const back = `${weeks - 1} weeks`;
  return selectRows<WeekActivity>(
    db,
    sql`
    with bounds as (
      select date_trunc('week', ${now.toISOString()}::timestamptz at time zone 'Europe/Berlin') as this_week
    ),
    weeks as (
      select generate_series(b.this_week - ${back}::interval, b.this_week, interval '1 week') as week_start
      from bounds b
    ),
    lessons_done as (
      select date_trunc('week', lp.completed_at at time zone 'Europe/Berlin') as week_start,
        count(*) as n, sum(l.minutes) as minutes
      from lesson_progress lp join lessons l on l.id = lp.lesson_id
        join course_modules m on m.id = l.module_id join courses c on c.id = m.course_id cross join bounds b
      where lp.user_id = ${userId} and (${courseScope})
        and lp.completed_at >= (b.this_week - ${back}::interval) at time zone 'Europe/Berlin'
      group by 1
    ),
    attempts_done as (
      select date_trunc('week', qa.submitted_at at time zone 'Europe/Berlin') as week_start, count(*) as n
      from quiz_attempts qa join quizzes q on q.id = qa.quiz_id join course_modules m on m.id = q.module_id
        join courses c on c.id = m.course_id cross join bounds b
      where qa.user_id = ${userId} and qa.status = 'finished' and (${courseScope})
        and qa.submitted_at >= (b.this_week - ${back}::interval) at time zone 'Europe/Berlin'
      group by 1
    )
    select to_char(w.week_start, 'YYYY-MM-DD') as "weekStart", extract(week from w.week_start)::int as "isoWeek",
      coalesce(ld.n, 0)::int as lessons, coalesce(ad.n, 0)::int as quizzes, coalesce(ld.minutes, 0)::int as minutes
    from weeks w
    left join lessons_done ld on ld.week_start = w.week_start
    left join attempts_done ad on ad.week_start = w.week_start
    order by w.week_start`,
  );
}
