import { and, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { assignmentRecipients, assignments } from "#db/schema/index.ts";
import type { Actor, Ctx } from "#app/modules/context.server.ts";
import { courseRead, lessonLive } from "#app/modules/permissions/course-access.server.ts";
import { can, requireFollowApprentice } from "#app/modules/permissions/permissions.ts";
import { todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { weeklyActivity } from "./activity.server.ts";
import { assignmentSummaries } from "./assignment-summaries.server.ts";
import { recipientProgress } from "./recipient-progress.server.ts";
import { compareForApprentice, deriveStatus } from "./status.ts";

type TiesRow = {
  via: "company" | "school";
  organizationId: string;
  organizationName: string;
  apprenticeName: string;
  occupationName: string | null;
  startsOn: string | null;
  className: string | null;
  classYear: number | null;
};

/**
 * Where an apprentice belongs, in ONE statement: companies (and training centres) where they are
 * a member as apprentice, with their apprenticeship there, and schools — with a class they are
 * enrolled in, or as a member. The same organisations as `apprenticeOrganizations`, but split
 * (a school's staff follow its students through `classes.view`, never `team.view`) and with names.
 */
export async function apprenticeTies(db: Database, apprenticeId: string) {
  const rows = await selectRows<TiesRow>(
    db,
    sql`
    select case when org.kind = 'school' then 'school' else 'company' end as via, m.organization_id as "organizationId", org.name as "organizationName",
      u.name as "apprenticeName", occ.name as "occupationName", ap.starts_on::text as "startsOn",
      null::text as "className", null::int as "classYear"
    from memberships m
    join users u on u.id = m.user_id
    join organizations org on org.id = m.organization_id
    left join apprenticeships ap on ap.apprentice_id = m.user_id and ap.company_id = m.organization_id
    left join occupations occ on occ.id = ap.occupation_id
    where m.user_id = ${apprenticeId} and m.role = 'apprentice' and m.deactivated_at is null
    union all
    select 'school', sc.school_id, org.name, u.name, occ.name, null, sc.name, sc.training_year::int
    from class_enrollments ce
    join school_classes sc on sc.id = ce.class_id
    join organizations org on org.id = sc.school_id
    join users u on u.id = ce.apprentice_id
    left join occupations occ on occ.id = sc.occupation_id
    where ce.apprentice_id = ${apprenticeId}`,
  );
  const ids = (via: TiesRow["via"]) => [...new Set(rows.filter((r) => r.via === via).map((r) => r.organizationId))];
  return { rows, companies: ids("company"), schools: ids("school") };
}

type CourseRow = {
  courseId: string;
  title: string;
  ownerOrganizationId: string | null;
  lessonsDone: number;
  lessonsTotal: number;
  lastAt: number | null;
};

/** Courses the apprentice finished lessons in, with "done of total" live lessons: one statement. */
function courseProgress(db: Database, apprenticeId: string, courseScope: SQL): Promise<CourseRow[]> {
  return selectRows<CourseRow>(
    db,
    sql`
    with done as (
      select m.course_id, count(*) as n, max(lp.completed_at) as last_at
      from lesson_progress lp
      join lessons l on l.id = lp.lesson_id
      join course_modules m on m.id = l.module_id
      where lp.user_id = ${apprenticeId}
        and ${lessonLive.where("l", "m")}
      group by m.course_id
    ),
    totals as (
      select m.course_id, count(*) as n
      from course_modules m join lessons l on l.module_id = m.id
      where m.course_id in (select course_id from done)
        and ${lessonLive.where("l", "m")}
      group by m.course_id
    )
    select c.id as "courseId", c.title, c.owner_organization_id as "ownerOrganizationId",
      d.n::int as "lessonsDone", t.n::int as "lessonsTotal",
      extract(epoch from d.last_at)::float8 * 1000 as "lastAt"
    from done d
    join totals t on t.course_id = d.course_id
    join courses c on c.id = d.course_id
    where c.status = 'published' and (${courseScope})
    order by d.last_at desc`,
  );
}

type QuizRow = {
  quizId: string;
  title: string;
  courseId: string;
  courseTitle: string;
  ownerOrganizationId: string | null;
  attempts: number;
  bestPercent: number | null;
  passed: boolean;
  pendingGrading: boolean;
  open: boolean;
  lastAt: number | null;
};

/** Per quiz the apprentice tried: best result, passed, attempts, waiting for a grade. One statement. */
function quizResults(db: Database, apprenticeId: string, courseScope: SQL): Promise<QuizRow[]> {
  return selectRows<QuizRow>(
    db,
    sql`
    select q.id as "quizId", q.title, c.id as "courseId", c.title as "courseTitle",
      c.owner_organization_id as "ownerOrganizationId",
      (count(*) filter (where qa.status = 'finished'))::int as attempts,
      (max(qa.percent) filter (where qa.status = 'finished'))::float8 as "bestPercent",
      coalesce(bool_or(qa.passed), false) as passed,
      coalesce(bool_or(qa.status = 'finished' and qa.passed is null), false) as "pendingGrading",
      coalesce(bool_or(qa.status = 'open'), false) as open,
      extract(epoch from max(qa.updated_at))::float8 * 1000 as "lastAt"
    from quiz_attempts qa
    join quizzes q on q.id = qa.quiz_id
    join course_modules m on m.id = q.module_id
    join courses c on c.id = m.course_id
    where qa.user_id = ${apprenticeId} and (${courseScope})
    group by q.id, q.title, c.id, c.title, c.owner_organization_id
    order by max(qa.updated_at) desc`,
  );
}

/** Whether the viewer may open a (published) course's page: the course read rule. */
function canOpenCourse(actor: Actor, ownerOrganizationId: string | null): boolean {
  return courseRead.allows(actor, { ownerOrganizationId, status: "published" });
}

/**
 * One apprentice as seen by a trainer of their company or a teacher of a school with a class
 * they are in, under the organisation of the URL (it must be one through which the actor follows
 * them, else "not found"). Everyone sees the courses, quizzes and activity they may read
 * themselves (`courseRead`: an organisation's own courses stay inside it); a trainer sees the
 * tasks of their companies and of schools, a school follower the school's tasks.
 *
 * SIX statements whatever the amount of work: where the apprentice belongs (also the access
 * check), then together their assignments' titles, their progress (one `recipientProgress`),
 * courses, quiz results and the weekly activity.
 */
export async function apprenticeOverview(ctx: Ctx, organizationId: string, apprenticeId: string) {
  const ties = await apprenticeTies(ctx.db, apprenticeId);
  const via = requireFollowApprentice(ctx.actor, ties);
  if (!via.asCompany.includes(organizationId) && !via.asSchool.includes(organizationId)) {
    throw new NotFoundError("apprentice");
  }
  const first = ties.rows[0];
  if (!first) throw new NotFoundError("apprentice");
  const organization = ctx.actor.memberships.find((m) => m.organizationId === organizationId);

  const asTrainer = via.asCompany.length > 0;
  // Courses, quizzes and activity: only what the viewer may read themselves (another company's
  // own courses stay inside it, also when the apprentice belongs to two companies at once).
  const courseScope = courseRead.where(ctx.actor, { owner: sql`c.owner_organization_id`, status: sql`c.status` });
  // Assignments: a trainer sees their own companies' and the schools' tasks, never another
  // company's; a school follower sees the school's.
  const givers = (column: SQL) =>
    asTrainer
      ? (or(
          inArray(column, via.asCompany),
          sql`exists (select 1 from organizations go where go.id = ${column} and go.kind = 'school')`,
        ) as SQL)
      : inArray(column, via.asSchool);
  const recipientScope = givers(sql`a.organization_id`);

  const [summaries, progress, courses, quizzes, activity] = await Promise.all([
    assignmentSummaries(
      ctx.db,
      and(
        sql`exists (select 1 from ${assignmentRecipients} where ${assignmentRecipients.assignmentId} = ${assignments.id} and ${assignmentRecipients.apprenticeId} = ${apprenticeId})`,
        givers(sql`${assignments.organizationId}`),
      ) as SQL,
    ),
    recipientProgress(ctx.db, sql`ar.apprentice_id = ${apprenticeId} and (${recipientScope})`),
    courseProgress(ctx.db, apprenticeId, courseScope),
    quizResults(ctx.db, apprenticeId, courseScope),
    weeklyActivity(ctx.db, apprenticeId, ctx.now, courseScope),
  ]);

  const today = todayInGermany(ctx.now);
  const progressById = new Map(progress.map((p) => [p.assignmentId, p]));
  const assignmentRows = summaries
    .flatMap((summary) => {
      const own = progressById.get(summary.id);
      if (!own) return [];
      return [
        {
          id: summary.id,
          kind: summary.kind,
          title: summary.title,
          courseTitle: summary.courseTitle,
          organizationId: summary.organizationId,
          organizationName: summary.organizationName,
          className: summary.className,
          dueOn: summary.dueOn,
          status: deriveStatus(own, summary.dueOn, today),
          completedAt: own.completedAt,
          itemsDone: own.itemsDone,
          itemsTotal: own.itemsTotal,
          scorePercent: own.scorePercent === null ? null : Math.round(own.scorePercent),
          pendingGrading: own.pendingGrading,
          canManage: can(ctx.actor, "assignments.manage", summary.organizationId),
        },
      ];
    })
    .sort(compareForApprentice);

  return {
    organization: {
      id: organizationId,
      name: organization?.organizationName ?? "",
      kind: organization?.organizationKind ?? "company",
    },
    apprentice: { id: apprenticeId, name: first.apprenticeName },
    apprenticeships: ties.rows
      .filter((r) => r.via === "company")
      .map((r) => ({
        companyId: r.organizationId,
        companyName: r.organizationName,
        occupationName: r.occupationName,
        startsOn: r.startsOn,
        trainingYear: r.startsOn ? trainingYear(r.startsOn, today) : null,
      })),
    classes: ties.rows
      .filter((r) => r.className !== null)
      .map((r) => ({
        schoolId: r.organizationId,
        schoolName: r.organizationName,
        className: r.className ?? "",
        occupationName: r.occupationName,
        trainingYear: r.classYear,
      })),
    /** "all": every assignment of the apprentice; "school": only those of the viewer's schools. */
    assignmentScope: asTrainer ? ("all" as const) : ("school" as const),
    canManageAssignments: can(ctx.actor, "assignments.manage", organizationId),
    canViewTeam: can(ctx.actor, "team.view", organizationId),
    canViewClasses: can(ctx.actor, "classes.view", organizationId),
    assignments: assignmentRows,
    courses: courses.map((c) => ({
      id: c.courseId,
      title: c.title,
      lessonsDone: c.lessonsDone,
      lessonsTotal: c.lessonsTotal,
      percent: c.lessonsTotal === 0 ? 0 : Math.round((c.lessonsDone / c.lessonsTotal) * 100),
      lastAt: c.lastAt === null ? null : new Date(c.lastAt),
      canOpen: canOpenCourse(ctx.actor, c.ownerOrganizationId),
    })),
    quizzes: quizzes.map((q) => ({
      id: q.quizId,
      title: q.title,
      courseTitle: q.courseTitle,
      attempts: q.attempts,
      bestPercent: q.bestPercent === null ? null : Math.round(q.bestPercent),
      passed: q.passed,
      pendingGrading: q.pendingGrading,
      open: q.open,
      lastAt: q.lastAt === null ? null : new Date(q.lastAt),
    })),
    activity,
  };
}
export type ApprenticeOverview = Awaited<ReturnType<typeof apprenticeOverview>>;
