import { describe, expect, test } from "vitest";
import { decodeClassList, parseClassList } from "#app/modules/classes/class-list-csv.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("class list CSV as German Excel saves it", () => {
  test("CSV UTF-8: BOM, semicolons, CRLF, header, umlauts, ß and Turkish ı", () => {
    const file =
      "\uFEFFNachname;Vorname;E-Mail\r\nMüller;Jörg;joerg@example.de\r\nYılmaz;Ayşe;\r\nStraße;Weiß;weiss@example.de\r\n";
    const decoded = decodeClassList(utf8(file));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(parseClassList(decoded.text)).toEqual({
      good: [
        { line: 2, familyName: "Müller", givenName: "Jörg", email: "joerg@example.de" },
        { line: 3, familyName: "Yılmaz", givenName: "Ayşe" },
        { line: 4, familyName: "Straße", givenName: "Weiß", email: "weiss@example.de" },
      ],
      rejected: [],
    });
  });

  test("commas, quoted fields with the separator and doubled quotes, no header", () => {
    const report = parseClassList('"Müller, Jr.",Hans,hans@example.de\nO\'Brien,"Anna ""Anni""",\n');
    expect(report.good).toEqual([
      { line: 1, familyName: "Müller, Jr.", givenName: "Hans", email: "hans@example.de" },
      { line: 2, familyName: "O'Brien", givenName: 'Anna "Anni"' },
    ]);
  });

  test("English header, spaces and case do not matter; trailing separators and blank lines are fine", () => {
    const report = parseClassList(" last name ; FIRST NAME ; e-mail \n\nSchmidt;Lena;;\n   \nKaya;Emre\n");
    expect(report.rejected).toEqual([]);
    expect(report.good.map((s) => [s.line, s.familyName])).toEqual([
      [3, "Schmidt"],
      [5, "Kaya"],
    ]);
  });

  test("each bad line is named with its number and reason", () => {
    const report = parseClassList(
      [
        "Nachname;Vorname;E-Mail",
        "Müller;Anna;anna@example.de",
        ";Ben;",
        "Schulz;;",
        "Kaya;Emre;keine-adresse",
        "Müller;Anna;anna@example.de",
        "Neu;Nina;ANNA@example.de",
        "Lang;Lars;lars@example.de;extra",
        `${"x".repeat(101)};Zu;`,
      ].join("\r\n"),
    );
    expect(report.good.map((s) => s.line)).toEqual([2]);
    expect(report.rejected).toEqual([
      { line: 3, reason: "classes.import.error.familyNameMissing" },
      { line: 4, reason: "classes.import.error.givenNameMissing" },
      { line: 5, reason: "classes.import.error.email" },
      { line: 6, reason: "classes.import.error.duplicate", values: { other: 2 } },
      { line: 7, reason: "classes.import.error.duplicate", values: { other: 2 } },
      { line: 8, reason: "classes.import.error.tooManyFields" },
      { line: 9, reason: "classes.import.error.familyNameTooLong" },
    ]);
  });

  test("the same name without e-mail twice is a duplicate; the same name with other e-mails is not", () => {
    const report = parseClassList("Kaya;Emre\nKaya;Emre\nBauer;Tim;t1@example.de\nBauer;Tim;t2@example.de");
    expect(report.rejected).toEqual([{ line: 2, reason: "classes.import.error.duplicate", values: { other: 1 } }]);
    expect(report.good).toHaveLength(3);
  });

  test("a line break inside quotes is no name, and the lines after it keep their numbers", () => {
    const report = parseClassList('"Mül\nler";Anna\nKaya;;');
    expect(report.rejected).toEqual([
      { line: 1, reason: "classes.import.error.controlCharacters" },
      { line: 3, reason: "classes.import.error.givenNameMissing" },
    ]);
  });

  test("too many lines, an empty list, and binary or Windows-1252 files are refused as a whole", () => {
    const many = Array.from({ length: 61 }, (_, i) => `Name${i};Vorname`).join("\n");
    expect(parseClassList(many).fileError).toBe("classes.import.error.tooManyLines");
    expect(parseClassList(Array.from({ length: 60 }, (_, i) => `N${i};V`).join("\n")).good).toHaveLength(60);
    expect(parseClassList("\uFEFF\r\n\r\n").fileError).toBe("classes.import.error.empty");
    expect(parseClassList("Nachname;Vorname\r\n").fileError).toBe("classes.import.error.empty");
    expect(decodeClassList(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({
      ok: false,
      reason: "classes.import.error.notText",
    });
    // "Müller;Jörg" as Excel's plain "CSV" (Windows-1252) writes it.
    const cp1252 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x4a, 0xf6, 0x72, 0x67]);
    expect(decodeClassList(cp1252)).toEqual({ ok: false, reason: "classes.import.error.encoding" });
  });
});
