import { and, asc, eq, sql } from "drizzle-orm";
import { courseModules, courses, lessonProgress, lessons, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { courseRead, lessonIsLive } from "#app/modules/permissions/course-access.server.ts";

export type CatalogueFilter = { occupation?: string; year?: number };

/**
 * The published courses the actor may read (drafts are in the authoring area), with size and the
 * actor's own progress, aggregated in SQL (one statement, however many lessons and progress rows).
 */
export async function listCatalogue(ctx: Ctx, filter: CatalogueFilter) {
  const conditions = [courseRead.where(ctx.actor), eq(courses.status, "published")];
  if (filter.occupation) {
    conditions.push(sql`(${filter.occupation} = any(${courses.occupations}) or 'all' = any(${courses.occupations}))`);
  }
  if (filter.year) conditions.push(sql`${filter.year} = any(${courses.trainingYears})`);
  return ctx.db
    .select({
      id: courses.id,
      title: courses.title,
      summary: courses.summary,
      occupations: courses.occupations,
      trainingYears: courses.trainingYears,
      coverImage: courses.coverImage,
      ownerName: organizations.name,
      lessonCount: sql<number>`count(${lessons.id})::int`,
      minutes: sql<number>`coalesce(sum(${lessons.minutes}), 0)::int`,
      doneCount: sql<number>`count(${lessonProgress.lessonId})::int`,
      percentDone: sql<number>`coalesce(round(100.0 * count(${lessonProgress.lessonId}) / nullif(count(${lessons.id}), 0)), 0)::int`,
    })
    .from(courses)
    .leftJoin(organizations, eq(organizations.id, courses.ownerOrganizationId))
    .leftJoin(courseModules, eq(courseModules.courseId, courses.id))
    .leftJoin(lessons, and(eq(lessons.moduleId, courseModules.id), lessonIsLive))
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, ctx.actor.id)))
    .where(and(...conditions))
    .groupBy(courses.id, organizations.name)
    .orderBy(asc(courses.title));
}
