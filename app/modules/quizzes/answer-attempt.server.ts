import { and, eq } from "drizzle-orm";
import { attemptAnswers, quizAttempts, quizzes } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireOwnAttempt } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { readSlots } from "./attempt-slots.server.ts";
import { gradeResponse } from "./grading/grade-response.ts";
import { scoreAttempt } from "./grading/score-attempt.ts";
import { readResponse } from "./public-question.ts";

export type AnswerInput = {
  attemptId: string;
  /** The revision the page showed (the sequence check). */
  revision: number;
  /** The page whose answers the form carries. */
  page: number;
  form: FormData;
  /** An ordering move button ("nach oben"/"nach unten"). */
  move?: { slot: number; position: number; direction: "up" | "down" };
};

export type AnswerResult =
  | { status: "saved"; revision: number }
  | { status: "submitted"; revision: number }
  /** The page was out of date (another tab saved meanwhile): nothing was written. */
  | { status: "stale"; revision: number }
  /** The attempt is finished: nothing can change it any more. */
  | { status: "finished" };

async function lockAttempt(tx: Database, ctx: Ctx, attemptId: string) {
  const [attempt] = await tx
    .select({
      id: quizAttempts.id,
      userId: quizAttempts.userId,
      status: quizAttempts.status,
      revision: quizAttempts.revision,
      pageCount: quizAttempts.pageCount,
      passPercent: quizzes.passPercent,
    })
    .from(quizAttempts)
    .innerJoin(quizzes, eq(quizzes.id, quizAttempts.quizId))
    .where(eq(quizAttempts.id, attemptId))
    .for("update", { of: quizAttempts });
  if (!attempt) throw new NotFoundError("attempt");
  requireOwnAttempt(ctx.actor, attempt);
  return attempt;
}

async function writePage(tx: Database, input: AnswerInput) {
  for (const slot of await readSlots(tx, input.attemptId, input.page)) {
    if (slot.config.type === "description") continue;
    const move = input.move?.slot === slot.slot ? input.move : undefined;
    const response = readResponse(slot.config, slot, input.form, move);
    await tx
      .update(attemptAnswers)
      .set({ response })
      .where(and(eq(attemptAnswers.attemptId, input.attemptId), eq(attemptAnswers.slot, slot.slot)));
  }
}

/**
 * Saves the answers of one page ("Weiter", "Zurück", autosave). Only a write naming the current
 * revision of an open attempt is taken; each one counts the revision up, so a stale tab or the
 * back button cannot overwrite newer answers unnoticed.
 */
export async function saveAnswers({ ctx, input }: { ctx: Ctx; input: AnswerInput }): Promise<AnswerResult> {
  return ctx.db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, ctx, input.attemptId);
    if (attempt.status !== "open") return { status: "finished" };
    if (attempt.revision !== input.revision) return { status: "stale", revision: attempt.revision };
    await writePage(tx, input);
    const revision = attempt.revision + 1;
    await tx.update(quizAttempts).set({ revision, updatedAt: ctx.now }).where(eq(quizAttempts.id, attempt.id));
    return { status: "saved", revision };
  });
}

/**
 * "Abgeben": saves the last page, grades every answer and closes the attempt, in one
 * transaction. The row lock makes concurrent submits wait; they then find the attempt finished,
 * so it is graded exactly once.
 */
export async function submitAttempt({ ctx, input }: { ctx: Ctx; input: AnswerInput }): Promise<AnswerResult> {
  return ctx.db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, ctx, input.attemptId);
    if (attempt.status !== "open") return { status: "finished" };
    if (attempt.revision !== input.revision) return { status: "stale", revision: attempt.revision };
    await writePage(tx, input);
    const marks = [];
    for (const slot of await readSlots(tx, input.attemptId, null)) {
      // An ordering question left untouched is answered with the order it was shown in.
      const response =
        slot.response ??
        (slot.config.type === "ordering" ? { type: "ordering" as const, order: slot.displayOrder } : null);
      const grade = gradeResponse(slot.config, response);
      const needsGrading = slot.config.type === "essay" && grade.fraction === null;
      await tx
        .update(attemptAnswers)
        .set({ response, fraction: grade.fraction, needsGrading })
        .where(and(eq(attemptAnswers.attemptId, attempt.id), eq(attemptAnswers.slot, slot.slot)));
      marks.push({ points: slot.maxPoints, fraction: grade.fraction, graded: slot.config.type !== "description" });
    }
    const score = scoreAttempt(marks, attempt.passPercent);
    const revision = attempt.revision + 1;
    await tx
      .update(quizAttempts)
      .set({
        status: "finished",
        revision,
        points: score.points,
        percent: score.percent,
        passed: score.passed,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
        gradedAt: score.complete ? ctx.now : null,
      })
      .where(and(eq(quizAttempts.id, attempt.id), eq(quizAttempts.status, "open")));
    return { status: "submitted", revision };
  });
}
