import { asc, eq, sql } from "drizzle-orm";
import { courseModules, courses, questions, quizzes } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { quizColumns } from "../load-quiz.server.ts";
import type { QuestionConfig } from "../question-config.ts";
import { requireManagedQuiz } from "./load-managed-quiz.server.ts";

/** The quiz editor: settings and every question with its answer key (archived ones too, to restore them). */
export async function quizForEditing(ctx: Ctx, quizId: string) {
  await requireManagedQuiz(ctx, quizId);
  const [quiz] = await ctx.db
    .select({ ...quizColumns, introMarkdown: quizzes.introMarkdown })
    .from(quizzes)
    .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .where(eq(quizzes.id, quizId));
  if (!quiz) throw new NotFoundError("quiz");
  const list = await ctx.db
    .select({
      id: questions.id,
      type: questions.type,
      title: questions.title,
      points: questions.points,
      promptHtml: questions.promptHtml,
      generalFeedbackHtml: questions.generalFeedbackHtml,
      image: questions.image,
      imageAlt: questions.imageAlt,
      imageWidth: questions.imageWidth,
      imageHeight: questions.imageHeight,
      config: questions.config,
      archived: sql<boolean>`${questions.archivedAt} is not null`,
    })
    .from(questions)
    .where(eq(questions.quizId, quizId))
    .orderBy(asc(questions.position), asc(questions.key));
  // The quiz's own authors may see its answer keys, to check what an upload brought.
  return { quiz, questions: list.map((question) => ({ ...question, config: question.config as QuestionConfig })) };
}
