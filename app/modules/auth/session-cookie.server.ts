import { sessionIdFromToken } from "./session.server.ts";
const PLAIN_NAME = "werkbank_session";
// The __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and
// Path=/: no subdomain or plain-http page can plant or overwrite it.
const SECURE_NAME = `__Host-${PLAIN_NAME}`;

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

function cookieName(request: Request): string {
  return isHttps(request) ? SECURE_NAME : PLAIN_NAME;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const name = cookieName(request);
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) {
      const value = rest.join("=");
      // Tokens are base32; anything else is not ours and is ignored.
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}

function serialize(request: Request, value: string, expires: Date): string {
  const parts = [
    `${cookieName(request)}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expires.toUTCString()}`,
  ];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}

/** The cookie lives until the session's absolute end; the server enforces the idle timeout. */
export function sessionCookie(request: Request, token: string, absoluteExpiresAt: Date): string {
  return serialize(request, token, absoluteExpiresAt);
}

export function clearedSessionCookie(request: Request): string {
  return serialize(request, "", new Date(0));
}

/** The stored id of the session this request carries (to mark "dieses Gerät"), or null. */
export function currentSessionId(request: Request): string | null {
  const token = readSessionToken(request);
  return token ? sessionIdFromToken(token) : null;
}
