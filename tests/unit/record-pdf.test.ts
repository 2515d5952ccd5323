import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderRecordPdf } from "#app/modules/records/record-pdf.server.ts";
import type { RecordSheet } from "#app/modules/records/sheet.ts";
import type { RecordLine } from "#app/modules/records/types.ts";

const HASH = "9f2c4e61b0a7d3851c6e2f4a9b7d0e3c5a1f8b2d4c6e9a0b3d5f7e1c2a4b6d8e";
const LONG_LINE = Array.from({ length: 26 }, (_, i) => `Arbeitsschritt${i + 1} Kantenbearbeitung`).join(" ");

function line(text: string, overrides: Partial<RecordLine> = {}): RecordLine {
  return { section: "company", text, hours: null, day: null, source: null, ...overrides };
}

/** A week as `sheet-view.server.ts` builds it: KW 49/2026 unless told otherwise. */
function sheetFixture(overrides: Partial<RecordSheet> = {}): RecordSheet {
  const dates = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05"];
  const hours = [8, 8, 7.5, 8, 7, null];
  return {
    apprenticeName: "Emre Yılmaz",
    occupationName: "Tischler/-in",
    companyName: "Tischlerei Đorđe Petrović",
    trainingYear: 2,
    sheetNumber: 62,
    weekKey: "2026-W49",
    isoYear: 2026,
    isoWeek: 49,
    weekStart: "2026-11-30",
    weekEnd: "2026-12-05",
    rhythm: "weekly",
    status: "approved",
    days: dates.map((date, i) => ({
      date,
      place: i === 5 ? null : i === 2 ? "school" : "company",
      hours: hours[i] ?? null,
      note: "",
    })),
    lines: [
      line("Schrankkorpus aus Eiche zugeschnitten und verleimt", { hours: 12 }),
      line("Unterweisung Formatkreissäge", { section: "instruction", hours: 1.5 }),
      line("Holzverbindungen: Zinken und Dübel", { section: "school" }),
    ],
    totals: { perDay: [8, 8, 7.5, 8, 7, 0], week: 38.5, perSection: { company: 12, instruction: 1.5, school: 0 } },
    submittedAt: "2026-12-04T15:30:00Z",
    approval: { at: "2026-12-07T13:05:00Z", byName: "Łukasz Nowak", hash: HASH },
    importedFrom: null,
    ...overrides,
  };
}

/** The following week: a draft in the daily rhythm, long enough to need a second page. */
function dailyDraft(): RecordSheet {
  const base = sheetFixture();
  const many = Array.from({ length: 38 }, (_, i) =>
    line(`Montagearbeit Nummer ${i + 1} beim Kunden`, { day: i % 5, hours: 1 }),
  );
  return {
    ...base,
    sheetNumber: 63,
    weekKey: "2026-W50",
    isoWeek: 50,
    weekStart: "2026-12-07",
    weekEnd: "2026-12-12",
    rhythm: "daily",
    status: "draft",
    days: base.days.map((day, i) => ({
      ...day,
      date: `2026-12-${String(7 + i).padStart(2, "0")}`,
      place: i === 4 ? "sick" : i === 5 ? "company" : day.place,
      hours: i === 4 ? null : i === 5 ? 4 : day.hours,
      note: i === 4 ? "Krankmeldung liegt dem Betrieb vor" : "",
    })),
    lines: [line(LONG_LINE, { day: 0 }), ...many],
    totals: { perDay: [8, 8, 7.5, 8, 0, 4], week: 35.5, perSection: { company: 38, instruction: 0, school: 0 } },
    submittedAt: null,
    approval: null,
    importedFrom: "Werkbank der Innung Musterstadt",
  };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "record-pdf-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function read(pdf: Buffer) {
  const file = join(dir, `sheet-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
  // -layout keeps table rows on one line; every page ends with a form feed; spaces are collapsed.
  const pages = text
    .split("\f")
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, " ").trim());
  return { pages, all: pages.join(" "), info };
}

describe("renderRecordPdf", () => {
  it("prints the header, days, sections and approval of an approved week", async () => {
    const { pages, all, info } = read(await renderRecordPdf([sheetFixture()], { title: "Berichtsheft Emre Yılmaz" }));
    expect(pages).toHaveLength(1);
    for (const expected of [
      "Ausbildungsnachweis",
      "Emre Yılmaz",
      "Tischler/-in",
      "Ausbildungsjahr: 2",
      "Betrieb: Tischlerei Đorđe Petrović",
      "Nachweis Nr. 62",
      "KW 49/2026, Mo 30.11.2026 bis Sa 05.12.2026",
      "Mi 02.12.2026 Berufsschule 7,5 Std.",
      "Summe: 38,5 Std.",
      "Eingereicht am 04.12.2026",
      // 13:05 UTC is 14:05 in Berlin in winter.
      "Elektronisch freigegeben am 07.12.2026, 14:05 Uhr durch Łukasz Nowak",
      `Prüfsumme (SHA-256): ${HASH}`,
      "Seite 1 von 1",
    ]) {
      expect(all).toContain(expected);
    }
    // The sections in the chamber's order, an unused Saturday left out.
    const order = [
      "Betriebliche Tätigkeiten",
      "Unterweisungen, betrieblicher Unterricht, sonstige Schulungen",
      "Themen des Berufsschulunterrichts",
    ].map((heading) => all.indexOf(heading));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(all).toContain("Unterweisung Formatkreissäge 1,5 Std.");
    // No Saturday row between Friday and the total.
    expect(all).toContain("Fr 04.12.2026 Betrieb 7 Std. Summe: 38,5 Std.");
    expect(all).not.toContain("Übernommen aus");
    expect(info).toMatch(/^Title:\s+Berichtsheft Emre Yılmaz$/m);
    expect(info).toMatch(/^Author:\s+Emre Yılmaz$/m);
  });

  it("starts each week on its own page and continues a long week with a short header", async () => {
    const { pages, all, info } = read(
      await renderRecordPdf([sheetFixture(), dailyDraft()], { title: "Berichtsheft Emre Yılmaz" }),
    );
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => /Seite \d von 3/.exec(page)?.[0])).toEqual([
      "Seite 1 von 3",
      "Seite 2 von 3",
      "Seite 3 von 3",
    ]);
    const [first, second, third] = pages as [string, string, string];
    expect(first).toContain("KW 49/2026");
    expect(first).not.toContain("KW 50/2026");
    expect(second).toMatch(/^Ausbildungsnachweis Nachweis Nr\. 63/);
    expect(second).toContain("KW 50/2026, Mo 07.12.2026 bis Sa 12.12.2026");
    expect(second).toContain("Übernommen aus: Werkbank der Innung Musterstadt");
    expect(second).not.toContain("KW 49/2026");
    // Continuation: a short header, then the rest of the week's lines and its footer.
    expect(third).toMatch(/^Ausbildungsnachweis Nr\. 63 – Emre Yılmaz – KW 50\/2026 \(Fortsetzung\)/);
    expect(third).toContain("Montagearbeit Nummer 38 beim Kunden");
    expect(third).toContain("Noch nicht eingereicht");
    expect(third).toContain("Noch nicht freigegeben");
    // The ~900-character line arrives whole, wrapped but never cut.
    expect(LONG_LINE).toHaveLength(900);
    expect(all).toContain(LONG_LINE);
    // Daily rhythm: weekday before a line; a used Saturday and an absence are printed.
    expect(second).toContain("Mo Arbeitsschritt1 Kantenbearbeitung");
    expect(all).toMatch(/Di Montagearbeit Nummer 2 beim Kunden 1 Std\./);
    expect(second).toContain("Sa 12.12.2026 Betrieb 4 Std.");
    expect(second).toContain("Fr 11.12.2026 Krank Krankmeldung liegt dem Betrieb vor");
    expect(second).toContain("Summe: 35,5 Std.");
    for (const empty of ["Unterweisungen, betrieblicher Unterricht, sonstige Schulungen keine Einträge"]) {
      expect(all).toContain(empty);
    }
    expect(all.match(/Elektronisch freigegeben am/g)).toHaveLength(1);
  });

  it("lets a line or note longer than a page flow on to further pages, word for word", async () => {
    const words = (stem: string, count: number) => Array.from({ length: count }, (_, i) => `${stem}${i + 1}`);
    const base = sheetFixture();
    const sheet = sheetFixture({
      days: base.days.map((day, i) => (i === 0 ? { ...day, note: words("Notiz", 450).join(" ") } : day)),
      lines: [line(words("Schritt", 900).join(" "), { hours: 40 })],
    });
    const { pages, all } = read(await renderRecordPdf([sheet], { title: "lang" }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(all.match(/Notiz\d+/g)).toEqual(words("Notiz", 450));
    expect(all.match(/Schritt\d+/g)).toEqual(words("Schritt", 900));
    for (const page of pages.slice(1)) {
      expect(page).toMatch(/^Ausbildungsnachweis Nr\. 62 – Emre Yılmaz – KW 49\/2026 \(Fortsetzung\)/);
    }
    expect(pages.at(-1)).toContain("Elektronisch freigegeben am");
  });

  it("refuses to print no week at all", async () => {
    await expect(renderRecordPdf([], { title: "leer" })).rejects.toThrow();
  });
});
