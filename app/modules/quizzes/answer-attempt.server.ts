import { completeAssignmentsOf } from "#app/modules/assignments/recipient-progress.server.ts";
import { and, eq, sql } from "drizzle-orm";
import { quizAttempts } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { readSlots } from "./attempt-slots.server.ts";
import { type Grade, gradeResponse } from "./grading/grade-response.ts";
import { requireOwnAttemptQuiz } from "./load-quiz.server.ts";
import { scoreAttempt } from "./grading/score-attempt.ts";
import type { QuestionResponse } from "./question-config.ts";
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

/**
 * The attempt, locked for this transaction, with its quiz. Writing needs what reading needs:
 * the attempt is the actor's and its quiz still readable for them (else "not found").
 */
async function lockAttempt(tx: Database, ctx: Ctx, attemptId: string) {
  const [attempt] = await tx
    .select({
      id: quizAttempts.id,
      quizId: quizAttempts.quizId,
      userId: quizAttempts.userId,
      status: quizAttempts.status,
      revision: quizAttempts.revision,
      pageCount: quizAttempts.pageCount,
    })
    .from(quizAttempts)
    .where(eq(quizAttempts.id, attemptId))
    .for("update");
  if (!attempt) throw new NotFoundError("attempt");
  const quiz = await requireOwnAttemptQuiz({ ...ctx, db: tx }, attempt);
  return { ...attempt, passPercent: quiz.passPercent };
}

type Slot = Awaited<ReturnType<typeof readSlots>>[number];

/** The page's responses as the form gives them (descriptions have none). */
function pageResponses(slots: Slot[], input: AnswerInput): Map<number, QuestionResponse> {
  const responses = new Map<number, QuestionResponse>();
  for (const slot of slots) {
    if (slot.page !== input.page || slot.config.type === "description") continue;
    const move = input.move?.slot === slot.slot ? input.move : undefined;
    responses.set(slot.slot, readResponse(slot.config, slot, input.form, move));
  }
  return responses;
}

type SlotWrite = { slot: number; response: QuestionResponse | null; grade?: Grade; needsGrading?: boolean };

/** All slots' writes in one statement, not one per question. */
async function writeSlots(tx: Database, attemptId: string, rows: SlotWrite[], withMarks: boolean) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((row) => ({
      slot: row.slot,
      response: row.response,
      ...(row.grade && {
        fraction: row.grade.fraction,
        needs_grading: row.needsGrading ?? false,
        feedback: row.grade.feedback,
        notice: row.grade.notice,
      }),
    })),
  );
  await tx.execute(
    withMarks
      ? sql`update attempt_answers as a set response = v.response, fraction = v.fraction, needs_grading = v.needs_grading,
            feedback = v.feedback, notice = v.notice
          from jsonb_to_recordset(${json}::jsonb)
            as v(slot smallint, response jsonb, fraction double precision, needs_grading boolean, feedback jsonb, notice text)
          where a.attempt_id = ${attemptId} and a.slot = v.slot`
      : sql`update attempt_answers as a set response = v.response
          from jsonb_to_recordset(${json}::jsonb) as v(slot smallint, response jsonb)
          where a.attempt_id = ${attemptId} and a.slot = v.slot`,
  );
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
    const responses = pageResponses(await readSlots(tx, input.attemptId, input.page), input);
    await writeSlots(
      tx,
      input.attemptId,
      [...responses].map(([slot, response]) => ({ slot, response })),
      false,
    );
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
    const slots = await readSlots(tx, input.attemptId, null);
    const fromPage = pageResponses(slots, input);
    const writes: SlotWrite[] = [];
    const marks = [];
    for (const slot of slots) {
      // An ordering question left untouched is answered with the order it was shown in.
      const response =
        fromPage.get(slot.slot) ??
        slot.response ??
        (slot.config.type === "ordering" ? { type: "ordering" as const, order: slot.displayOrder } : null);
      // Marks, feedback and notice are stored: the result page shows them and never grades again.
      const grade = gradeResponse(slot.config, response);
      const needsGrading = slot.config.type === "essay" && grade.fraction === null;
      writes.push({ slot: slot.slot, response, grade, needsGrading });
      marks.push({ points: slot.maxPoints, fraction: grade.fraction, graded: slot.config.type !== "description" });
    }
    await writeSlots(tx, attempt.id, writes, true);
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
    if (score.passed) await completeAssignmentsOf(tx, ctx.actor.id, ctx.now);
    return { status: "submitted", revision };
  });
}
