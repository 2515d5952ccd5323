import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// DejaVu covers Latin Extended, Greek and Cyrillic: "Yılmaz", "Łukasz" and "Đorđević" print as
// written, which the 14 standard PDF fonts (Windows-1252 only) cannot.
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");

const FILES = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  mono: "DejaVuSansMono.ttf",
  "mono-bold": "DejaVuSansMono-Bold.ttf",
} as const;

export type PdfFont = keyof typeof FILES;

// Read once per process; every PDF after the first reuses the bytes.
let loaded: Record<PdfFont, Buffer> | null = null;

/** Registers the DejaVu fonts under the names "regular", "bold", "mono" and "mono-bold". */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  loaded ??= Object.fromEntries(
    Object.entries(FILES).map(([name, file]) => [name, readFileSync(join(fontDir, file))]),
  ) as Record<PdfFont, Buffer>;
  for (const [name, bytes] of Object.entries(loaded)) doc.registerFont(name, bytes);
  // The default would be Helvetica, which cannot print these names.
  doc.font("regular");
}
