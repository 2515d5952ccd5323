// @ts-check
import { randomBytes } from "node:crypto";
import helmet from "helmet";

/**
 * Security headers for every response, static files included. Remix's inline scripts carry
 * a per-request nonce, so the policy needs no 'unsafe-inline' for scripts.
 * @param {{ dev: boolean }} options
 * @returns {import("express").RequestHandler[]}
 */
export function securityHeaders({ dev }) {
  /** @type {import("express").RequestHandler} */
  const nonce = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const scriptNonce = /** @type {(req: any, res: any) => string} */ (_req, res) => `'nonce-${res.locals.cspNonce}'`;
  return [
    nonce,
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", scriptNonce, ...(dev ? ["'unsafe-eval'"] : [])],
          styleSrc: ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
          imgSrc: ["'self'", "data:"],
          fontSrc: ["'self'"],
          connectSrc: ["'self'", ...(dev ? ["ws:"] : [])],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  ];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Decides whether a state-changing request comes from our own pages. Browsers send
 * Sec-Fetch-Site on every request; older ones at least send Origin on POST. When both are
 * there, both must say "same origin". Requests with neither (curl, server-to-server) are not
 * cross-site forgeries.
 * @param {{ method: string, protocol: string, host: string | undefined, origin: string | undefined, secFetchSite: string | undefined }} req
 *   protocol: "http" or "https" as this server was reached (behind a trusted proxy: X-Forwarded-Proto)
 */
export function isCrossSiteWrite({ method, protocol, host, origin, secFetchSite }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") return true;
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    const url = new URL(origin);
    // Scheme, host and port; the host exactly as the Host header says it, as Remix compares it.
    return url.protocol !== `${protocol}:` || url.host !== host;
  } catch {
    return true;
  }
}

/**
 * Refuses cross-site writes with 403.
 * @param {string} refusalPage
 * @returns {import("express").RequestHandler}
 */
export function rejectCrossSiteWrites(refusalPage) {
  return (req, res, next) => {
    const crossSite = isCrossSiteWrite({
      method: req.method,
      protocol: req.protocol,
      host: req.get("host"),
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (!crossSite) return next();
    res.status(403).type("html").send(refusalPage);
  };
}
