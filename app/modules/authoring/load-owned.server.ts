import { eq } from "drizzle-orm";
import { courseModules, courses, lessons } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { requireCourseManage } from "#app/modules/permissions/course-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";

/**
 * Every authoring write starts here: find the thing, find the course it belongs to, and ask the
 * permissions module whether the actor may write that course. Ids from forms are never trusted.
 */
export async function requireManagedCourse(db: Database, actor: Actor, courseId: string) {
  const [course] = await db
    .select({ id: courses.id, ownerOrganizationId: courses.ownerOrganizationId, status: courses.status })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError("course");
  requireCourseManage(actor, course);
  return course as typeof course & { ownerOrganizationId: string };
}

export async function requireManagedModule(db: Database, actor: Actor, moduleId: string) {
  const [module] = await db
    .select({
      id: courseModules.id,
      courseId: courseModules.courseId,
      ownerOrganizationId: courses.ownerOrganizationId,
    })
    .from(courseModules)
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(eq(courseModules.id, moduleId));
  if (!module) throw new NotFoundError("module");
  requireCourseManage(actor, module);
  return module as typeof module & { ownerOrganizationId: string };
}

export async function requireManagedLesson(db: Database, actor: Actor, lessonId: string) {
  const [lesson] = await db
    .select({
      id: lessons.id,
      moduleId: lessons.moduleId,
      courseId: courseModules.courseId,
      ownerOrganizationId: courses.ownerOrganizationId,
    })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(eq(lessons.id, lessonId));
  if (!lesson) throw new NotFoundError("lesson");
  requireCourseManage(actor, lesson);
  return lesson as typeof lesson & { ownerOrganizationId: string };
}
