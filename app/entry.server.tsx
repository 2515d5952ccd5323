import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { closeDatabase } from "#db/client.server.ts";
import "#app/i18n/all-catalogs.server.ts";
import { NonceProvider } from "#app/utils/nonce.tsx";
import { env } from "#app/utils/env.server.ts";
import { logServerError } from "#server/log.js";
import { startUp } from "#app/utils/startup.server.ts";

export const streamTimeout = 5_000;

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request nonce that the Content-Security-Policy header allows for inline scripts. */
    cspNonce: string;
    /** The client's address (from X-Forwarded-For only when TRUST_PROXY is set). */
    clientIp: string;
    /** Set by server/app.js per HTTP request and sent as X-Request-Id; absent when tests call routes. */
    requestId?: string;
  }
}

/** Called by server/index.js before it listens: migrations, and demo data on a new embedded database. */
export const onStartup = startUp;
/** Called by server/index.js on SIGTERM/SIGINT. */
export const onShutdown = closeDatabase;
/** What server/index.js needs from the (checked) environment before it listens. */
export function serverSettings() {
  const config = env();
  return { port: config.PORT, trustProxy: config.TRUST_PROXY };
}

/**
 * Logs unexpected server errors once, as one JSON line with the request id (also in the
 * X-Request-Id response header). Answers a route throws on purpose (4xx: not found, forbidden,
 * refused input) and requests the browser gave up on are normal traffic, not errors.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status < 500) return;
  const { pathname } = new URL(request.url);
  logServerError({ requestId: context.requestId, method: request.method, path: pathname, status, error });
}

/**
 * Pages and their data show personal data (minors' among them): no shared cache may keep
 * them, and a browser must ask again rather than show a stale copy after logout.
 */
function keepPrivate(headers: Headers) {
  if (headers.has("Cache-Control")) return;
  try {
    headers.set("Cache-Control", "private, no-store");
  } catch {
    // Headers of Response.redirect() and fetch() responses are immutable; those carry no page.
  }
}

export function handleDataRequest(response: Response) {
  keepPrivate(response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // Bots and no-JS clients get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} abortDelay={streamTimeout} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          keepPrivate(responseHeaders);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // A client that went away (the stream is cancelled) is normal traffic, not an error.
          if (shellRendered && !request.signal.aborted) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
