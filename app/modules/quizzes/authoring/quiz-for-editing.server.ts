import { asc, eq, sql } from "drizzle-orm";
import { courseModules, courses, questions, quizzes } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { quizColumns } from "../load-quiz.server.ts";
import { requireManagedQuiz } from "./load-managed-quiz.server.ts";

/** The quiz editor: settings and every question (archived ones too, to restore them). No answer keys. */
export async function quizForEditing(ctx: Ctx, quizId: string) {
  await requireManagedQuiz(ctx.db, ctx.actor, quizId);
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
      archived: sql<boolean>`${questions.archivedAt} is not null`,
    })
    .from(questions)
    .where(eq(questions.quizId, quizId))
    .orderBy(asc(questions.position), asc(questions.key));
  return { quiz, questions: list };
}
