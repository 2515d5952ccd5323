import { and, asc, eq, isNull } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { questions } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireQuizExport } from "#app/modules/permissions/course-access.server.ts";
import { exportGift } from "../gift/export-gift.ts";
import { requireReadableQuiz } from "../load-quiz.server.ts";
import type { QuestionConfig } from "../question-config.ts";
import { documentToMarkdown } from "../question-draft.server.ts";

/**
 * A quiz as a GIFT file for Moodle or another Werkbank quiz. The file holds the answer key: only
 * the staff who write the quiz's organisation's courses (library quizzes: any of them) may export.
 */
export async function exportQuizAsGift(ctx: Ctx, quizId: string) {
  const quiz = await requireReadableQuiz(ctx, quizId);
  requireQuizExport(ctx.actor, quiz);
  const rows = await ctx.db
    .select({
      title: questions.title,
      prompt: questions.prompt,
      generalFeedback: questions.generalFeedback,
      points: questions.points,
      config: questions.config,
    })
    .from(questions)
    .where(and(eq(questions.quizId, quiz.id), isNull(questions.archivedAt)))
    .orderBy(asc(questions.position), asc(questions.key));
  const result = exportGift(
    rows.map((row) => ({
      title: row.title,
      promptMarkdown: documentToMarkdown(row.prompt as JSONContent),
      generalFeedbackMarkdown: row.generalFeedback ? documentToMarkdown(row.generalFeedback as JSONContent) : null,
      points: row.points,
      config: row.config as QuestionConfig,
    })),
    { category: `${quiz.courseTitle}/${quiz.title}` },
  );
  return { ...result, fileName: `${quiz.title.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "quiz"}.gift` };
}
