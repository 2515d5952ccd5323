import { type SQL, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { lessonLive } from "#app/modules/permissions/course-access.server.ts";

/**
 * How far each recipient of the chosen assignments has come, in ONE statement whatever the number
 * of apprentices, assignments, lessons or attempts: the target of every assignment is unfolded
 * into its lessons and quizzes once, then joined with the recipients' progress and grouped.
 *
 * `recipients` is a condition on `ar` (assignment_recipients) and `a` (assignments), e.g.
 * `ar.apprentice_id = $1` or `a.organization_id = $1`. Withdrawn assignments never count.
 */
export function progressCtes(recipients: SQL): SQL {
  return sql`
  with r as materialized (
    select ar.assignment_id, ar.apprentice_id, ar.completed_at, a.kind, a.course_id, a.module_id, a.lesson_id, a.quiz_id
    from assignment_recipients ar
    join assignments a on a.id = ar.assignment_id
    where a.withdrawn_at is null and (${recipients})
  ),
  ta as (select distinct assignment_id, kind, course_id, module_id, lesson_id, quiz_id from r),
  target_lessons as (
    select ta.assignment_id, l.id as lesson_id, l.published_title as title, l.minutes, m.position as module_position, l.position
    from ta join lessons l on l.id = ta.lesson_id join course_modules m on m.id = l.module_id
    where ta.kind = 'lesson'
    union all
    select ta.assignment_id, l.id, l.published_title, l.minutes, m.position, l.position
    from ta join course_modules m on m.id = ta.module_id join lessons l on l.module_id = m.id
    where ta.kind = 'module' and ${lessonLive.where("l", "m")}
    union all
    select ta.assignment_id, l.id, l.published_title, l.minutes, m.position, l.position
    from ta join course_modules m on m.course_id = ta.course_id
    join lessons l on l.module_id = m.id
    where ta.kind = 'course' and ${lessonLive.where("l", "m")}
  ),
  target_quizzes as (
    select ta.assignment_id, q.id as quiz_id, q.title, m.position as module_position, q.draw_count
    from ta join quizzes q on q.id = ta.quiz_id join course_modules m on m.id = q.module_id
    where ta.kind = 'quiz'
    union all
    select ta.assignment_id, q.id, q.title, m.position, q.draw_count
    from ta join course_modules m on m.id = ta.module_id join quizzes q on q.module_id = m.id
    where ta.kind = 'module'
    union all
    select ta.assignment_id, q.id, q.title, m.position, q.draw_count
    from ta join course_modules m on m.course_id = ta.course_id and m.archived_at is null
    join quizzes q on q.module_id = m.id
    where ta.kind = 'course'
  ),
  quiz_sizes as (
    select tq.quiz_id, coalesce(min(tq.draw_count), count(qn.id)) as questions
    from (select distinct quiz_id, draw_count from target_quizzes) tq
    left join questions qn on qn.quiz_id = tq.quiz_id and qn.archived_at is null and qn.type <> 'description'
    group by tq.quiz_id
  ),
  lesson_counts as (
    select r.assignment_id, r.apprentice_id,
      count(*) as total, count(lp.lesson_id) as done,
      coalesce(sum(tl.minutes) filter (where lp.lesson_id is null), 0) as minutes_left,
      max(lp.completed_at) as last_at
    from r join target_lessons tl on tl.assignment_id = r.assignment_id
    left join lesson_progress lp on lp.user_id = r.apprentice_id and lp.lesson_id = tl.lesson_id
    group by r.assignment_id, r.apprentice_id
  ),
  -- Per recipient and quiz, the attempts through the (user_id, quiz_id) index: exact whatever
  -- the planner guesses for the rows of r.
  quiz_counts as (
    select r.assignment_id, r.apprentice_id,
      count(*) as total, count(*) filter (where b.passed) as passed, count(*) filter (where b.attempts > 0) as started,
      coalesce(bool_or(b.pending), false) as pending,
      max(b.percent) as best_percent, avg(b.percent) as average_percent,
      coalesce(sum(qs.questions) filter (where not b.passed), 0) as questions_left,
      max(b.last_at) as last_at
    from r join target_quizzes tq on tq.assignment_id = r.assignment_id
    join quiz_sizes qs on qs.quiz_id = tq.quiz_id
    cross join lateral (
      select count(*) as attempts,
        max(qa.percent) filter (where qa.status = 'finished') as percent,
        coalesce(bool_or(qa.passed), false) as passed,
        coalesce(bool_or(qa.status = 'finished' and qa.passed is null), false) as pending,
        max(qa.updated_at) as last_at
      from quiz_attempts qa where qa.user_id = r.apprentice_id and qa.quiz_id = tq.quiz_id
    ) b
    group by r.assignment_id, r.apprentice_id
  ),
  progress as (
    select r.assignment_id, r.apprentice_id, r.completed_at, r.kind,
      coalesce(lc.total, 0) as lessons_total, coalesce(lc.done, 0) as lessons_done,
      coalesce(qc.total, 0) as quizzes_total, coalesce(qc.passed, 0) as quizzes_passed,
      coalesce(qc.started, 0) as quizzes_started, coalesce(qc.pending, false) as pending_grading,
      case when r.kind = 'course' then qc.average_percent else qc.best_percent end as score_percent,
      coalesce(lc.minutes_left, 0) as minutes_left, coalesce(qc.questions_left, 0) as questions_left,
      greatest(lc.last_at, qc.last_at) as last_at
    from r
    left join lesson_counts lc on lc.assignment_id = r.assignment_id and lc.apprentice_id = r.apprentice_id
    left join quiz_counts qc on qc.assignment_id = r.assignment_id and qc.apprentice_id = r.apprentice_id
  )`;
}

/** Raw row of `progressColumns`; `toRecipientProgress` turns it into what the app uses. */
export type ProgressRow = {
  assignmentId: string;
  apprenticeId: string;
  completedAt: number | null;
  lessonsTotal: number;
  lessonsDone: number;
  quizzesTotal: number;
  quizzesPassed: number;
  quizzesStarted: number;
  pendingGrading: boolean;
  scorePercent: number | null;
  minutesLeft: number;
  questionsLeft: number;
  lastAt: number | null;
};

/** The columns of `progress` under the names of `ProgressRow`, timestamps as epoch milliseconds. */
export const progressColumns = sql`
  p.assignment_id as "assignmentId", p.apprentice_id as "apprenticeId",
  extract(epoch from p.completed_at)::float8 * 1000 as "completedAt",
  p.lessons_total::int as "lessonsTotal", p.lessons_done::int as "lessonsDone",
  p.quizzes_total::int as "quizzesTotal", p.quizzes_passed::int as "quizzesPassed",
  p.quizzes_started::int as "quizzesStarted", p.pending_grading as "pendingGrading",
  p.score_percent::float8 as "scorePercent", p.minutes_left::int as "minutesLeft",
  p.questions_left::int as "questionsLeft", extract(epoch from p.last_at)::float8 * 1000 as "lastAt"`;

export type RecipientProgress = Omit<ProgressRow, "completedAt" | "lastAt"> & {
  completedAt: Date | null;
  lastAt: Date | null;
  /** Something of the target is done or an attempt exists. */
  started: boolean;
  /** Items of the target (lessons + quizzes) and how many are done, for "3 von 7". */
  itemsTotal: number;
  itemsDone: number;
  /** Rough time still needed: unread lessons' minutes plus a minute per open quiz question. */
  minutesNeeded: number;
};

export function toRecipientProgress(row: ProgressRow): RecipientProgress {
  const itemsDone = row.lessonsDone + row.quizzesPassed;
  return {
    ...row,
    completedAt: row.completedAt === null ? null : new Date(row.completedAt),
    lastAt: row.lastAt === null ? null : new Date(row.lastAt),
    started: itemsDone > 0 || row.quizzesStarted > 0,
    itemsTotal: row.lessonsTotal + row.quizzesTotal,
    itemsDone,
    minutesNeeded: row.minutesLeft + row.questionsLeft,
  };
}

/** Progress of every recipient the condition selects (see `progressCtes`). */
export async function recipientProgress(db: Database, recipients: SQL): Promise<RecipientProgress[]> {
  const rows = await selectRows<ProgressRow>(
    db,
    sql`${progressCtes(recipients)} select ${progressColumns} from progress p`,
  );
  return rows.map(toRecipientProgress);
}

/**
 * Marks every assignment of the selected recipients whose work is complete, in one statement.
 * Called after each progress event (lesson done, quiz passed, essay graded) and when an
 * assignment is given, in the same transaction as the event.
 */
export async function completeFinishedAssignments(db: Database, recipients: SQL, now: Date): Promise<void> {
  await db.execute(sql`${progressCtes(sql`ar.completed_at is null and (${recipients})`)}
    update assignment_recipients ar set completed_at = ${now.toISOString()}::timestamptz
    from progress p
    where ar.assignment_id = p.assignment_id and ar.apprentice_id = p.apprentice_id
      and p.lessons_total + p.quizzes_total > 0
      and p.lessons_done = p.lessons_total and p.quizzes_passed = p.quizzes_total`);
}

/** After one apprentice's progress event: completes whatever of their assignments is now done. */
export function completeAssignmentsOf(db: Database, apprenticeId: string, now: Date): Promise<void> {
  return completeFinishedAssignments(db, sql`ar.apprentice_id = ${apprenticeId}`, now);
}

export type NextStep = {
  assignmentId: string;
  apprenticeId: string;
  kind: "lesson" | "quiz";
  id: string;
  title: string;
};

/**
 * "Was als Nächstes": per recipient the first unread lesson or unpassed quiz of the target, in
 * course order (a module's lessons before its quiz). One statement for any number of recipients.
 */
export async function nextSteps(db: Database, recipients: SQL): Promise<NextStep[]> {
  return selectRows<NextStep>(
    db,
    sql`${progressCtes(recipients)}
    , open_items as (
      select r.assignment_id, r.apprentice_id, 'lesson' as kind, tl.lesson_id as id, tl.title,
        tl.module_position * 100000 + tl.position as sort_key
      from r join target_lessons tl on tl.assignment_id = r.assignment_id
      where r.completed_at is null and not exists (
        select 1 from lesson_progress lp where lp.user_id = r.apprentice_id and lp.lesson_id = tl.lesson_id)
      union all
      select r.assignment_id, r.apprentice_id, 'quiz', tq.quiz_id, tq.title, tq.module_position * 100000 + 99999
      from r join target_quizzes tq on tq.assignment_id = r.assignment_id
      where r.completed_at is null and not exists (
        select 1 from quiz_attempts qa where qa.user_id = r.apprentice_id and qa.quiz_id = tq.quiz_id and qa.passed)
    )
    select distinct on (assignment_id, apprentice_id)
      assignment_id as "assignmentId", apprentice_id as "apprenticeId", kind, id, title
    from open_items order by assignment_id, apprentice_id, sort_key`,
  );
}
