// Talks to the running app like a browser: log in once, then find pages by their link text.

export const demoLogin = { email: "azubi@example.com", password: "werkbank-demo" };

/** Logs in and returns the Cookie header value. The Origin header passes the cross-site POST check. */
export async function logIn(origin: string, login = demoLogin): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: "POST",
    headers: { Origin: origin },
    body: new URLSearchParams({ ...login, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Login failed with HTTP ${response.status}`);
  return cookie;
}

/** GETs a page as the logged-in user; anything but 200 (a redirect to /login, say) is an error. */
export async function getPage(origin: string, cookie: string, pathname: string): Promise<string> {
  const response = await fetch(`${origin}${pathname}`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`GET ${pathname} answered HTTP ${response.status}`);
  return response.text();
}

// React escapes text this way, so a title can be found verbatim in the server-rendered HTML.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c] ?? c);

/** The href of the link whose whole text is `text`, e.g. `/lessons/<uuid>`. */
export function linkTo(html: string, prefix: string, text: string): string {
  const pattern = new RegExp(`href="(${prefix}[0-9a-f-]{36})">${escapeRegExp(escapeHtml(text))}<`);
  const href = html.match(pattern)?.[1];
  if (!href) throw new Error(`No link to ${prefix}… with the text "${text}"`);
  return href;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Script URLs a page asks the browser to load up front (Remix lists every static import). */
export function modulePreloads(html: string): string[] {
  return [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1] ?? "");
}
