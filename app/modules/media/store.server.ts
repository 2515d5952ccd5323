import { createHash } from "node:crypto";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import { mediaFiles } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import { env } from "#app/utils/env.server.ts";
import { type MediaExtension, mediaContentTypes } from "./media-types.ts";

export function uploadsDir(): string {
  const config = env();
  return path.resolve(config.UPLOADS_DIR ?? path.join(config.DATA_DIR, "uploads"));
}

export type StoredMedia = { fileName: string; url: string; width: number | null; height: number | null };

/** Width and height in CSS pixels, or null when the file does not say (then the reader scales it). */
export function measureImage(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height } = imageSize(bytes);
    return width && height ? { width, height } : null;
  } catch {
    return null;
  }
}

/**
 * Writes the file content-addressed (same bytes, same name: no duplicates, safe to cache forever)
 * and records who may see it. `owner` null = library media.
 */
export async function storeMedia(
  db: Database,
  input: {
    bytes: Uint8Array;
    extension: MediaExtension;
    owner: string | null;
    uploadedBy: string | null;
    dir?: string;
  },
): Promise<StoredMedia> {
  const hash = createHash("sha256").update(input.bytes).digest("hex");
  const fileName = `${hash}.${input.extension}`;
  const dir = input.dir ?? uploadsDir();
  const target = path.join(dir, fileName);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(dir, { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, input.bytes);
    await rename(partial, target);
  }
  const size = measureImage(input.bytes);
  await db
    .insert(mediaFiles)
    .values({
      fileName,
      ownerOrganizationId: input.owner,
      contentType: mediaContentTypes[input.extension],
      byteSize: input.bytes.byteLength,
      width: size?.width ?? null,
      height: size?.height ?? null,
      uploadedBy: input.uploadedBy,
    })
    .onConflictDoNothing();
  return { fileName, url: `/media/${fileName}`, width: size?.width ?? null, height: size?.height ?? null };
}
