import { attachmentDisposition } from "#app/modules/assignments/class-csv.ts";
import { recordPdf } from "#app/modules/records/record-pdf-file.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { authenticated } from "#app/utils/route.server.ts";

/**
 * GET /records/<apprenticeship>/export.pdf[?from=2026-W40&to=2026-W49]: one A4 page per week,
 * for the apprentice and the company (a school sees no PDF: it would hold the company's part).
 */
export const loader = authenticated(async ({ ctx, params, request }) => {
  const url = new URL(request.url);
  const { pdf, fileName } = await recordPdf(ctx, {
    apprenticeshipId: parseId(params.apprenticeshipId, "record"),
    from: url.searchParams.get("from"),
    to: url.searchParams.get("to"),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
    },
  });
});
