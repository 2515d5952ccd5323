import { readUploadForm } from "#app/utils/read-form.server.ts";
import { RECORD_JSON_MAX_BYTES } from "./record-json-schema.ts";

export type RecordImportForm = { ok: true; json: string } | { ok: false; status: 400 | 413 | 415; reason: string };

/**
 * The import form: one file field, posted as multipart (works without JavaScript). Answers with an
 * i18n key instead of throwing, so the page stays usable after a wrong file.
 */
export async function readRecordImportForm(request: Request): Promise<RecordImportForm> {
  const upload = await readUploadForm(request, RECORD_JSON_MAX_BYTES);
  if (!upload.ok) {
    const reasons = {
      400: "errors.http.400",
      413: "records.import.error.tooLarge",
      415: "records.import.error.noFile",
    };
    return { ok: false, status: upload.status, reason: reasons[upload.status] };
  }
  const file = upload.formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) {
    return { ok: false, status: 400, reason: "records.import.error.noFile" };
  }
  if (file.size > RECORD_JSON_MAX_BYTES) return { ok: false, status: 413, reason: "records.import.error.tooLarge" };
  try {
    // A leading byte order mark is dropped; bytes that are no UTF-8 are no export of ours.
    return { ok: true, json: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) };
  } catch {
    return { ok: false, status: 400, reason: "records.import.error.notJson" };
  }
}
