// @ts-check
// The Express app in front of Remix: what every request passes through, static files included.
// server/index.js builds it with the real build; tests build it with a stand-in.
import { randomUUID } from "node:crypto";
import compression from "compression";
import express from "express";
import { readBodyWithLimit } from "./body-limit.js";
import { logServerError } from "./log.js";
import { pages } from "./pages.js";
import { rejectCrossSiteWrites, securityHeaders } from "./security.js";
import { writeBodyCoalesced } from "./stream-body.js";

/**
 * @typedef {(request: Request, loadContext: import("@remix-run/node").AppLoadContext) => Promise<Response>} FetchHandler
 */

/**
 * @param {{
 *   dev: boolean,
 *   trustProxy: number | string[],
 *   handleRequest: FetchHandler,
 *   staticHandlers?: import("express").RequestHandler[],
 * }} options
 *   trustProxy: how many proxies stand in front, or their addresses (Express's "trust proxy");
 *   only then do req.ip and req.protocol come from X-Forwarded-For / X-Forwarded-Proto.
 *   handleRequest: Remix's request handler (createRequestHandler of @remix-run/node).
 */
export function createApp({ dev, trustProxy, handleRequest, staticHandlers = [] }) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(assignRequestId);
  app.use(compression());
  app.use(securityHeaders({ dev }));
  app.use(rejectCrossSiteWrites(pages.crossSite));
  for (const handler of staticHandlers) app.use(handler);
  app.use(readBodyWithLimit(pages.tooLarge));
  app.all("*", async (req, res, next) => {
    try {
      const request = toFetchRequest(req, res);
      if (!request) return void res.status(400).type("html").send(pages.badRequest);
      const response = await handleRequest(request, {
        cspNonce: String(res.locals.cspNonce),
        clientIp: req.ip ?? "unknown",
        requestId: String(res.locals.requestId),
      });
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  });
  app.use(answerServerError);
  return app;
}

/** @type {import("express").RequestHandler} */
function assignRequestId(_req, res, next) {
  const id = randomUUID();
  res.locals.requestId = id;
  res.set("X-Request-Id", id);
  next();
}

/** @type {import("express").ErrorRequestHandler} */
function answerServerError(error, req, res, _next) {
  logServerError({ requestId: res.locals.requestId, method: req.method, path: req.path, status: 500, error });
  if (res.headersSent) return void res.destroy();
  res.status(500).type("html").send(pages.serverError);
}

/**
 * The Request Remix gets: the body read by readBodyWithLimit, the URL as this server was reached.
 * X-Forwarded-Host is dropped: the Host header names this site (a proxy must pass it on), and
 * Remix would otherwise compare the Origin with a header the client may have written itself.
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 * @returns {Request | null} null when the URL cannot be built (a broken Host header)
 */
function toFetchRequest(req, res) {
  let url;
  try {
    url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  } catch {
    return null;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === "x-forwarded-host") continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const controller = new AbortController();
  // Stop loaders and actions once nobody can receive the answer any more.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? new Uint8Array(req.body) : undefined;
  return new Request(url, { method: req.method, headers, body, signal: controller.signal });
}

/**
 * @param {import("express").Response} res
 * @param {Response} response
 */
async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  // append, not set: a response may carry several Set-Cookie headers.
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.body) await writeBodyCoalesced(response.body, res);
  else res.end();
}
