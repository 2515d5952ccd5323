import { completeAssignmentsOf } from "#app/modules/assignments/recipient-progress.server.ts";
import { and, eq } from "drizzle-orm";
import { courseModules, courses, lessonProgress, lessons } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { lessonIsLive, requireCourseRead } from "#app/modules/permissions/course-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";

async function requireReadableLesson(ctx: Ctx, lessonId: string) {
  const [row] = await ctx.db
    .select({ courseId: courses.id, ownerOrganizationId: courses.ownerOrganizationId, status: courses.status })
    .from(lessons)
    .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(lessons.id, lessonId), lessonIsLive));
  if (!row) throw new NotFoundError("lesson");
  requireCourseRead(ctx.actor, row);
  return row;
}

/**
 * "Als erledigt markieren". Idempotent: a second submit finds the row and changes nothing.
 * Assignments this lesson completes are marked done in the same transaction.
 */
export async function markLessonDone({ ctx, input }: { ctx: Ctx; input: { lessonId: string } }) {
  const lesson = await requireReadableLesson(ctx, input.lessonId);
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(lessonProgress)
      .values({ userId: ctx.actor.id, lessonId: input.lessonId, completedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ lessonId: lessonProgress.lessonId });
    if (inserted.length > 0) await completeAssignmentsOf(tx, ctx.actor.id, ctx.now);
  });
  return lesson;
}

/** Undo a mistaken "done". Also idempotent. */
export async function markLessonOpen({ ctx, input }: { ctx: Ctx; input: { lessonId: string } }) {
  const lesson = await requireReadableLesson(ctx, input.lessonId);
  await ctx.db
    .delete(lessonProgress)
    .where(and(eq(lessonProgress.userId, ctx.actor.id), eq(lessonProgress.lessonId, input.lessonId)));
  return lesson;
}
