import { imageSize } from "image-size";
import type { Ctx } from "#app/modules/context.server.ts";
import { maxMediaBytes, type MediaExtension } from "#app/modules/media/media-types.ts";
import { storeMedia } from "#app/modules/media/store.server.ts";
import { requireManagedLesson } from "./load-owned.server.ts";

/** Uploads are raster pictures only: an SVG can carry script, so SVGs come only from the library. */
const uploadTypes: Partial<Record<string, MediaExtension>> = { png: "png", jpg: "jpg", webp: "webp", gif: "gif" };

export type UploadResult =
  | { ok: true; src: string; width: number | null; height: number | null }
  | { ok: false; error: string };

/** Who may add pictures to this lesson: asked before the upload body is read. */
export function requireImageUploadTarget(ctx: Ctx, lessonId: string) {
  return requireManagedLesson(ctx.db, ctx.actor, lessonId);
}

/**
 * A picture for a lesson. The type is read from the bytes, not trusted from the file name or the
 * browser; the file belongs to the course's organisation.
 */
export async function uploadLessonImage({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { lessonId: string; bytes: Uint8Array };
}): Promise<UploadResult> {
  const lesson = await requireManagedLesson(ctx.db, ctx.actor, input.lessonId);
  if (input.bytes.byteLength === 0) return { ok: false, error: "errors.upload.empty" };
  if (input.bytes.byteLength > maxMediaBytes) return { ok: false, error: "errors.upload.tooLarge" };
  let extension: MediaExtension | undefined;
  try {
    extension = uploadTypes[imageSize(input.bytes).type ?? ""];
  } catch {
    extension = undefined;
  }
  if (!extension) return { ok: false, error: "errors.upload.type" };
  const stored = await storeMedia(ctx.db, {
    bytes: input.bytes,
    extension,
    owner: lesson.ownerOrganizationId,
    uploadedBy: ctx.actor.id,
  });
  return { ok: true, src: stored.url, width: stored.width, height: stored.height };
}
