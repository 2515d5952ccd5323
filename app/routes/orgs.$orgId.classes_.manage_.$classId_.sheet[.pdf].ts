import { attachmentDisposition } from "#app/modules/assignments/class-csv.ts";
import { classSheetPdf } from "#app/modules/classes/class-sheet.server.ts";
import { env } from "#app/utils/env.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { readForm } from "#app/utils/read-form.server.ts";
import { authenticated } from "#app/utils/route.server.ts";

/**
 * POST /orgs/<school>/classes/manage/<class>/sheet.pdf: the codes just created, sent back by the
 * import page, as an A4 sheet to cut up. Codes not open in this class get no sheet (404).
 */
export const action = authenticated(async ({ ctx, params, request }) => {
  const formData = await readForm(request);
  const codes = formData.getAll("code").filter((code): code is string => typeof code === "string");
  const { pdf, fileName } = await classSheetPdf({
    ctx,
    input: {
      schoolId: parseId(params.orgId, "organization"),
      classId: parseId(params.classId, "class"),
      codes,
      appUrl: env().APP_URL,
    },
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
    },
  });
});
