import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { bodyLimitFor } from "#server/body-limit.js";

// Every action reads its body here (tests/integration/form-bodies.test.ts makes sure), so that no
// body is larger than its limit and no unexpected body turns into a 500.

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

type Refusal = 400 | 413 | 415;

/** A German error page (root ErrorBoundary) for a body the action cannot use. */
function refuse(status: Refusal): never {
  throw data({ messageKey: `errors.http.${status}` }, { status });
}

/**
 * The body as bytes, or null when it is larger than its limit (server/body-limit.js, the same the
 * HTTP server applies): a larger declared Content-Length is refused before reading, a streamed
 * body as soon as it passes the limit.
 */
async function readLimitedBody(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  const limit = bodyLimitFor(new URL(request.url).pathname, request.headers.get("content-type"));
  if (Number(request.headers.get("content-length") ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The request again, with its body already read (for the parsers that want a Request). */
function withBody(request: Request, body: Uint8Array<ArrayBuffer>): Request {
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

/**
 * The posted form of an action: a URL-encoded or multipart form within its size limit.
 * Anything else is answered for the action: 415 (not a form), 413 (too large), 400 (broken).
 */
export async function readForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  const body = await readLimitedBody(request);
  if (!body) refuse(413);
  // A button that posts nothing (e.g. log out) sends no body and often no Content-Type.
  if (body.byteLength === 0 && !contentType) return new FormData();
  if (!FORM_TYPE.test(contentType)) refuse(415);
  try {
    return await withBody(request, body).formData();
  } catch {
    refuse(400);
  }
}

export type UploadForm = { ok: true; formData: FormData } | { ok: false; status: Refusal };

/**
 * A multipart upload whose files are kept in memory up to `maxFileBytes` each. Refusals are
 * returned, not thrown, because upload forms answer in their own way (JSON, a message in place).
 */
export async function readUploadForm(request: Request, maxFileBytes: number): Promise<UploadForm> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "")) return { ok: false, status: 415 };
  const body = await readLimitedBody(request);
  if (!body) return { ok: false, status: 413 };
  try {
    const handler = unstable_createMemoryUploadHandler({ maxPartSize: maxFileBytes });
    return { ok: true, formData: await unstable_parseMultipartFormData(withBody(request, body), handler) };
  } catch (error) {
    return { ok: false, status: error instanceof MaxPartSizeExceededError ? 413 : 400 };
  }
}
