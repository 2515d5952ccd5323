import { attachmentDisposition } from "#app/modules/assignments/class-csv.ts";
import { recordJsonFileName, exportRecordJson } from "#app/modules/records/record-json-export.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { parseId } from "#app/utils/ids.ts";
import { authenticated } from "#app/utils/route.server.ts";

/**
 * /records/<apprenticeship>/export.json: the whole Berichtsheft with its approval chain, to keep
 * when changing company. The apprentice at any time, the company while it trains them.
 */
export const loader = authenticated(async ({ ctx, params }) => {
  const record = await exportRecordJson(ctx, { apprenticeshipId: parseId(params.apprenticeshipId, "record") });
  const fileName = recordJsonFileName(record.apprentice.name, todayInGermany(ctx.now));
  return new Response(JSON.stringify(record, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
    },
  });
});
