import { readForm, readUploadForm } from "#app/utils/read-form.server.ts";
import { decodeClassList } from "./class-list-csv.ts";

export const maxClassListBytes = 100 * 1024;

/** What the import form sent: the list's text (from the file, else the text field), or why not. */
export type ClassListForm = { ok: true; text: string; confirm: boolean } | { ok: false; reason: string; text: string };

/**
 * Reads the import form, multipart (with a file) or plain (text pasted, or sent back for the
 * confirmation). A chosen file wins over the text field; a file larger than 100 KB is refused.
 */
export async function readClassListForm(request: Request): Promise<ClassListForm> {
  const multipart = /^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "");
  let formData: FormData;
  if (multipart) {
    const upload = await readUploadForm(request, maxClassListBytes);
    if (!upload.ok) {
      const reason = upload.status === 413 ? "classes.import.error.tooLarge" : "errors.http.400";
      return { ok: false, reason, text: "" };
    }
    formData = upload.formData;
  } else formData = await readForm(request);
  const typed = formData.get("text");
  const text = typeof typed === "string" ? typed.slice(0, maxClassListBytes) : "";
  const confirm = formData.get("confirm") === "1";
  const file = formData.get("file");
  if (file instanceof Blob && file.size > 0) {
    if (file.size > maxClassListBytes) return { ok: false, reason: "classes.import.error.tooLarge", text };
    const decoded = decodeClassList(new Uint8Array(await file.arrayBuffer()));
    return decoded.ok ? { ok: true, text: decoded.text, confirm } : { ok: false, reason: decoded.reason, text };
  }
  if (typeof typed === "string" && typed.length > maxClassListBytes) {
    return { ok: false, reason: "classes.import.error.tooLarge", text };
  }
  return { ok: true, text, confirm };
}
