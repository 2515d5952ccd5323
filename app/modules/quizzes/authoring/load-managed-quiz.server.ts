import { eq } from "drizzle-orm";
import { courseModules, courses, quizzes } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireCourseManage } from "#app/modules/permissions/course-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";

/** A quiz the actor may write: its course belongs to their organisation (library quizzes are read-only). */
export async function requireManagedQuiz(ctx: Ctx, quizId: string) {
  const [quiz] = await ctx.db
    .select({
      id: quizzes.id,
      moduleId: quizzes.moduleId,
      courseId: courses.id,
      ownerOrganizationId: courses.ownerOrganizationId,
    })
    .from(quizzes)
    .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(eq(quizzes.id, quizId));
  if (!quiz) throw new NotFoundError("quiz");
  requireCourseManage(ctx.actor, quiz);
  return quiz;
}
