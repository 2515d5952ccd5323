/**
 * Which URLs a lesson may contain. Links: web, mail and phone only. Pictures: only our own media
 * store, so a lesson can never make a reader's phone contact a third party (DSGVO) or load a
 * `javascript:`/`data:` URL.
 */
const linkProtocols = new Set(["https:", "http:", "mailto:", "tel:"]);
const mediaPath = /^\/media\/[0-9a-f]{64}\.(svg|png|jpg|webp|gif)$/;

export function isSafeLinkHref(href: unknown): href is string {
  if (typeof href !== "string" || href.length > 2000) return false;
  // Control characters and whitespace inside a scheme are a classic way around prefix checks.
  for (const char of href) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f || /\s/.test(char)) return false;
  }
  try {
    return linkProtocols.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

export function isSafeImageSrc(src: unknown): src is string {
  return typeof src === "string" && mediaPath.test(src);
}
