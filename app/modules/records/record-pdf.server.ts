import PDFDocument from "pdfkit";
import { registerPdfFonts } from "#app/modules/shared/pdf-fonts.server.ts";
import {
  dayHours,
  footerLines,
  germanDate,
  germanHours,
  placeLabel,
  printedDays,
  SECTION_HEADINGS,
  WEEKDAY_SHORT,
  weekLabel,
} from "./record-pdf-text.ts";
import type { RecordSheet } from "./sheet.ts";
import type { RecordLine } from "./types.ts";

type Doc = PDFKit.PDFDocument;

// A4 portrait. The top margin leaves room for the short header of a week's continuation pages,
// the bottom margin for the page number; both are drawn after the flow, once pages are counted.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 76, bottom: 60, left: 48, right: 48 };
const LEFT = MARGIN.left;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const RIGHT = LEFT + WIDTH;
const BODY = 9;
const GREY = "#555555";
const RULE = "#999999";

/** Days table: day, place, hours (right-aligned), note takes the rest. */
const COL = { day: 88, place: 170, hours: 58 };
const COL_X = {
  place: LEFT + COL.day,
  hours: LEFT + COL.day + COL.place,
  note: LEFT + COL.day + COL.place + COL.hours + 10,
};
const NOTE_WIDTH = RIGHT - COL_X.note;

/** Section lines: bullet, optional weekday, text, hours at the right edge. */
const BULLET = 12;
const DAY_PREFIX = 22;
const LINE_HOURS = 60;

/** Moves to a new page when `height` does not fit above the bottom margin. */
function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** Height a block may have and still be kept together on a fresh page. */
function pageRoom(doc: Doc) {
  return doc.page.maxY() - MARGIN.top;
}

function rule(doc: Doc, y: number, color = RULE) {
  doc.save().lineWidth(0.5).strokeColor(color).moveTo(LEFT, y).lineTo(RIGHT, y).stroke().restore();
}

function header(doc: Doc, sheet: RecordSheet) {
  const top = 40;
  doc.font("bold").fontSize(16).fillColor("black");
  doc.text("Ausbildungsnachweis", LEFT, top, { width: WIDTH, lineBreak: false });
  doc.fontSize(11).text(`Nachweis Nr. ${sheet.sheetNumber}`, LEFT, top + 4, { width: WIDTH, align: "right" });
  doc.y = top + 28;
  const rows: [string, string][] = [
    ["Name", sheet.apprenticeName],
    ["Ausbildungsberuf", sheet.occupationName],
    ["Ausbildungsjahr", String(sheet.trainingYear)],
    ["Betrieb", sheet.companyName],
    ["Zeitraum", weekLabel(sheet)],
  ];
  if (sheet.importedFrom) rows.push(["Übernommen aus", sheet.importedFrom]);
  const labelWidth = 100;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font("regular").fontSize(BODY).fillColor(GREY).text(`${label}:`, LEFT, y, { width: labelWidth });
    doc.fillColor("black").text(value, LEFT + labelWidth, y, { width: WIDTH - labelWidth });
    doc.y += 2;
  }
  doc.y += 4;
  rule(doc, doc.y, "black");
  doc.y += 10;
}

function daysTable(doc: Doc, sheet: RecordSheet) {
  const headRow = () => {
    const y = doc.y;
    doc.font("bold").fontSize(8.5).fillColor("black");
    doc.text("Tag", LEFT, y, { width: COL.day, lineBreak: false });
    doc.text("Lernort / Abwesenheit", COL_X.place, y, { width: COL.place, lineBreak: false });
    doc.text("Stunden", COL_X.hours, y, { width: COL.hours, align: "right", lineBreak: false });
    doc.text("Bemerkung", COL_X.note, y, { width: NOTE_WIDTH, lineBreak: false });
    doc.y = y + 13;
    rule(doc, doc.y - 2);
  };
  ensureSpace(doc, 13 + 3 * 16);
  headRow();
  for (const index of printedDays(sheet)) {
    const day = sheet.days[index];
    if (!day) continue;
    const hours = dayHours(sheet, index);
    const place = placeLabel(day.place);
    doc.font("regular").fontSize(BODY);
    const height = Math.max(
      doc.heightOfString(place, { width: COL.place - 6 }),
      day.note ? doc.heightOfString(day.note, { width: NOTE_WIDTH }) : 0,
      BODY * 1.2,
    );
    const tooTall = height + 4 > pageRoom(doc);
    ensureSpace(doc, (tooTall ? BODY * 1.3 : height) + 4);
    const y = doc.y + 2;
    doc.fillColor("black").text(`${WEEKDAY_SHORT[index]} ${germanDate(day.date)}`, LEFT, y, { width: COL.day });
    doc.text(place, COL_X.place, y, { width: COL.place - 6 });
    if (hours !== null) {
      doc.text(germanHours(hours), COL_X.hours, y, { width: COL.hours, align: "right", lineBreak: false });
    }
    // Last, so that a note too long for a page flows on instead of being cut; it then ends the row.
    if (day.note) doc.text(day.note, COL_X.note, y, { width: NOTE_WIDTH });
    doc.y = (tooTall ? doc.y : y + height) + 2;
    rule(doc, doc.y, "#cccccc");
  }
  ensureSpace(doc, 16);
  const y = doc.y + 3;
  doc.font("bold").fontSize(BODY).fillColor("black");
  doc.text(`Summe: ${germanHours(sheet.totals.week)}`, LEFT, y, {
    width: COL_X.hours + COL.hours - LEFT,
    align: "right",
  });
  doc.y = y + BODY * 1.2 + 12;
}

/** Measures and draws one section line; the text flows on to the next page when it must. */
function sectionLine(doc: Doc, sheet: RecordSheet, line: RecordLine) {
  const prefix = sheet.rhythm === "daily" && line.day !== null ? (WEEKDAY_SHORT[line.day] ?? "") : null;
  const textX = LEFT + BULLET + (sheet.rhythm === "daily" ? DAY_PREFIX : 0);
  const textWidth = RIGHT - LINE_HOURS - textX;
  doc.font("regular").fontSize(BODY).fillColor("black");
  const height = doc.heightOfString(line.text, { width: textWidth });
  // Keep a line on one page when it can be; a longer one starts here and continues.
  ensureSpace(doc, height <= pageRoom(doc) ? height : BODY * 1.3);
  const y = doc.y;
  doc.text("•", LEFT + 2, y, { lineBreak: false });
  if (prefix) doc.text(prefix, LEFT + BULLET, y, { lineBreak: false });
  if (line.hours !== null) {
    doc.text(germanHours(line.hours), RIGHT - LINE_HOURS, y, { width: LINE_HOURS, align: "right", lineBreak: false });
  }
  doc.text(line.text, textX, y, { width: textWidth });
  doc.y += 3;
}

function sections(doc: Doc, sheet: RecordSheet) {
  for (const { section, heading } of SECTION_HEADINGS) {
    const lines = sheet.lines.filter((line) => line.section === section);
    doc.font("bold").fontSize(10.5);
    const headingHeight = doc.heightOfString(heading, { width: WIDTH - LINE_HOURS });
    // A heading never stands alone at the foot of a page.
    ensureSpace(doc, headingHeight + 6 + BODY * 2.6);
    const y = doc.y;
    doc.fillColor("black").text(heading, LEFT, y, { width: WIDTH - LINE_HOURS });
    const sum = sheet.totals.perSection[section];
    if (sum > 0) {
      doc.font("regular").fontSize(BODY).fillColor(GREY);
      doc.text(germanHours(sum), RIGHT - LINE_HOURS, y + 1.5, { width: LINE_HOURS, align: "right", lineBreak: false });
    }
    doc.y = y + headingHeight + 4;
    if (lines.length === 0) {
      doc
        .font("regular")
        .fontSize(BODY)
        .fillColor(GREY)
        .text("keine Einträge", LEFT + BULLET, doc.y, { width: WIDTH });
      doc.y += 3;
    }
    for (const line of lines) sectionLine(doc, sheet, line);
    doc.y += 10;
  }
}

function footer(doc: Doc, sheet: RecordSheet) {
  const { submitted, approved, hash } = footerLines(sheet);
  doc.font("regular").fontSize(BODY);
  const height = 10 + doc.heightOfString(submitted, { width: WIDTH }) + doc.heightOfString(approved, { width: WIDTH });
  ensureSpace(doc, height + (hash ? 14 : 0));
  rule(doc, doc.y, "black");
  doc.y += 6;
  doc.fillColor("black").text(submitted, LEFT, doc.y, { width: WIDTH });
  doc.text(approved, LEFT, doc.y + 2, { width: WIDTH });
  if (hash) {
    doc
      .font("regular")
      .fontSize(7.5)
      .fillColor(GREY)
      .text("Prüfsumme (SHA-256): ", LEFT, doc.y + 2, {
        width: WIDTH,
        continued: true,
      });
    // A 64-digit hash fits one line in this size; anything longer breaks between characters.
    doc.font("mono").fillColor("black").text(hash);
  }
}

/** The first page of a week carries the full header; later pages of the same week a short one. */
function pageDecorations(doc: Doc, sheets: RecordSheet[], pageSheets: { sheet: number; first: boolean }[]) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const page = pageSheets[i];
    const sheet = page ? sheets[page.sheet] : undefined;
    // Text in the margins must not make pdfkit open yet another page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (sheet && page && !page.first) {
      const short = `Ausbildungsnachweis Nr. ${sheet.sheetNumber} – ${sheet.apprenticeName} – KW ${sheet.isoWeek}/${sheet.isoYear} (Fortsetzung)`;
      doc.font("regular").fontSize(8.5).fillColor(GREY);
      doc.text(short, LEFT, 36, { width: WIDTH, height: 24, ellipsis: true });
      rule(doc, 62);
    }
    doc.font("regular").fontSize(8).fillColor(GREY);
    doc.text(`Seite ${i + 1} von ${count}`, LEFT, PAGE.height - 40, {
      width: WIDTH,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The training record as the chamber wants it on paper: one A4 page (or more) per week with the
 * header, the days with place and hours, the three sections, and submission and approval.
 */
export async function renderRecordPdf(sheets: RecordSheet[], meta: { title: string }): Promise<Buffer> {
  const first = sheets[0];
  if (!first) throw new Error("renderRecordPdf needs at least one week");
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    lang: "de-DE",
    displayTitle: true,
    info: { Title: meta.title, Author: first.apprenticeName, Creator: "Werkbank" },
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // Which week each page belongs to, including pages pdfkit adds when long text flows on.
  const pageSheets: { sheet: number; first: boolean }[] = [];
  let current = 0;
  let startingWeek = false;
  doc.on("pageAdded", () => {
    pageSheets.push({ sheet: current, first: startingWeek });
    startingWeek = false;
  });
  for (const [index, sheet] of sheets.entries()) {
    current = index;
    startingWeek = true;
    doc.addPage();
    header(doc, sheet);
    daysTable(doc, sheet);
    sections(doc, sheet);
    footer(doc, sheet);
  }
  pageDecorations(doc, sheets, pageSheets);
  doc.end();
  return done;
}
