import { and, desc, eq } from "drizzle-orm";
import { courseModules, courses, lessonProgress, lessons } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { courseOverview } from "./course-overview.server.ts";
import { courseRead, lessonIsLive } from "#app/modules/permissions/course-access.server.ts";

/**
 * "Weiter, wo du aufgehört hast" on the home page: the course of the lesson finished last, with
 * its next open lesson. Null when the actor has not finished anything yet (or everything).
 */
export async function continueLearning(ctx: Ctx) {
  const [last] = await ctx.db
    .select({ courseId: courses.id })
    .from(lessonProgress)
    .innerJoin(lessons, eq(lessons.id, lessonProgress.lessonId))
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(lessonProgress.userId, ctx.actor.id), lessonIsLive, courseRead.where(ctx.actor)))
    .orderBy(desc(lessonProgress.completedAt))
    .limit(1);
  if (!last) return null;
  const overview = await courseOverview(ctx, last.courseId);
  if (!overview.next) return null;
  return {
    courseId: overview.course.id,
    courseTitle: overview.course.title,
    percent: overview.percent,
    next: overview.next,
  };
}
