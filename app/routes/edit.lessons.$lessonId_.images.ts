import { translate } from "#app/i18n/translate.ts";
import { requireImageUploadTarget, uploadLessonImage } from "#app/modules/authoring/upload-image.server.ts";
import { maxMediaBytes } from "#app/modules/media/media-types.ts";
import { parseId } from "#app/utils/ids.ts";
import { readUploadForm } from "#app/utils/read-form.server.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** The editor's picture upload (fetch, JSON answer). Rights are checked before the body is read. */
export const action = authenticated(async ({ ctx, params, request }) => {
  const lessonId = parseId(params.lessonId, "lesson");
  const fail = (error: string, status: number) =>
    Response.json({ ok: false, message: translate(ctx.actor.locale, error) }, { status });
  await requireImageUploadTarget(ctx, lessonId);
  const upload = await readUploadForm(request, maxMediaBytes);
  if (!upload.ok && upload.status === 413) return fail("errors.upload.tooLarge", 413);
  if (!upload.ok) return fail("errors.upload.empty", 400);
  const file = upload.formData.get("image");
  if (!(file instanceof Blob)) return fail("errors.upload.empty", 400);
  const result = await uploadLessonImage({ ctx, input: { lessonId, bytes: new Uint8Array(await file.arrayBuffer()) } });
  if (!result.ok) return fail(result.error, 400);
  return Response.json(result);
});
