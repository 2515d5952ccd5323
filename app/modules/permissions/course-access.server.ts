import { and, eq, inArray, isNull, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Actor } from "#app/modules/context.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { courses } from "#db/schema/index.ts";
import { can, memberOrganizationIds, organizationIdsWith, organizationPermissions } from "./permissions.ts";

/**
 * Who may read which course, and what counts as live content: each rule once, as the check for one
 * object beside the SQL condition that list queries filter by. tests/integration/access-rules.test.ts
 * runs both forms over one test world and requires the same answer for every pair.
 */

type CourseState = { ownerOrganizationId: string | null; status: "draft" | "published" | "archived" };
type CourseColumns = { owner: SQLWrapper; status: SQLWrapper };
const courseTable: CourseColumns = { owner: courses.ownerOrganizationId, status: courses.status };

/** False instead of an empty `in ()` list. */
function within(column: SQLWrapper, ids: string[]): SQL {
  return ids.length > 0 ? inArray(column, ids) : sql`false`;
}

export function canManageCourse(actor: Actor, course: { ownerOrganizationId: string | null }): boolean {
  return course.ownerOrganizationId !== null && can(actor, "courses.manage", course.ownerOrganizationId);
}

/**
 * Reading a course: published library courses are for everyone signed in; an organisation's
 * published courses for its members; drafts and archived ones only for those who write them.
 */
export const courseRead = {
  allows(actor: Actor, course: CourseState): boolean {
    if (course.ownerOrganizationId === null) return course.status === "published";
    if (canManageCourse(actor, course)) return true;
    return course.status === "published" && memberOrganizationIds(actor).includes(course.ownerOrganizationId);
  },
  /** The same rule over course columns (the `courses` table unless others are named). */
  where(actor: Actor, columns: CourseColumns = courseTable): SQL {
    return or(
      and(
        eq(columns.status, "published"),
        or(isNull(columns.owner), within(columns.owner, memberOrganizationIds(actor))),
      ),
      within(columns.owner, organizationIdsWith(actor, "courses.manage")),
    ) as SQL;
  },
  /**
   * The same rule for a person given as an SQL expression (an id column), for questions about
   * people other than the actor: "could each recipient open this course?". Disabled people are
   * nobody (as at sign-in) and read nothing.
   */
  whereReader(person: SQLWrapper, columns: CourseColumns = courseTable): SQL {
    const manage = organizationPermissions["courses.manage"];
    const list = (values: readonly string[]) =>
      sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      );
    const active = sql`exists (select 1 from users ru where ru.id = ${person} and not ru.disabled)`;
    // Active memberships of active organisations only, as `loadActor` loads them.
    const member = sql`exists (select 1 from memberships rm join organizations ro on ro.id = rm.organization_id
      where rm.user_id = ${person} and rm.organization_id = ${columns.owner}
        and rm.deactivated_at is null and ro.deactivated_at is null)`;
    const manager = sql`exists (select 1 from memberships rm join organizations ro on ro.id = rm.organization_id
      where rm.user_id = ${person} and rm.organization_id = ${columns.owner}
        and rm.deactivated_at is null and ro.deactivated_at is null
        and rm.role in (${list(manage.roles)}) and ro.kind in (${list(manage.kinds)}))`;
    return sql`(${active} and ((${columns.status} = 'published' and (${columns.owner} is null or ${member})) or ${manager}))`;
  },
};

/** Throws "not found" unless the actor may read the course: others must not learn it exists. */
export function requireCourseRead(actor: Actor, course: CourseState): void {
  if (!courseRead.allows(actor, course)) throw new NotFoundError("course");
}

/** Writing a course: only its organisation's trainers and teachers; the library is read-only. */
export function requireCourseManage(actor: Actor, course: { ownerOrganizationId: string | null }): void {
  if (course.ownerOrganizationId === null) throw new ForbiddenError("library.readOnly");
  if (!memberOrganizationIds(actor).includes(course.ownerOrganizationId)) throw new NotFoundError("organization");
  if (!canManageCourse(actor, course)) throw new ForbiddenError("courses.manage");
}

/** A picture is visible to everyone signed in if it is library media, else to its owners' members. */
export function requireMediaRead(actor: Actor, owners: (string | null)[]): void {
  const mine = new Set(memberOrganizationIds(actor));
  if (!owners.some((owner) => owner === null || mine.has(owner))) throw new NotFoundError("media");
}

/**
 * What an organisation may assign: the published library and its own published courses (every
 * recipient must also be able to read it: `courseRead.whereReader`).
 */
export const courseAssignable = {
  allows(organizationId: string, course: CourseState): boolean {
    return (
      course.status === "published" &&
      (course.ownerOrganizationId === null || course.ownerOrganizationId === organizationId)
    );
  },
  where(organizationId: string, columns: CourseColumns = courseTable): SQL {
    return and(eq(columns.status, "published"), or(isNull(columns.owner), eq(columns.owner, organizationId))) as SQL;
  },
};

type LessonState = { archivedAt: Date | null; publishedVersion: number; moduleArchivedAt: Date | null };

/**
 * A lesson readers can see: published at least once, neither it nor its module archived. `where`
 * takes the SQL names (table or alias) of the lesson and its module, for Drizzle queries and
 * hand-written SQL alike.
 */
export const lessonLive = {
  allows(lesson: LessonState): boolean {
    return lesson.archivedAt === null && lesson.publishedVersion > 0 && lesson.moduleArchivedAt === null;
  },
  where(lesson = "lessons", module = "course_modules"): SQL {
    const l = sql.identifier(lesson);
    const m = sql.identifier(module);
    return sql`(${l}.archived_at is null and ${l}.published_version > 0 and ${m}.archived_at is null)`;
  },
};

/** `lessonLive.where()` for Drizzle queries over the `lessons` and `course_modules` tables. */
export const lessonIsLive: SQL = lessonLive.where();

/**
 * Exporting a quiz as GIFT hands out its answer key: an organisation's quiz only to the staff who
 * write that organisation's courses; a library quiz to anyone who writes courses somewhere.
 */
export function canExportQuiz(actor: Actor, quiz: { ownerOrganizationId: string | null }): boolean {
  if (quiz.ownerOrganizationId === null) return organizationIdsWith(actor, "courses.manage").length > 0;
  return can(actor, "courses.manage", quiz.ownerOrganizationId);
}

export function requireQuizExport(actor: Actor, quiz: { ownerOrganizationId: string | null }): void {
  if (!canExportQuiz(actor, quiz)) throw new ForbiddenError("quiz.export");
}
