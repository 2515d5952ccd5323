import { completeAssignmentsOf } from "#app/modules/assignments/recipient-progress.server.ts";
import { and, eq } from "drizzle-orm";
import { attemptAnswers, courseModules, courses, questions, quizAttempts, quizzes } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireAnswerGradable } from "#app/modules/permissions/grading-rule.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { scoreAttempt } from "./grading/score-attempt.ts";

export type GradeEssayInput = { attemptId: string; slot: number; points: number; comment: string };
export type GradeEssayResult =
  | { status: "graded"; percent: number; passed: boolean | null }
  | { status: "too-many-points"; maxPoints: number };

/**
 * A trainer or teacher marks a free-text answer: points and a comment. The answer's mark and the
 * attempt's score and pass state change together in one transaction (the attempt row is locked,
 * so two graders cannot interleave). Grading again corrects the mark.
 */
export async function gradeEssay({ ctx, input }: { ctx: Ctx; input: GradeEssayInput }): Promise<GradeEssayResult> {
  return ctx.db.transaction(async (tx) => {
    const [attempt] = await tx
      .select({
        id: quizAttempts.id,
        userId: quizAttempts.userId,
        status: quizAttempts.status,
        passPercent: quizzes.passPercent,
        quizOwnerId: courses.ownerOrganizationId,
      })
      .from(quizAttempts)
      .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
      .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
      .innerJoin(courses, eq(courses.id, courseModules.courseId))
      .where(eq(quizAttempts.id, input.attemptId))
      .for("update", { of: quizAttempts });
    if (attempt?.status !== "finished") throw new NotFoundError("attempt");
    await requireAnswerGradable(tx, ctx.actor, { apprenticeId: attempt.userId, quizOwnerId: attempt.quizOwnerId });
    const answers = await tx
      .select({
        slot: attemptAnswers.slot,
        maxPoints: attemptAnswers.maxPoints,
        fraction: attemptAnswers.fraction,
        type: questions.type,
      })
      .from(attemptAnswers)
      .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
      .where(eq(attemptAnswers.attemptId, attempt.id));
    const target = answers.find((a) => a.slot === input.slot);
    if (target?.type !== "essay") throw new NotFoundError("answer");
    if (input.points > target.maxPoints) return { status: "too-many-points", maxPoints: target.maxPoints };
    const fraction = target.maxPoints === 0 ? 0 : input.points / target.maxPoints;
    await tx
      .update(attemptAnswers)
      .set({
        fraction,
        needsGrading: false,
        graderComment: input.comment.trim() || null,
        gradedBy: ctx.actor.id,
        gradedAt: ctx.now,
      })
      .where(and(eq(attemptAnswers.attemptId, attempt.id), eq(attemptAnswers.slot, input.slot)));
    const marks = answers.map((a) => ({
      points: a.maxPoints,
      fraction: a.slot === input.slot ? fraction : a.fraction,
      graded: a.type !== "description",
    }));
    const score = scoreAttempt(marks, attempt.passPercent);
    await tx
      .update(quizAttempts)
      .set({
        points: score.points,
        percent: score.percent,
        passed: score.passed,
        gradedAt: score.complete ? ctx.now : null,
        updatedAt: ctx.now,
      })
      .where(eq(quizAttempts.id, attempt.id));
    if (score.passed) await completeAssignmentsOf(tx, attempt.userId, ctx.now);
    return { status: "graded", percent: score.percent, passed: score.passed };
  });
}
