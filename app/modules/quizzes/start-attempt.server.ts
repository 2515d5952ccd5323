import { and, eq, sql } from "drizzle-orm";
import { attemptAnswers, quizAttempts } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { type Random, layoutAttempt } from "./attempt-layout.ts";
import { liveQuestions, requireReadableQuiz } from "./load-quiz.server.ts";

export type StartResult =
  | { status: "started" | "resumed"; attemptId: string }
  | { status: "no-attempts-left" | "empty" };

/**
 * "Quiz starten". Resumes the open attempt if there is one (a second tab or a double click starts
 * nothing new); otherwise lays out a new one, if attempts are left. The partial unique index on
 * open attempts settles races between two starts.
 */
export async function startAttempt({
  ctx,
  input,
  random,
}: {
  ctx: Ctx;
  input: { quizId: string };
  random?: Random;
}): Promise<StartResult> {
  const quiz = await requireReadableQuiz(ctx, input.quizId);
  return ctx.db.transaction(async (tx) => {
    const [counts] = await tx
      .select({
        open: sql<string | null>`(array_agg(${quizAttempts.id}) filter (where ${quizAttempts.status} = 'open'))[1]`,
        made: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${quizAttempts.number}), 0)::int`,
      })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, ctx.actor.id)));
    if (counts?.open) return { status: "resumed" as const, attemptId: counts.open };
    if (quiz.maxAttempts !== null && (counts?.made ?? 0) >= quiz.maxAttempts)
      return { status: "no-attempts-left" as const };
    const pool = await liveQuestions(tx, quiz.id);
    const slots = layoutAttempt(pool, quiz, random);
    if (slots.length === 0) return { status: "empty" as const };
    const [attempt] = await tx
      .insert(quizAttempts)
      .values({
        quizId: quiz.id,
        userId: ctx.actor.id,
        number: (counts?.last ?? 0) + 1,
        pageCount: Math.max(...slots.map((s) => s.page)),
        maxPoints: slots.reduce((sum, s) => sum + s.maxPoints, 0),
        startedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: quizAttempts.id });
    if (!attempt) {
      // Another request opened one in the meantime: use that.
      const [open] = await tx
        .select({ id: quizAttempts.id })
        .from(quizAttempts)
        .where(
          and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, ctx.actor.id), eq(quizAttempts.status, "open")),
        );
      if (!open) throw new Error("open attempt vanished");
      return { status: "resumed" as const, attemptId: open.id };
    }
    await tx.insert(attemptAnswers).values(slots.map((slot) => ({ attemptId: attempt.id, ...slot })));
    return { status: "started" as const, attemptId: attempt.id };
  });
}
