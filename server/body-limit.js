// @ts-check
// Every request body has a limit before anything reads it (the app's readForm() applies the same
// limits to the Request it gets). Bodies are small: the limits bound memory per request.

const KIB = 1024;
const MIB = 1024 * KIB;

export const bodyLimits = {
  /** Ordinary forms: far more than any field of any form allows. */
  form: 256 * KIB,
  /** multipart/form-data: a lesson picture (1 MiB) or a GIFT file (512 KiB) plus the envelope. */
  upload: 2 * MIB,
  /** The lesson editor posts the whole lesson as JSON (up to 2 million characters, URL-encoded). */
  lesson: 8 * MIB,
  /** A whole Berichtsheft (JSON export, up to 5 MiB) uploaded to take it in after a change of company. */
  recordImport: 5 * MIB + 64 * KIB,
};

// The lesson editor's page, also as Remix's data request (/edit/lessons/<id>.data).
const LESSON_EDITOR = /^\/edit\/lessons\/[^/]+\/?$/;
// The record import page, also as Remix's data request (/records/<id>/import.data).
const RECORD_IMPORT = /^\/records\/[^/]+\/import(\.data)?\/?$/;

/**
 * The limit for one request body.
 * @param {string} pathname
 * @param {string | null | undefined} contentType
 */
export function bodyLimitFor(pathname, contentType) {
  if (/^multipart\/form-data\b/i.test(contentType ?? "")) {
    return RECORD_IMPORT.test(pathname) ? bodyLimits.recordImport : bodyLimits.upload;
  }
  if (LESSON_EDITOR.test(pathname)) return bodyLimits.lesson;
  return bodyLimits.form;
}

/**
 * Reads the body of a request that has one into `req.body` (a Buffer), up to its limit. A larger
 * declared Content-Length is refused before reading; a streamed body once it passes the limit.
 * @param {string} tooLargePage the page answered with 413
 * @returns {import("express").RequestHandler}
 */
export function readBodyWithLimit(tooLargePage) {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = bodyLimitFor(req.path, req.get("content-type"));
    const refuse = () => {
      // Closing the connection stops the client from sending the rest.
      res.set("Connection", "close").status(413).type("html").send(tooLargePage);
    };
    if (Number(req.get("content-length") ?? 0) > limit) return refuse();

    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let settled = false;
    req.on("data", (/** @type {Buffer} */ chunk) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        req.pause();
        refuse();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      req.body = Buffer.concat(chunks);
      next();
    });
    req.on("error", (error) => {
      if (settled) return;
      settled = true;
      next(error);
    });
  };
}
