import { describe, expect, test } from "vitest";
import {
  attachmentDisposition,
  buildClassCsv,
  type CsvClass,
  classCsvFileName,
  csvValue,
} from "#app/modules/assignments/class-csv.ts";
import { parseClassViewFilter } from "#app/modules/assignments/class-view-filter.ts";
import { matchesQuery, matchesStatus } from "#app/modules/assignments/class-view-query.ts";

const view: CsvClass = {
  columns: [
    { title: "Holzverbindungen", dueOn: "2026-11-27" },
    { title: "Quiz; Teil 1", dueOn: "2026-12-04" },
  ],
  students: [
    {
      name: "Jürgen Öztürk",
      companies: ["Tischlerei Krüger"],
      cells: [
        { status: "done", itemsDone: 7, itemsTotal: 7, scorePercent: 85.5, pendingGrading: false },
        { status: "overdue", itemsDone: 0, itemsTotal: 1, scorePercent: null, pendingGrading: false },
      ],
      totals: { done: 1, overdue: 1, open: 0 },
    },
    {
      name: '=HYPERLINK("http://evil.example")',
      companies: [],
      cells: [null, { status: "inProgress", itemsDone: 0, itemsTotal: 1, scorePercent: 40, pendingGrading: true }],
      totals: { done: 0, overdue: 0, open: 1 },
    },
  ],
};

const csv = buildClassCsv(view);
const lines = csv.slice(1).split("\r\n");

describe("class CSV for German Excel", () => {
  test("starts with a byte order mark, ends lines with CRLF and separates with semicolons", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
    expect(lines).toHaveLength(4); // header, two students, empty after the final CRLF
    expect(lines[3]).toBe("");
  });

  test("has German headers with the due date per assignment and totals at the end", () => {
    expect(lines[0]).toBe(
      [
        "Name",
        "Betrieb",
        "Holzverbindungen (fällig 27.11.2026)",
        "Holzverbindungen (fällig 27.11.2026): Fortschritt",
        "Holzverbindungen (fällig 27.11.2026): Ergebnis in %",
        '"Quiz; Teil 1 (fällig 04.12.2026)"',
        '"Quiz; Teil 1 (fällig 04.12.2026): Fortschritt"',
        '"Quiz; Teil 1 (fällig 04.12.2026): Ergebnis in %"',
        "Erledigt",
        "Überfällig",
        "Offen",
      ].join(";"),
    );
  });

  test("writes German status words and numbers with a decimal comma", () => {
    expect(lines[1]).toBe("Jürgen Öztürk;Tischlerei Krüger;Erledigt;7 von 7;85,5;Überfällig;0 von 1;;1;1;0");
    expect(lines[2]).toContain(";nicht zugewiesen;;;Begonnen (wartet auf Bewertung);0 von 1;40;0;0;1");
  });

  test("defuses formulas in user-typed text and quotes what needs quoting", () => {
    expect(lines[2]?.startsWith(`"'=HYPERLINK(""http://evil.example"")";`)).toBe(true);
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(csvValue(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvValue("Müller; Sohn")).toBe('"Müller; Sohn"');
    expect(csvValue('Der "Meister"')).toBe('"Der ""Meister"""');
    expect(csvValue("zwei\nZeilen")).toBe('"zwei\nZeilen"');
    expect(csvValue("Anna-Lena")).toBe("Anna-Lena");
    expect(csvValue(3.25)).toBe("3,3");
    expect(csvValue(1250)).toBe("1250");
  });
});

describe("download name", () => {
  test("names the class and the day, without characters file systems refuse", () => {
    expect(classCsvFileName("EL22a", "2026-11-27")).toBe("Klasse-EL22a-2026-11-27.csv");
    expect(classCsvFileName("Klasse 10/2", "2026-11-27")).toBe("Klasse-10-2-2026-11-27.csv");
    expect(classCsvFileName("Tischler Ü1", "2026-11-27")).toBe("Klasse-Tischler-Ü1-2026-11-27.csv");
  });

  test("sends an ASCII fallback and the exact UTF-8 name (RFC 6266)", () => {
    expect(attachmentDisposition("Klasse-Tischler-Ü1-2026-11-27.csv")).toBe(
      "attachment; filename=\"Klasse-Tischler-Ue1-2026-11-27.csv\"; filename*=UTF-8''Klasse-Tischler-%C3%9C1-2026-11-27.csv",
    );
    expect(attachmentDisposition("Klasse-HW-26-(Holz)-2026-11-27.csv")).toBe(
      "attachment; filename=\"Klasse-HW-26-Holz-2026-11-27.csv\"; filename*=UTF-8''Klasse-HW-26-%28Holz%29-2026-11-27.csv",
    );
  });
});

describe("class view filters", () => {
  test("bad values are ignored, blank means default", () => {
    const filter = parseClassViewFilter(new URLSearchParams("class=&status=nonsense&q=%20Kr%C3%BC%20&assignment=x"));
    expect(filter).toEqual({ class: undefined, status: "all", q: "Krü", assignment: undefined });
    expect(parseClassViewFilter(new URLSearchParams("class=all&status=behind")).class).toBe("all");
    expect(parseClassViewFilter(new URLSearchParams("class=not-an-id")).class).toBeUndefined();
  });

  test("status and name filters", () => {
    const behind = { assigned: 2, done: 1, overdue: 1, open: 0 };
    const finished = { assigned: 2, done: 2, overdue: 0, open: 0 };
    expect(matchesStatus(behind, "behind")).toBe(true);
    expect(matchesStatus(finished, "behind")).toBe(false);
    expect(matchesStatus(finished, "done")).toBe(true);
    expect(matchesStatus({ assigned: 0, done: 0, overdue: 0, open: 0 }, "done")).toBe(false);
    expect(matchesStatus(behind, "open")).toBe(true);
    expect(matchesQuery({ name: "Jürgen Öztürk", companies: [] }, "özt")).toBe(true);
    expect(matchesQuery({ name: "Lena", companies: ["Tischlerei Krüger"] }, "KRÜGER")).toBe(true);
    expect(matchesQuery({ name: "Lena", companies: [] }, "Emre")).toBe(false);
  });
});
