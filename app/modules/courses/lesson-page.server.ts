import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { courseModules, courses, lessonProgress, lessons } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { lessonIsLive, requireCourseRead } from "#app/modules/permissions/course-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";

const siblingLesson = alias(lessons, "sibling");
const siblingModule = alias(courseModules, "sibling_module");

/**
 * Everything the lesson page shows in one statement: the stored HTML of the published version
 * (never rendered per request), course and module, the reader's done flag, the neighbours in
 * course order from a window over the course's live lessons, and the module's quiz.
 */
export async function readLesson(ctx: Ctx, lessonId: string) {
  const [row] = await lessonPageQuery(ctx.db).execute({ lessonId, userId: ctx.actor.id });
  if (!row) throw new NotFoundError("lesson");
  requireCourseRead(ctx.actor, row);
  const { ownerOrganizationId: _owner, status: _status, ...lesson } = row;
  return { ...lesson, title: lesson.title ?? "", html: lesson.html ?? "" };
}

// Prepared once per database handle: the statement is planned once, not on every page view.
const prepared = new WeakMap<Database, ReturnType<typeof prepareLessonPage>>();

function lessonPageQuery(db: Database) {
  let query = prepared.get(db);
  if (!query) {
    query = prepareLessonPage(db);
    prepared.set(db, query);
  }
  return query;
}

function prepareLessonPage(db: Database) {
  const lessonId = sql.placeholder("lessonId");
  const ordered = db.$with("ordered").as(
    db
      .select({
        id: sql<string>`${siblingLesson.id}`.as("ordered_id"),
        prevId: sql<
          string | null
        >`lag(${siblingLesson.id}) over (order by ${siblingModule.position}, ${siblingLesson.position})`.as("prev_id"),
        prevTitle: sql<
          string | null
        >`lag(${siblingLesson.publishedTitle}) over (order by ${siblingModule.position}, ${siblingLesson.position})`.as(
          "prev_title",
        ),
        nextId: sql<
          string | null
        >`lead(${siblingLesson.id}) over (order by ${siblingModule.position}, ${siblingLesson.position})`.as("next_id"),
        nextTitle: sql<
          string | null
        >`lead(${siblingLesson.publishedTitle}) over (order by ${siblingModule.position}, ${siblingLesson.position})`.as(
          "next_title",
        ),
        nextModuleId: sql<
          string | null
        >`lead(${siblingModule.id}) over (order by ${siblingModule.position}, ${siblingLesson.position})`.as(
          "next_module_id",
        ),
        number:
          sql<number>`(row_number() over (order by ${siblingModule.position}, ${siblingLesson.position}))::int`.as(
            "number",
          ),
        total: sql<number>`(count(*) over ())::int`.as("total"),
      })
      .from(siblingLesson)
      .innerJoin(siblingModule, eq(siblingModule.id, siblingLesson.moduleId))
      .where(
        and(
          sql`${siblingLesson.archivedAt} is null and ${siblingLesson.publishedVersion} > 0 and ${siblingModule.archivedAt} is null`,
          eq(
            siblingModule.courseId,
            sql`(select target_module.course_id from lessons target_lesson join course_modules target_module on target_module.id = target_lesson.module_id where target_lesson.id = ${lessonId})`,
          ),
        ),
      ),
  );
  return db
    .with(ordered)
    .select({
      id: lessons.id,
      title: lessons.publishedTitle,
      minutes: lessons.minutes,
      html: lessons.publishedHtml,
      version: lessons.publishedVersion,
      publishedAt: lessons.publishedAt,
      moduleTitle: courseModules.title,
      courseId: courses.id,
      courseTitle: courses.title,
      ownerOrganizationId: courses.ownerOrganizationId,
      status: courses.status,
      done: sql<boolean>`${lessonProgress.lessonId} is not null`,
      prevId: ordered.prevId,
      prevTitle: ordered.prevTitle,
      nextId: ordered.nextId,
      nextTitle: ordered.nextTitle,
      number: ordered.number,
      total: ordered.total,
      // The module's quiz, offered after its last lesson.
      lastInModule: sql<boolean>`${ordered.nextModuleId} is distinct from ${courseModules.id}`,
      quizId: sql<
        string | null
      >`(select q.id from quizzes q where q.module_id = ${courseModules.id} and exists (select 1 from questions where questions.quiz_id = q.id and questions.archived_at is null))`,
      quizTitle: sql<string | null>`(select q.title from quizzes q where q.module_id = ${courseModules.id})`,
    })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .innerJoin(ordered, eq(ordered.id, lessons.id))
    .leftJoin(
      lessonProgress,
      and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, sql.placeholder("userId"))),
    )
    .where(and(eq(lessons.id, lessonId), lessonIsLive))
    .prepare("lesson_page");
}
