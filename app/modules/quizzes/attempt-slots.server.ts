import { and, asc, eq } from "drizzle-orm";
import { attemptAnswers, questions } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { QuestionConfig, QuestionResponse } from "./question-config.ts";

/**
 * The slots of an attempt (one page, or all with `page` null) with their questions, answer keys
 * included. Server-only: callers decide what of it may reach the browser.
 */
export async function readSlots(db: Database, attemptId: string, page: number | null) {
  const rows = await db
    .select({
      slot: attemptAnswers.slot,
      page: attemptAnswers.page,
      displayOrder: attemptAnswers.displayOrder,
      response: attemptAnswers.response,
      maxPoints: attemptAnswers.maxPoints,
      fraction: attemptAnswers.fraction,
      feedback: attemptAnswers.feedback,
      notice: attemptAnswers.notice,
      needsGrading: attemptAnswers.needsGrading,
      graderComment: attemptAnswers.graderComment,
      title: questions.title,
      promptHtml: questions.promptHtml,
      generalFeedbackHtml: questions.generalFeedbackHtml,
      image: questions.image,
      imageAlt: questions.imageAlt,
      imageWidth: questions.imageWidth,
      imageHeight: questions.imageHeight,
      config: questions.config,
    })
    .from(attemptAnswers)
    .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
    .where(and(eq(attemptAnswers.attemptId, attemptId), page === null ? undefined : eq(attemptAnswers.page, page)))
    .orderBy(asc(attemptAnswers.slot));
  return rows.map((row) => ({
    ...row,
    displayOrder: row.displayOrder as number[],
    response: row.response as QuestionResponse | null,
    config: row.config as QuestionConfig,
  }));
}
