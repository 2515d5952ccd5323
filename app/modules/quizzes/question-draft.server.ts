import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { slugify } from "#app/modules/authoring/slugs.ts";
import { lintMarkdown, markdownManager, markdownToDocument, TOO_DEEP } from "#app/modules/library/markdown.server.ts";
import { lessonExtensions } from "#app/modules/rich-text/extensions.ts";
import { markupTooDeep } from "#app/modules/rich-text/nesting.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";
import { validDocument } from "#app/modules/rich-text/sanitize.server.ts";
import type { GiftQuestion, GiftText } from "./gift/gift-types.ts";
import { type QuestionConfig, questionConfigSchema } from "./question-config.ts";

/** A question ready to be stored: documents validated, HTML rendered once. */
export type QuestionDraft = {
  key: string;
  title: string;
  prompt: JSONContent;
  promptHtml: string;
  generalFeedback: JSONContent | null;
  generalFeedbackHtml: string | null;
  image: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  points: number;
  config: QuestionConfig;
};

export type DraftResult = { draft: QuestionDraft; warnings: string[] } | { error: string };

const emptyDocument: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/**
 * Plain text as paragraphs: blank lines separate them, other line ends (GIFT's `\n`) become
 * line breaks. Spaces at line ends carry no meaning and would not survive a Markdown round trip.
 */
function plainToDocument(text: string): JSONContent {
  const paragraphs = text
    .split(/\n[ \t]*\n\s*/)
    .map((block) => block.split("\n").map((line) => line.trim()))
    .filter((lines) => lines.some((line) => line !== ""));
  return {
    type: "doc",
    content: paragraphs.map((lines) => ({
      type: "paragraph",
      content: lines.flatMap((line, i) => [
        ...(i > 0 ? [{ type: "hardBreak" }] : []),
        ...(line ? [{ type: "text", text: line }] : []),
      ]),
    })),
  };
}

/**
 * Rich text from a GIFT file as a lesson document. HTML (also Moodle's auto-format when it holds
 * tags) goes through tiptap's HTML reader with the lesson extensions, then the same pruning as
 * lessons: scripts, styles, foreign pictures and unsafe links do not survive.
 */
export async function giftTextToDocument(
  source: GiftText,
): Promise<{ document: JSONContent | null; warnings: string[] }> {
  const warnings: string[] = [];
  const text = source.text.trim();
  if (text === "") return { document: emptyDocument, warnings };
  // Before any reader sees it: Markdown and HTML readers recurse per level of nesting.
  if (source.format !== "plain" && markupTooDeep(text)) return { document: null, warnings: [TOO_DEEP] };
  if (source.format === "markdown") {
    const lint = lintMarkdown(text);
    if (lint.problems.length > 0) return { document: null, warnings: lint.problems.map((p) => p.message) };
    if (lint.images.length > 0) warnings.push("Bilder im Fragetext werden nicht übernommen");
    return { document: markdownToDocument(text), warnings };
  }
  const looksLikeHtml = /<\/?[a-z][^>]*>/i.test(text);
  if (source.format === "html" || (source.format === "moodle" && looksLikeHtml)) {
    if (/<img\b/i.test(text)) warnings.push("Bilder im Fragetext werden nicht übernommen");
    const html = source.format === "moodle" ? text.replace(/\n/g, "<br>") : text;
    // Loaded on first use: the HTML reader brings a DOM (happy-dom), ~45 MB the server need not hold otherwise.
    const { generateJSON } = await import("@tiptap/html/server");
    return { document: validDocument(generateJSON(html, lessonExtensions)), warnings };
  }
  return { document: plainToDocument(text), warnings };
}

/** The Markdown a document is exported as (GIFT `[markdown]`); reading it back gives the document. */
export function documentToMarkdown(document: JSONContent): string {
  return markdownManager().serialize(document).trim();
}

/** Plain text of a document, for a default title. */
export function documentText(document: JSONContent): string {
  const parts: string[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === "text" && node.text) parts.push(node.text);
    if (node.type === "hardBreak") parts.push(" ");
    for (const child of node.content ?? []) visit(child);
    if (node.type === "paragraph" || node.type === "heading") parts.push(" ");
  };
  visit(document);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/** A title from the prompt when the author gave none (Moodle does the same). */
export function shortTitle(prompt: JSONContent): string {
  const text = documentText(prompt);
  return (text.length <= 60 ? text : `${text.slice(0, 59).trimEnd()}…`) || "Frage";
}

export function finishDraft(input: Omit<QuestionDraft, "promptHtml" | "generalFeedbackHtml">): DraftResult {
  const parsed = questionConfigSchema.safeParse(input.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "ungültig"}` };
  }
  const problem = keyProblem(parsed.data);
  if (problem) return { error: problem };
  return {
    draft: {
      ...input,
      config: parsed.data,
      promptHtml: renderLessonHtml(input.prompt),
      generalFeedbackHtml: input.generalFeedback ? renderLessonHtml(input.generalFeedback) : null,
    },
    warnings: [],
  };
}

/** Answer keys that cannot give full marks are mistakes, not intentions. */
function keyProblem(config: QuestionConfig): string | null {
  if (config.type === "single" && !config.choices.some((c) => c.fraction === 1))
    return "Einfachauswahl ohne richtige Antwort (100 %)";
  if (config.type === "multiple") {
    const positive = config.choices.reduce((sum, c) => sum + Math.max(0, c.fraction), 0);
    if (Math.abs(positive - 1) > 0.01) return "Mehrfachauswahl: die richtigen Antworten ergeben zusammen nicht 100 %";
  }
  if ((config.type === "numeric" || config.type === "shorttext") && !config.answers.some((a) => a.fraction === 1))
    return "keine Antwort mit vollen Punkten (100 %)";
  return null;
}

/** A GIFT question as a draft. The key comes from Moodle's id number, the title or the text. */
export async function draftFromGift(question: GiftQuestion): Promise<DraftResult> {
  const prompt = await giftTextToDocument(question.prompt);
  if (!prompt.document) return { error: `Fragetext: ${prompt.warnings.join("; ")}` };
  const feedback = question.generalFeedback ? await giftTextToDocument(question.generalFeedback) : null;
  if (feedback && !feedback.document) return { error: `Allgemeines Feedback: ${feedback.warnings.join("; ")}` };
  const text = documentText(prompt.document);
  const title = question.title?.trim() || shortTitle(prompt.document);
  const keySource = question.idNumber ?? question.title ?? "";
  const key = keySource.trim()
    ? slugify(keySource)
    : `frage-${createHash("sha256").update(text).digest("hex").slice(0, 10)}`;
  const result = finishDraft({
    key,
    title,
    prompt: prompt.document,
    generalFeedback: feedback?.document ?? null,
    image: null,
    imageAlt: null,
    imageWidth: null,
    imageHeight: null,
    points: question.config.type === "description" ? 0 : 1,
    config: question.config,
  });
  if ("error" in result) return result;
  return { draft: result.draft, warnings: [...prompt.warnings, ...(feedback?.warnings ?? [])] };
}
