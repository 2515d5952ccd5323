import type { z } from "zod";
import { quizFileSchema } from "#app/modules/library/quiz-file-schema.ts";
import { draftFromFile } from "#app/modules/library/read-quiz.server.ts";
import type { QuestionDraft } from "#app/modules/quizzes/question-draft.server.ts";
import { settingsFromFile } from "#app/modules/quizzes/quiz-settings.ts";
import { writeLibraryQuiz } from "#app/modules/quizzes/write-quiz.server.ts";
import type { Database } from "#db/client.server.ts";
import { and, asc, eq } from "drizzle-orm";
import { attemptAnswers, questions, quizzes } from "#db/schema/index.ts";
import { matchingOptions, type QuestionConfig } from "#app/modules/quizzes/question-config.ts";

/**
 * A quiz on a module, written from the same structure as `quiz.yaml` (so tests read like
 * content files) through the same conversion and writer the import uses.
 */
export async function createQuiz(db: Database, moduleId: string, file: z.input<typeof quizFileSchema>) {
  const parsed = quizFileSchema.parse(file);
  const drafts: QuestionDraft[] = [];
  for (const question of parsed.questions) {
    // The import's own conversion; test quizzes have no pictures.
    const result = await draftFromFile(question, "test-quiz.yaml", 1, async () => null);
    if ("error" in result) throw new Error(`${question.key}: ${result.error}`);
    drafts.push(result.draft);
  }
  const { questions: _questions, ...settings } = parsed;
  await writeLibraryQuiz(
    db,
    moduleId,
    { settings: settingsFromFile(settings, "Testmodul"), questions: drafts },
    new Date(),
  );
  const [quiz] = await db.select().from(quizzes).where(eq(quizzes.moduleId, moduleId));
  if (!quiz) throw new Error("no quiz");
  const rows = await db
    .select({ id: questions.id, key: questions.key })
    .from(questions)
    .where(and(eq(questions.quizId, quiz.id)));
  return { quiz, questionIds: Object.fromEntries(rows.map((row) => [row.key, row.id])) as Record<string, string> };
}

/** The slots of an attempt with what a test needs to fill its form. */
export async function attemptSlots(db: Database, attemptId: string) {
  const rows = await db
    .select({
      slot: attemptAnswers.slot,
      page: attemptAnswers.page,
      displayOrder: attemptAnswers.displayOrder,
      key: questions.key,
      config: questions.config,
    })
    .from(attemptAnswers)
    .innerJoin(questions, eq(questions.id, attemptAnswers.questionId))
    .where(eq(attemptAnswers.attemptId, attemptId))
    .orderBy(asc(attemptAnswers.slot));
  return rows.map((row) => ({
    ...row,
    displayOrder: row.displayOrder as number[],
    config: row.config as QuestionConfig,
  }));
}

/** An answer in authoring terms, as a walkthrough or test writes it. */
export type TestAnswer =
  | { choice: number }
  | { choices: number[] }
  | { value: boolean }
  | { text: string }
  | { order: number[] }
  | { matches: (string | null)[] };

/**
 * The form a browser would post for one page: display positions computed from the attempt's
 * own order, exactly as the rendered page offers them.
 */
export function pageForm(
  slots: Awaited<ReturnType<typeof attemptSlots>>,
  page: number,
  answers: Record<string, TestAnswer>,
  fields: { revision: number; intent: string },
): FormData {
  const form = new FormData();
  form.set("intent", fields.intent);
  form.set("revision", String(fields.revision));
  form.set("page", String(page));
  const at = (order: number[], index: number) => String(order.indexOf(index));
  for (const slot of slots.filter((s) => s.page === page)) {
    const answer = answers[slot.key];
    const name = `q${slot.slot}`;
    if (!answer) continue;
    if ("choice" in answer) form.set(name, at(slot.displayOrder, answer.choice));
    if ("choices" in answer) for (const choice of answer.choices) form.append(name, at(slot.displayOrder, choice));
    if ("value" in answer) form.set(name, String(answer.value));
    if ("text" in answer) form.set(name, answer.text);
    if ("order" in answer) form.set(name, answer.order.map((index) => at(slot.displayOrder, index)).join(","));
    if ("matches" in answer && slot.config.type === "matching") {
      const options = matchingOptions(slot.config);
      answer.matches.forEach((match, row) => {
        if (match !== null) form.set(`${name}.${row}`, at(slot.displayOrder, options.indexOf(match)));
      });
    }
  }
  return form;
}
