import type { Ctx } from "#app/modules/context.server.ts";
import { renderRecordPdf } from "./record-pdf.server.ts";
import { recordSheets } from "./record-sheets.server.ts";

/** A file name without spaces or umlauts trouble: "berichtsheft-lena-schulz-2026-W49.pdf". */
function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The PDF of a range of weeks (or the whole record) and its file name. */
export async function recordPdf(ctx: Ctx, input: { apprenticeshipId: string; from: string | null; to: string | null }) {
  const { sheets, apprenticeName } = await recordSheets(ctx, input);
  const first = sheets[0]?.weekKey ?? "";
  const last = sheets.at(-1)?.weekKey ?? "";
  const range = first === last ? first : `${first}-bis-${last}`;
  const pdf = await renderRecordPdf(sheets, { title: `Ausbildungsnachweis ${apprenticeName}` });
  return { pdf, fileName: `berichtsheft-${slug(apprenticeName) || "azubi"}-${range}.pdf` };
}
