import { eq, sql } from "drizzle-orm";
import { questions } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { hasControlCharacters, stripControlCharacters } from "#app/modules/shared/user-text.ts";
import { parseGift } from "../gift/parse-gift.ts";
import { draftFromGift, type QuestionDraft } from "../question-draft.server.ts";
import { upsertQuestions } from "../write-quiz.server.ts";
import { requireManagedQuiz } from "./load-managed-quiz.server.ts";

export type GiftImportReport = {
  /** Questions read and stored (new, or updated because the key existed). */
  imported: { line: number; title: string; type: string }[];
  /** Questions not taken, with the reason. */
  rejected: { line: number; message: string }[];
  /** Taken, but with a detail changed or dropped. */
  warnings: { line: number; message: string }[];
};

export const maxGiftBytes = 512 * 1024;

/**
 * The source without invisible control characters (a NUL cannot be stored at all), each line
 * that had some named in the report. Tab and line breaks stay.
 */
function withoutControlCharacters(source: string, report: GiftImportReport): string {
  if (!hasControlCharacters(source, true)) return source;
  const lines = source.split("\n");
  lines.forEach((line, index) => {
    if (hasControlCharacters(line, true)) {
      report.warnings.push({ line: index + 1, message: "Unsichtbare Steuerzeichen entfernt" });
    }
  });
  return stripControlCharacters(source);
}

/**
 * Reads a GIFT file into a quiz: every question that can be taken faithfully is stored, the rest
 * is reported with its line. Questions whose key (Moodle id number, title or text) already exists
 * are updated, so uploading the same file twice does not duplicate anything.
 */
export async function importGiftIntoQuiz({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { quizId: string; source: string };
}): Promise<GiftImportReport> {
  await requireManagedQuiz(ctx, input.quizId);
  const report: GiftImportReport = { imported: [], rejected: [], warnings: [] };
  const parsed = parseGift(withoutControlCharacters(input.source, report));
  for (const problem of parsed.problems) {
    (problem.severity === "error" ? report.rejected : report.warnings).push({
      line: problem.line,
      message: problem.message,
    });
  }
  const drafts: QuestionDraft[] = [];
  const seen = new Set<string>();
  for (const question of parsed.questions) {
    const result = await draftFromGift(question);
    if ("error" in result) {
      report.rejected.push({ line: question.line, message: result.error });
      continue;
    }
    if (seen.has(result.draft.key)) {
      report.rejected.push({ line: question.line, message: `Frage doppelt in der Datei (${result.draft.key})` });
      continue;
    }
    seen.add(result.draft.key);
    for (const warning of result.warnings) report.warnings.push({ line: question.line, message: warning });
    drafts.push(result.draft);
    report.imported.push({ line: question.line, title: result.draft.title, type: result.draft.config.type });
  }
  await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${questions.position}), 0)::int` })
      .from(questions)
      .where(eq(questions.quizId, input.quizId));
    await upsertQuestions(tx, input.quizId, drafts, ctx.now, {
      startAt: (last?.position ?? 0) + 1,
      archiveOthers: false,
    });
  });
  report.rejected.sort((a, b) => a.line - b.line);
  report.warnings.sort((a, b) => a.line - b.line);
  return report;
}
