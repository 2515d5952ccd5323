import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { mediaFiles } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireMediaRead } from "#app/modules/permissions/course-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { uploadsDir } from "./store.server.ts";

const fileNamePattern = /^[0-9a-f]{64}\.(svg|png|jpg|webp|gif)$/;

/** The bytes and type of a stored picture, if the actor may see it. */
export async function readMedia(ctx: Ctx, fileName: string) {
  if (!fileNamePattern.test(fileName)) throw new NotFoundError("media");
  const rows = await ctx.db
    .select({ owner: mediaFiles.ownerOrganizationId, contentType: mediaFiles.contentType })
    .from(mediaFiles)
    .where(eq(mediaFiles.fileName, fileName));
  if (rows.length === 0) throw new NotFoundError("media");
  requireMediaRead(
    ctx.actor,
    rows.map((r) => r.owner),
  );
  const bytes = await readFile(path.join(uploadsDir(), fileName)).catch(() => {
    throw new NotFoundError("media");
  });
  return { bytes, contentType: rows[0]?.contentType ?? "application/octet-stream" };
}
