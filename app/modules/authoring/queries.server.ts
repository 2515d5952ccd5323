import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { courseModules, courses, lessons, organizations, quizzes } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { markdownManager } from "#app/modules/library/markdown.server.ts";
import { requireManagedCourse, requireManagedLesson } from "./load-owned.server.ts";

/** The organisation's own courses, newest first, with their size. */
export async function listOrganizationCourses(ctx: Ctx, organizationId: string) {
  requirePermission(ctx.actor, "courses.manage", organizationId);
  const [organization] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new NotFoundError("organization");
  const list = await ctx.db
    .select({
      id: courses.id,
      title: courses.title,
      status: courses.status,
      updatedAt: courses.updatedAt,
      copiedFromId: courses.copiedFromId,
      lessonCount: sql<number>`count(${lessons.id})::int`,
    })
    .from(courses)
    .leftJoin(courseModules, and(eq(courseModules.courseId, courses.id), isNull(courseModules.archivedAt)))
    .leftJoin(lessons, and(eq(lessons.moduleId, courseModules.id), isNull(lessons.archivedAt)))
    .where(eq(courses.ownerOrganizationId, organizationId))
    .groupBy(courses.id)
    .orderBy(desc(courses.updatedAt));
  return { organization, courses: list };
}

/** A course with all modules and lessons (archived ones too, so they can be restored). */
export async function courseForEditing(ctx: Ctx, courseId: string) {
  await requireManagedCourse(ctx.db, ctx.actor, courseId);
  const [course] = await ctx.db.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError("course");
  const rows = await ctx.db
    .select({
      moduleId: courseModules.id,
      moduleTitle: courseModules.title,
      moduleSummary: courseModules.summary,
      moduleArchived: sql<boolean>`${courseModules.archivedAt} is not null`,
      quizId: sql<
        string | null
      >`(select ${quizzes.id} from ${quizzes} where ${quizzes.moduleId} = ${courseModules.id})`,
      lessonId: lessons.id,
      lessonTitle: lessons.title,
      minutes: lessons.minutes,
      lessonArchived: sql<boolean>`${lessons.archivedAt} is not null`,
      published: gt(lessons.publishedVersion, 0),
      unpublishedChanges: sql<boolean>`${lessons.publishedVersion} = 0 or ${lessons.draftBody} is distinct from ${lessons.publishedBody} or ${lessons.title} is distinct from ${lessons.publishedTitle}`,
    })
    .from(courseModules)
    .leftJoin(lessons, eq(lessons.moduleId, courseModules.id))
    .where(eq(courseModules.courseId, courseId))
    .orderBy(asc(courseModules.position), asc(lessons.position));
  const modules: {
    id: string;
    title: string;
    summary: string;
    archived: boolean;
    quizId: string | null;
    lessons: {
      id: string;
      title: string;
      minutes: number;
      archived: boolean;
      published: boolean;
      unpublishedChanges: boolean;
    }[];
  }[] = [];
  for (const row of rows) {
    // Rows come ordered by module, so a module's rows are consecutive.
    let module = modules.at(-1);
    if (module?.id !== row.moduleId) {
      module = {
        id: row.moduleId,
        title: row.moduleTitle,
        summary: row.moduleSummary,
        archived: row.moduleArchived,
        quizId: row.quizId,
        lessons: [],
      };
      modules.push(module);
    }
    if (row.lessonId) {
      module.lessons.push({
        id: row.lessonId,
        title: row.lessonTitle ?? "",
        minutes: row.minutes ?? 0,
        archived: row.lessonArchived,
        published: Boolean(row.published),
        unpublishedChanges: row.unpublishedChanges,
      });
    }
  }
  return { course, modules };
}

/** A lesson's working copy for the editor, plus Markdown for the form without JavaScript. */
export async function lessonForEditing(ctx: Ctx, lessonId: string) {
  const owned = await requireManagedLesson(ctx.db, ctx.actor, lessonId);
  const [lesson] = await ctx.db
    .select({
      id: lessons.id,
      title: lessons.title,
      minutes: lessons.minutes,
      draftBody: lessons.draftBody,
      publishedVersion: lessons.publishedVersion,
      publishedAt: lessons.publishedAt,
      unpublishedChanges: sql<boolean>`${lessons.publishedVersion} = 0 or ${lessons.draftBody} is distinct from ${lessons.publishedBody} or ${lessons.title} is distinct from ${lessons.publishedTitle}`,
      moduleTitle: courseModules.title,
      courseId: courses.id,
      courseTitle: courses.title,
    })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(eq(lessons.id, owned.id));
  if (!lesson) throw new NotFoundError("lesson");
  return { ...lesson, markdown: markdownManager().serialize(lesson.draftBody as never) };
}
