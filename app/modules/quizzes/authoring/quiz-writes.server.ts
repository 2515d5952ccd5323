import { and, eq, isNull, isNotNull } from "drizzle-orm";
import { courseModules, questions, quizzes } from "#db/schema/index.ts";
import { requireManagedModule } from "#app/modules/authoring/load-owned.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { QuizSettings } from "../quiz-settings.ts";
import { introHtml } from "../write-quiz.server.ts";
import { requireManagedQuiz } from "./load-managed-quiz.server.ts";

/** "Quiz anlegen" for a module of one's own course; a second click finds the first quiz. */
export async function createModuleQuiz({ ctx, input }: { ctx: Ctx; input: { moduleId: string } }) {
  await requireManagedModule(ctx.db, ctx.actor, input.moduleId);
  const [module] = await ctx.db
    .select({ title: courseModules.title })
    .from(courseModules)
    .where(eq(courseModules.id, input.moduleId));
  await ctx.db
    .insert(quizzes)
    .values({ moduleId: input.moduleId, title: `Quiz: ${module?.title ?? ""}`.trim() })
    .onConflictDoNothing();
  const [quiz] = await ctx.db.select({ id: quizzes.id }).from(quizzes).where(eq(quizzes.moduleId, input.moduleId));
  if (!quiz) throw new NotFoundError("quiz");
  return quiz;
}

export async function updateQuizSettings({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { quizId: string; settings: QuizSettings };
}) {
  await requireManagedQuiz(ctx, input.quizId);
  await ctx.db
    .update(quizzes)
    .set({ ...input.settings, introHtml: introHtml(input.settings.introMarkdown), updatedAt: ctx.now })
    .where(eq(quizzes.id, input.quizId));
}

/** Removing a question archives it: finished attempts keep what they answered. */
export async function setQuestionArchived({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { quizId: string; questionId: string; archived: boolean };
}) {
  await requireManagedQuiz(ctx, input.quizId);
  const updated = await ctx.db
    .update(questions)
    .set({ archivedAt: input.archived ? ctx.now : null, updatedAt: ctx.now })
    .where(
      and(
        eq(questions.id, input.questionId),
        // The question must belong to this quiz: ids from forms are not trusted.
        eq(questions.quizId, input.quizId),
        input.archived ? isNull(questions.archivedAt) : isNotNull(questions.archivedAt),
      ),
    )
    .returning({ id: questions.id });
  return updated.length;
}
