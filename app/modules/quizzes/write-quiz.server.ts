import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { questions, quizzes } from "#db/schema/index.ts";
import { changed, excludedOf } from "#app/modules/library/upsert-sql.server.ts";
import { markdownToDocument } from "#app/modules/library/markdown.server.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";
import type { QuestionDraft } from "./question-draft.server.ts";
import type { QuizSettings } from "./quiz-settings.ts";

const questionColumns = [
  "position",
  "type",
  "title",
  "prompt",
  "prompt_html",
  "general_feedback",
  "general_feedback_html",
  "image",
  "image_alt",
  "image_width",
  "image_height",
  "points",
  "config",
  "archived_at",
];

export function introHtml(markdown: string): string {
  const document = markdown.trim() ? markdownToDocument(markdown) : null;
  return document ? renderLessonHtml(document) : "";
}

function settingsValues(settings: QuizSettings) {
  return { ...settings, introHtml: introHtml(settings.introMarkdown) };
}

/**
 * Upserts questions by key. `startAt` is the first position for new ones; with `archiveOthers`
 * (a library re-import) questions whose key is gone are archived, never deleted, so attempts
 * keep what they refer to. Returns how many rows were new or changed.
 */
export async function upsertQuestions(
  tx: Database,
  quizId: string,
  drafts: QuestionDraft[],
  now: Date,
  options: { startAt: number; archiveOthers: boolean },
): Promise<number> {
  let written = 0;
  if (drafts.length > 0) {
    const rows = await tx
      .insert(questions)
      .values(
        drafts.map((draft, i) => ({
          quizId,
          key: draft.key,
          position: options.startAt + i,
          type: draft.config.type,
          title: draft.title,
          prompt: draft.prompt,
          promptHtml: draft.promptHtml,
          generalFeedback: draft.generalFeedback,
          generalFeedbackHtml: draft.generalFeedbackHtml,
          image: draft.image,
          imageAlt: draft.imageAlt,
          imageWidth: draft.imageWidth,
          imageHeight: draft.imageHeight,
          points: draft.points,
          config: draft.config,
          archivedAt: null,
        })),
      )
      .onConflictDoUpdate({
        target: [questions.quizId, questions.key],
        set: { ...excludedOf(questionColumns), updatedAt: now },
        setWhere: changed("questions", questionColumns),
      })
      .returning({ id: questions.id });
    written = rows.length;
  }
  if (options.archiveOthers) {
    await tx
      .update(questions)
      .set({ archivedAt: now, updatedAt: now })
      .where(
        and(
          eq(questions.quizId, quizId),
          isNull(questions.archivedAt),
          notInArray(questions.key, drafts.map((d) => d.key).concat([""])),
        ),
      );
  }
  return written;
}

/** A library module's quiz as in the files; no files = its questions are archived. */
export async function writeLibraryQuiz(
  tx: Database,
  moduleId: string,
  quiz: { settings: QuizSettings; questions: QuestionDraft[] } | null,
  now: Date,
): Promise<void> {
  if (!quiz) {
    await tx
      .update(questions)
      .set({ archivedAt: now, updatedAt: now })
      .where(
        and(
          isNull(questions.archivedAt),
          sql`${questions.quizId} in (select id from quizzes where module_id = ${moduleId})`,
        ),
      );
    return;
  }
  const values = settingsValues(quiz.settings);
  const settingColumns = [
    "title",
    "intro_markdown",
    "intro_html",
    "pass_percent",
    "max_attempts",
    "shuffle_questions",
    "shuffle_answers",
    "draw_count",
    "per_page",
    "review_policy",
  ];
  const [row] = await tx
    .insert(quizzes)
    .values({ moduleId, ...values })
    .onConflictDoUpdate({
      target: quizzes.moduleId,
      set: { ...excludedOf(settingColumns), updatedAt: now },
      setWhere: changed("quizzes", settingColumns),
    })
    .returning({ id: quizzes.id });
  const quizId = row?.id ?? (await quizIdOfModule(tx, moduleId));
  await upsertQuestions(tx, quizId, quiz.questions, now, { startAt: 1, archiveOthers: true });
}

async function quizIdOfModule(tx: Database, moduleId: string): Promise<string> {
  const [found] = await tx.select({ id: quizzes.id }).from(quizzes).where(eq(quizzes.moduleId, moduleId));
  if (!found) throw new Error("quiz vanished during import");
  return found.id;
}
