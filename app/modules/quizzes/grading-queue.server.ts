import { and, asc, eq, sql } from "drizzle-orm";
import { attemptAnswers, courseModules, courses, questions, quizAttempts, quizzes, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { answerGradable, requireAnswerGradable } from "#app/modules/permissions/grading-rule.server.ts";
import { isGrader, requireGraderSomewhere } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { QuestionResponse } from "./question-config.ts";

/** The grading rule over the joined attempt and course of the queries below. */
function gradableHere(ctx: Ctx) {
  return answerGradable.where(ctx.actor, {
    apprenticeId: quizAttempts.userId,
    quizOwnerId: courses.ownerOrganizationId,
  });
}

/**
 * "Zu bewerten": free-text answers waiting for the actor, oldest first — those the grading rule
 * gives them (answerGradable). One statement, whatever the size.
 */
export async function gradingQueue(ctx: Ctx) {
  requireGraderSomewhere(ctx.actor);
  return ctx.db
    .select({
      attemptId: quizAttempts.id,
      slot: attemptAnswers.slot,
      apprenticeName: users.name,
      quizTitle: quizzes.title,
      courseTitle: courses.title,
      questionTitle: questions.title,
      submittedAt: quizAttempts.submittedAt,
    })
    .from(attemptAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(attemptAnswers.needsGrading, true), gradableHere(ctx)))
    .orderBy(asc(quizAttempts.submittedAt), asc(attemptAnswers.slot))
    .limit(200);
}

/** One free-text answer for grading (also an already graded one, to correct it). */
export async function essayForGrading(ctx: Ctx, attemptId: string, slot: number) {
  const [row] = await ctx.db
    .select({
      attemptId: quizAttempts.id,
      userId: quizAttempts.userId,
      quizOwnerId: courses.ownerOrganizationId,
      status: quizAttempts.status,
      submittedAt: quizAttempts.submittedAt,
      apprenticeName: users.name,
      quizTitle: quizzes.title,
      courseTitle: courses.title,
      slot: attemptAnswers.slot,
      maxPoints: attemptAnswers.maxPoints,
      fraction: attemptAnswers.fraction,
      needsGrading: attemptAnswers.needsGrading,
      graderComment: attemptAnswers.graderComment,
      response: attemptAnswers.response,
      type: questions.type,
      questionTitle: questions.title,
      promptHtml: questions.promptHtml,
      generalFeedbackHtml: questions.generalFeedbackHtml,
    })
    .from(attemptAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
    .innerJoin(users, eq(users.id, quizAttempts.userId))
    .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(attemptAnswers.attemptId, attemptId), eq(attemptAnswers.slot, slot)));
  if (row?.type !== "essay" || row.status !== "finished") throw new NotFoundError("answer");
  await requireAnswerGradable(ctx.db, ctx.actor, { apprenticeId: row.userId, quizOwnerId: row.quizOwnerId });
  const response = row.response as QuestionResponse | null;
  return {
    attemptId: row.attemptId,
    slot: row.slot,
    apprenticeName: row.apprenticeName,
    quizTitle: row.quizTitle,
    courseTitle: row.courseTitle,
    questionTitle: row.questionTitle,
    promptHtml: row.promptHtml,
    generalFeedbackHtml: row.generalFeedbackHtml,
    submittedAt: row.submittedAt,
    text: response?.type === "essay" ? response.text : "",
    maxPoints: row.maxPoints,
    points: row.fraction === null || row.needsGrading ? null : Math.round(row.fraction * row.maxPoints * 100) / 100,
    comment: row.graderComment ?? "",
    waiting: row.needsGrading,
  };
}

/** How many answers wait for the actor (for the home page and navigation). */
export async function gradingQueueCount(ctx: Ctx): Promise<number> {
  if (!isGrader(ctx.actor)) return 0;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(attemptAnswers)
    .innerJoin(quizAttempts, eq(quizAttempts.id, attemptAnswers.attemptId))
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(and(eq(attemptAnswers.needsGrading, true), gradableHere(ctx)));
  return row?.n ?? 0;
}
