import { readMedia } from "#app/modules/media/read-media.server.ts";
import { authenticated } from "#app/utils/route.server.ts";

/**
 * Lesson pictures. Names are content hashes, so a file never changes: the browser may keep it
 * for a year (privately: access depends on who is signed in). SVGs get a CSP of their own, so an
 * SVG opened directly can run nothing.
 */
export const loader = authenticated(async ({ ctx, params }) => {
  const media = await readMedia(ctx, params.fileName ?? "");
  return new Response(media.bytes, {
    headers: {
      "Content-Type": media.contentType,
      "Content-Length": String(media.bytes.byteLength),
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
});
