import type { JSONContent } from "@tiptap/core";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { lessons, mediaFiles } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { lintMarkdown, markdownToDocument } from "#app/modules/library/markdown.server.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";
import { jsonTooDeep, NESTING_ERROR } from "#app/modules/rich-text/nesting.ts";
import { validDocument } from "#app/modules/rich-text/sanitize.server.ts";
import { CONTROL_CHARACTERS_ERROR, jsonHasControlCharacters } from "#app/modules/shared/user-text.ts";
import { requireManagedLesson } from "./load-owned.server.ts";

export type SaveLessonInput = {
  lessonId: string;
  title: string;
  minutes: number;
  /** ProseMirror JSON from the editor, or Markdown from the form without JavaScript. */
  body?: string;
  markdown?: string;
  publish: boolean;
};

export type SaveLessonResult = { ok: true; published: boolean } | { ok: false; field: "body"; error: string };

/**
 * Saves the working copy; with `publish` also makes it what readers see, rendering its HTML once
 * here. The version counts up only when readers would see a difference.
 */
export async function saveLesson({ ctx, input }: { ctx: Ctx; input: SaveLessonInput }): Promise<SaveLessonResult> {
  const lesson = await requireManagedLesson(ctx.db, ctx.actor, input.lessonId);
  const refused = refusedBody(input);
  if (refused) return { ok: false, field: "body", error: refused };
  const document = toDocument(input);
  if (!document) return { ok: false, field: "body", error: "errors.lesson.body" };
  if (!(await imagesAllowed(ctx.db, document, lesson.ownerOrganizationId))) {
    return { ok: false, field: "body", error: "errors.lesson.image" };
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(lessons)
      .set({ title: input.title, minutes: input.minutes, draftBody: document, updatedAt: ctx.now })
      .where(eq(lessons.id, lesson.id));
    if (!input.publish) return;
    const html = renderLessonHtml(document);
    const changed = sql`(${lessons.publishedHtml}, ${lessons.publishedTitle}) is distinct from (${html}, ${input.title})`;
    await tx
      .update(lessons)
      .set({
        publishedTitle: input.title,
        publishedBody: document,
        publishedHtml: html,
        publishedVersion: sql`case when ${changed} then ${lessons.publishedVersion} + 1 else ${lessons.publishedVersion} end`,
        publishedAt: sql`case when ${changed} then ${ctx.now.toISOString()}::timestamptz else ${lessons.publishedAt} end`,
      })
      .where(eq(lessons.id, lesson.id));
  });
  return { ok: true, published: input.publish };
}

/**
 * What the form schema cannot see in the editor's JSON: control characters inside its strings
 * (a `\u0000` escape is a NUL only once parsed; `jsonb` cannot hold it). Depth is checked first,
 * without parsing, so a deep text never reaches JSON.parse.
 */
function refusedBody(input: SaveLessonInput): string | null {
  if (input.body === undefined) return null;
  if (jsonTooDeep(input.body)) return NESTING_ERROR;
  try {
    return jsonHasControlCharacters(JSON.parse(input.body)) ? CONTROL_CHARACTERS_ERROR : null;
  } catch {
    return null; // not JSON at all: toDocument says so
  }
}

function toDocument(input: SaveLessonInput): JSONContent | null {
  if (input.body !== undefined) {
    try {
      return validDocument(JSON.parse(input.body));
    } catch {
      return null;
    }
  }
  if (input.markdown !== undefined) {
    if (lintMarkdown(input.markdown).problems.length > 0) return null;
    return markdownToDocument(input.markdown, (src) => ({ url: src, width: null, height: null }));
  }
  return null;
}

/** Pictures must be library media or the course owner's own uploads. */
async function imagesAllowed(db: Database, document: JSONContent, owner: string): Promise<boolean> {
  const names = new Set<string>();
  const walk = (node: JSONContent) => {
    if (node.type === "image" && typeof node.attrs?.src === "string")
      names.add(node.attrs.src.replace(/^\/media\//, ""));
    node.content?.forEach(walk);
  };
  walk(document);
  if (names.size === 0) return true;
  const rows = await db
    .selectDistinct({ fileName: mediaFiles.fileName })
    .from(mediaFiles)
    .where(
      and(
        inArray(mediaFiles.fileName, [...names]),
        or(isNull(mediaFiles.ownerOrganizationId), eq(mediaFiles.ownerOrganizationId, owner)),
      ),
    );
  return rows.length === names.size;
}
