import { readFile } from "node:fs/promises";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { parseGift } from "#app/modules/quizzes/gift/parse-gift.ts";
import {
  type DraftResult,
  draftFromGift,
  finishDraft,
  type QuestionDraft,
  shortTitle,
} from "#app/modules/quizzes/question-draft.server.ts";
import { type QuizSettings, settingsFromFile } from "#app/modules/quizzes/quiz-settings.ts";
import { lintMarkdown, markdownToDocument } from "./markdown.server.ts";
import { quizFileSchema, quizSettingsSchema, type QuizQuestionFile } from "./quiz-file-schema.ts";
import { configFromFile } from "./quiz-question-config.ts";
import { type ContentError, parseYamlFile } from "./yaml-file.server.ts";

export type LibraryQuiz = { settings: QuizSettings; questions: QuestionDraft[] };

/** Resolves a picture path from a course file to its media entry (see read-library). */
export type QuizImageResolver = (
  relative: string,
  from: string,
  line: number,
) => Promise<{ fileName: string; width: number | null; height: number | null } | null>;

const display = (file: string) => path.relative(process.cwd(), file) || file;

async function readOptional(file: string): Promise<string | null> {
  return readFile(file, "utf8").catch(() => null);
}

/**
 * The quiz of a module folder from `quiz.yaml` (settings and questions) and/or `quiz.gift`
 * (questions; Moodle's format). Both together make one quiz. undefined = the module has none.
 */
export async function readModuleQuiz(
  dir: string,
  moduleTitle: string,
  resolveImage: QuizImageResolver,
  errors: ContentError[],
): Promise<LibraryQuiz | null | undefined> {
  const yamlFile = path.join(dir, "quiz.yaml");
  const giftFile = path.join(dir, "quiz.gift");
  const [yamlSource, giftSource] = await Promise.all([readOptional(yamlFile), readOptional(giftFile)]);
  if (yamlSource === null && giftSource === null) return undefined;
  const before = errors.length;
  const questions: QuestionDraft[] = [];
  const keys = new Map<string, string>();
  const add = (result: DraftResult, file: string, line: number) => {
    if ("error" in result) return errors.push({ file, line, message: result.error });
    const where = keys.get(result.draft.key);
    if (where)
      return errors.push({ file, line, message: `Frage-Schlüssel „${result.draft.key}“ doppelt (auch ${where})` });
    keys.set(result.draft.key, `${file}:${line}`);
    questions.push(result.draft);
  };

  let settings = settingsFromFile(quizSettingsSchema.parse({}), moduleTitle);
  if (yamlSource !== null) {
    const where = display(yamlFile);
    const parsed = parseYamlFile(yamlSource, quizFileSchema, where);
    errors.push(...parsed.errors);
    if (parsed.data) {
      const { questions: fileQuestions, ...fileSettings } = parsed.data;
      settings = settingsFromFile(fileSettings, moduleTitle);
      for (const question of fileQuestions) {
        const line = lineOfKey(yamlSource, question.key);
        add(await draftFromFile(question, yamlFile, line, resolveImage), where, line);
      }
    }
  }
  if (giftSource !== null) {
    const where = display(giftFile);
    const parsed = parseGift(giftSource);
    for (const problem of parsed.problems) {
      if (problem.severity === "error") errors.push({ file: where, line: problem.line, message: problem.message });
    }
    for (const question of parsed.questions) add(await draftFromGift(question), where, question.line);
  }
  if (questions.length === 0 && errors.length === before)
    errors.push({ file: display(yamlSource !== null ? yamlFile : giftFile), line: 1, message: "Quiz ohne Fragen" });
  if (
    settings.drawCount !== null &&
    settings.drawCount > questions.filter((q) => q.config.type !== "description").length
  )
    errors.push({ file: display(yamlFile), line: 1, message: "draw: mehr Fragen ziehen als es gibt" });
  return errors.length === before ? { settings, questions } : null;
}

function lineOfKey(source: string, key: string): number {
  const lines = source.split("\n");
  const index = lines.findIndex((line) => new RegExp(`^\\s*(- )?key:\\s*["']?${key}["']?\\s*$`).test(line));
  return index + 1 || 1;
}

/** One `quiz.yaml` question as a draft: Markdown to documents, picture resolved, answer key checked. */
export async function draftFromFile(
  question: QuizQuestionFile,
  file: string,
  line: number,
  resolveImage: QuizImageResolver,
): Promise<DraftResult> {
  const prompt = markdownField(question.prompt, "prompt");
  if (!prompt.document) return { error: prompt.error };
  const feedback = question.feedback ? markdownField(question.feedback, "feedback") : null;
  if (feedback && !feedback.document) return { error: feedback.error };
  const image = question.image ? await resolveImage(question.image, file, line) : null;
  if (question.image && !image) return { error: `image: ${question.image} nicht verwendbar` };
  return finishDraft({
    key: question.key,
    title: question.title ?? shortTitle(prompt.document),
    prompt: prompt.document,
    generalFeedback: feedback?.document ?? null,
    image: image ? `/media/${image.fileName}` : null,
    imageAlt: image ? (question.imageAlt ?? null) : null,
    imageWidth: image?.width ?? null,
    imageHeight: image?.height ?? null,
    points: question.type === "description" ? 0 : question.points,
    config: configFromFile(question),
  });
}

function markdownField(
  markdown: string,
  field: string,
): { document: JSONContent; error?: never } | { document?: never; error: string } {
  const lint = lintMarkdown(markdown);
  const problem = lint.problems[0] ?? (lint.images.length > 0 ? { message: "Bilder über image: angeben" } : null);
  if (problem) return { error: `${field}: ${problem.message}` };
  const document = markdownToDocument(markdown);
  return document ? { document } : { error: `${field}: ergibt kein gültiges Dokument` };
}
