import { attachmentDisposition } from "#app/modules/assignments/class-csv.ts";
import { parseClassViewFilter } from "#app/modules/assignments/class-view-filter.ts";
import { classCsvExport } from "#app/modules/assignments/class-view.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** /orgs/<school>/classes/<class>.csv: the class view (with its filters) as a file for Excel. */
export const loader = authenticated(async ({ ctx, params, request }) => {
  const { csv, fileName } = await classCsvExport(
    ctx,
    parseId(params.orgId, "organization"),
    parseId(params.classId, "class"),
    parseClassViewFilter(new URL(request.url).searchParams),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
    },
  });
});
