import { and, asc, eq, isNull } from "drizzle-orm";
import { courseModules, courses, questions, quizzes } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireCourseRead } from "#app/modules/permissions/course-access.server.ts";
import { requireOwnAttempt } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { QuestionConfig } from "./question-config.ts";

export const quizColumns = {
  id: quizzes.id,
  title: quizzes.title,
  introHtml: quizzes.introHtml,
  passPercent: quizzes.passPercent,
  maxAttempts: quizzes.maxAttempts,
  shuffleQuestions: quizzes.shuffleQuestions,
  shuffleAnswers: quizzes.shuffleAnswers,
  drawCount: quizzes.drawCount,
  perPage: quizzes.perPage,
  reviewPolicy: quizzes.reviewPolicy,
  moduleId: courseModules.id,
  moduleTitle: courseModules.title,
  courseId: courses.id,
  courseTitle: courses.title,
  ownerOrganizationId: courses.ownerOrganizationId,
  status: courses.status,
};

/**
 * A quiz the actor may take: its course is readable for them (the permissions rule) and its
 * module is not archived. Anything else is "not found".
 */
export async function requireReadableQuiz(ctx: Ctx, quizId: string) {
  const [quiz] = await ctx.db
    .select(quizColumns)
    .from(quizzes)
    .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(quizzes.id, quizId), isNull(courseModules.archivedAt)));
  if (!quiz) throw new NotFoundError("quiz");
  requireCourseRead(ctx.actor, quiz);
  return quiz;
}

export type ReadableQuiz = Awaited<ReturnType<typeof requireReadableQuiz>>;

/**
 * The quiz of an attempt, for the apprentice who made it, while they may still read it. Every
 * read of and write to an attempt goes through here, so a course unpublished, a module archived
 * or a membership ended since the start refuses showing, saving and submitting alike.
 */
export async function requireOwnAttemptQuiz(ctx: Ctx, attempt: { userId: string; quizId: string }) {
  requireOwnAttempt(ctx.actor, attempt);
  return requireReadableQuiz(ctx, attempt.quizId);
}

/** The questions new attempts draw from, in order. */
export async function liveQuestions(db: Database, quizId: string) {
  const rows = await db
    .select({ id: questions.id, points: questions.points, config: questions.config })
    .from(questions)
    .where(and(eq(questions.quizId, quizId), isNull(questions.archivedAt)))
    .orderBy(asc(questions.position), asc(questions.key));
  return rows.map((row) => ({ ...row, config: row.config as QuestionConfig }));
}
