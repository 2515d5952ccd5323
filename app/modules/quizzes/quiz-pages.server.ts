import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { attemptAnswers, questions, quizAttempts, quizzes } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { canExportQuiz } from "#app/modules/permissions/course-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { readSlots } from "./attempt-slots.server.ts";
import { requireOwnAttemptQuiz, requireReadableQuiz } from "./load-quiz.server.ts";
import { publicQuestion } from "./public-question.ts";
import { mayReview } from "./quiz-settings.ts";
import { reviewAnswer } from "./review-question.server.ts";

/** The quiz's start page: settings in words, the actor's attempts, what they may do next. */
export async function quizOverview(ctx: Ctx, quizId: string) {
  const quiz = await requireReadableQuiz(ctx, quizId);
  const [counted, attempts] = await Promise.all([
    // Only the count: the start page has no use for the answer keys.
    ctx.db
      .select({ gradable: sql<number>`count(*)::int` })
      .from(questions)
      .where(and(eq(questions.quizId, quiz.id), isNull(questions.archivedAt), ne(questions.type, "description"))),
    ctx.db
      .select({
        id: quizAttempts.id,
        number: quizAttempts.number,
        status: quizAttempts.status,
        percent: quizAttempts.percent,
        passed: quizAttempts.passed,
        submittedAt: quizAttempts.submittedAt,
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, ctx.actor.id)))
      .orderBy(desc(quizAttempts.number)),
  ]);
  const gradable = counted[0]?.gradable ?? 0;
  const finished = attempts.filter((a) => a.status === "finished");
  const open = attempts.find((a) => a.status === "open") ?? null;
  return {
    quiz: {
      id: quiz.id,
      title: quiz.title,
      introHtml: quiz.introHtml,
      passPercent: quiz.passPercent,
      maxAttempts: quiz.maxAttempts,
      reviewPolicy: quiz.reviewPolicy,
      courseId: quiz.courseId,
      courseTitle: quiz.courseTitle,
      moduleTitle: quiz.moduleTitle,
      questionCount: quiz.drawCount === null ? gradable : Math.min(quiz.drawCount, gradable),
    },
    attempts,
    openAttemptId: open?.id ?? null,
    bestPercent: finished.reduce<number | null>(
      (best, a) => (a.percent !== null && (best === null || a.percent > best) ? a.percent : best),
      null,
    ),
    passed: finished.some((a) => a.passed === true),
    attemptsLeft: quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - attempts.length),
    // The file holds the answer key: the quiz's own staff (library quizzes: any author).
    canExport: canExportQuiz(ctx.actor, quiz),
  };
}

async function ownAttempt(ctx: Ctx, attemptId: string) {
  const [attempt] = await ctx.db
    .select({
      id: quizAttempts.id,
      quizId: quizAttempts.quizId,
      userId: quizAttempts.userId,
      number: quizAttempts.number,
      status: quizAttempts.status,
      revision: quizAttempts.revision,
      pageCount: quizAttempts.pageCount,
      points: quizAttempts.points,
      maxPoints: quizAttempts.maxPoints,
      percent: quizAttempts.percent,
      passed: quizAttempts.passed,
      submittedAt: quizAttempts.submittedAt,
    })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, attemptId));
  if (!attempt) throw new NotFoundError("attempt");
  const quiz = await requireOwnAttemptQuiz(ctx, attempt);
  return { attempt, quiz };
}

/**
 * One page of an open attempt. Only public question data leaves this function: it is the one
 * place the attempt page reads questions, and it never hands on `config`.
 */
export async function attemptPage(ctx: Ctx, attemptId: string, requestedPage: number) {
  const { attempt, quiz } = await ownAttempt(ctx, attemptId);
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), attempt.pageCount);
  const [rows, progress] = await Promise.all([
    attempt.status === "open" ? readSlots(ctx.db, attempt.id, page) : Promise.resolve([]),
    ctx.db
      .select({
        answered: sql<number>`count(*) filter (where ${attemptAnswers.response} is not null)::int`,
        total: sql<number>`count(*) filter (where ${questions.type} <> 'description')::int`,
      })
      .from(attemptAnswers)
      .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
      .where(eq(attemptAnswers.attemptId, attempt.id)),
  ]);
  return {
    quiz: { id: quiz.id, title: quiz.title, courseTitle: quiz.courseTitle },
    attempt: {
      id: attempt.id,
      number: attempt.number,
      status: attempt.status,
      revision: attempt.revision,
      pageCount: attempt.pageCount,
    },
    page,
    questions: rows.map((row) => publicQuestion(row, row)),
    answered: progress[0]?.answered ?? 0,
    total: progress[0]?.total ?? 0,
  };
}

/** A finished attempt for its apprentice: score, and feedback as the quiz's settings allow. */
export async function attemptResult(ctx: Ctx, attemptId: string) {
  const { attempt, quiz } = await ownAttempt(ctx, attemptId);
  if (attempt.status !== "finished") return { finished: false as const, attemptId: attempt.id };
  const reveal = mayReview(quiz.reviewPolicy, attempt);
  const rows = await readSlots(ctx.db, attempt.id, null);
  const [left] = await ctx.db
    .select({ made: sql<number>`count(*)::int` })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, ctx.actor.id)));
  return {
    finished: true as const,
    quiz: {
      id: quiz.id,
      title: quiz.title,
      passPercent: quiz.passPercent,
      reviewPolicy: quiz.reviewPolicy,
      courseId: quiz.courseId,
      courseTitle: quiz.courseTitle,
      canRetry: quiz.maxAttempts === null || (left?.made ?? 0) < quiz.maxAttempts,
    },
    attempt: {
      id: attempt.id,
      number: attempt.number,
      points: attempt.points ?? 0,
      maxPoints: attempt.maxPoints,
      percent: attempt.percent ?? 0,
      passed: attempt.passed,
      submittedAt: attempt.submittedAt,
    },
    reveal,
    questions: rows.map((row) => {
      const reviewed = reviewAnswer(row.config, row.response, row.displayOrder, reveal, row);
      const isEssay = row.config.type === "essay";
      // Essay marks and the grader's comment are always the apprentice's to see.
      const showMark = (reveal || isEssay) && row.config.type !== "description";
      return {
        slot: row.slot,
        type: row.config.type,
        title: row.title,
        promptHtml: row.promptHtml,
        image: row.image,
        imageAlt: row.imageAlt,
        imageWidth: row.imageWidth,
        imageHeight: row.imageHeight,
        maxPoints: row.maxPoints,
        earned: showMark && row.fraction !== null ? Math.round(row.fraction * row.maxPoints * 100) / 100 : null,
        fraction: showMark ? row.fraction : null,
        waiting: row.needsGrading,
        graderComment: row.graderComment,
        generalFeedbackHtml: reveal ? row.generalFeedbackHtml : null,
        ...reviewed,
      };
    }),
  };
}

/**
 * For the course page (whose loader has checked that the actor may read the course): each
 * module's quiz with the actor's best result. The subqueries name their tables: in a one-table
 * select Drizzle writes bare column names, which a subquery would resolve to its own table.
 */
export async function moduleQuizzes(ctx: Ctx, courseId: string) {
  return ctx.db
    .select({
      id: quizzes.id,
      moduleId: quizzes.moduleId,
      title: quizzes.title,
      bestPercent: sql<
        number | null
      >`(select max(qa.percent) from quiz_attempts qa where qa.quiz_id = "quizzes"."id" and qa.user_id = ${ctx.actor.id} and qa.status = 'finished')`,
      passed: sql<boolean>`exists (select 1 from quiz_attempts qa where qa.quiz_id = "quizzes"."id" and qa.user_id = ${ctx.actor.id} and qa.passed)`,
    })
    .from(quizzes)
    .where(
      and(
        sql`${quizzes.moduleId} in (select id from course_modules where course_id = ${courseId})`,
        sql`exists (select 1 from ${questions} where ${questions.quizId} = ${quizzes.id} and ${isNull(questions.archivedAt)})`,
      ),
    );
}
