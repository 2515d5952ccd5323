import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { registerPdfFonts } from "#app/modules/shared/pdf-fonts.server.ts";

export type ClassSheet = {
  schoolName: string;
  className: string;
  students: { label: string; code: string; link: string }[];
};

const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const HEADER = 64;
const COLUMNS = 2;
const ROWS = 5;
const CARD_W = (PAGE.width - 2 * PAGE.margin) / COLUMNS;
const CARD_H = (PAGE.height - 2 * PAGE.margin - HEADER) / ROWS;
const QR = 92;
const PAD = 10;
const INSTRUCTION = "Öffne den Link oder scanne den QR-Code und lege dein Konto an.";

function header(doc: PDFKit.PDFDocument, sheet: ClassSheet) {
  doc.font("bold").fontSize(14).fillColor("black");
  doc.text(`${sheet.className} – ${sheet.schoolName}`, PAGE.margin, PAGE.margin, {
    width: PAGE.width - 2 * PAGE.margin,
  });
  doc
    .font("regular")
    .fontSize(9)
    .text("Zugangscodes für die Lernplattform. Jeder Code gilt für eine Person und nur einmal.");
}

async function card(doc: PDFKit.PDFDocument, student: ClassSheet["students"][number], x: number, y: number) {
  // Dashed cut lines around each card.
  doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor("#888").rect(x, y, CARD_W, CARD_H).stroke().restore();
  const textWidth = CARD_W - QR - 3 * PAD;
  doc.font("bold").fontSize(10).fillColor("black");
  doc.text(student.label, x + PAD, y + PAD, { width: textWidth, height: 38, ellipsis: true });
  doc
    .font("mono-bold")
    .fontSize(12)
    .text(student.code, x + PAD, y + PAD + 42, { width: textWidth + PAD, lineBreak: false });
  doc
    .font("regular")
    .fontSize(6.5)
    .text(student.link, x + PAD, y + PAD + 62, { width: textWidth });
  doc.fontSize(7.5).text(INSTRUCTION, x + PAD, y + CARD_H - PAD - 20, { width: CARD_W - 2 * PAD });
  const png = await QRCode.toBuffer(student.link, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 276 });
  doc.image(png, x + CARD_W - PAD - QR, y + PAD, { width: QR, height: QR });
}

/** An A4 sheet to cut up: per student a card with name, code, link and QR code. */
export async function renderClassSheet(sheet: ClassSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    autoFirstPage: false,
    info: { Title: `Zugangscodes ${sheet.className}`, Author: sheet.schoolName },
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const perPage = COLUMNS * ROWS;
  for (const [index, student] of sheet.students.entries()) {
    const slot = index % perPage;
    if (slot === 0) {
      doc.addPage();
      header(doc, sheet);
    }
    const x = PAGE.margin + (slot % COLUMNS) * CARD_W;
    const y = PAGE.margin + HEADER + Math.floor(slot / COLUMNS) * CARD_H;
    await card(doc, student, x, y);
  }
  doc.end();
  return done;
}
