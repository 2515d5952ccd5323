import type { AssignmentStatus } from "./status.ts";

/**
 * The class view as a CSV file that German Excel opens with a double click: UTF-8 with a byte
 * order mark (else umlauts break), ";" between values (Excel's separator under a German locale),
 * CRLF line ends, German headers, numbers with a decimal comma. Pure: no server code, so tests
 * call it directly.
 */
export type CsvCell = {
  status: AssignmentStatus;
  itemsDone: number;
  itemsTotal: number;
  scorePercent: number | null;
  pendingGrading: boolean;
};

export type CsvClass = {
  columns: { title: string; dueOn: string }[];
  students: {
    name: string;
    companies: string[];
    /** Aligned with `columns`; null where the assignment was not given to the student. */
    cells: (CsvCell | null)[];
    totals: { done: number; overdue: number; open: number };
  }[];
};

/** Schools open the file in German Excel and pass it on: headers and words stay German in every UI language. */
export const csvLabels = {
  name: "Name",
  company: "Betrieb",
  due: "fällig",
  progress: "Fortschritt",
  score: "Ergebnis in %",
  done: "Erledigt",
  overdue: "Überfällig",
  open: "Offen",
  notAssigned: "nicht zugewiesen",
  pendingGrading: "wartet auf Bewertung",
  of: "von",
  status: {
    open: "Offen",
    inProgress: "Begonnen",
    done: "Erledigt",
    overdue: "Überfällig",
  } satisfies Record<AssignmentStatus, string>,
};

const separator = ";";
const lineEnd = "\r\n";
const decimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1, useGrouping: false });

/** 2026-11-27 → 27.11.2026 */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}.${month}.${year}`;
}

/** 85.5 → "85,5" */
export function germanNumber(value: number): string {
  return decimal.format(value);
}

/**
 * One value, safe for Excel: text that a spreadsheet would run as a formula (=, +, -, @, tab, CR
 * at the start; names are typed by users) gets a leading apostrophe; a value holding the
 * separator, a quote or a line break is quoted, with quotes doubled.
 */
export function csvValue(value: string | number): string {
  let text = typeof value === "number" ? germanNumber(value) : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

function statusText(cell: CsvCell): string {
  const word = csvLabels.status[cell.status];
  return cell.pendingGrading && cell.status !== "done" ? `${word} (${csvLabels.pendingGrading})` : word;
}

export function buildClassCsv(view: CsvClass): string {
  const header: string[] = [csvLabels.name, csvLabels.company];
  for (const column of view.columns) {
    const title = `${column.title} (${csvLabels.due} ${germanDate(column.dueOn)})`;
    header.push(title, `${title}: ${csvLabels.progress}`, `${title}: ${csvLabels.score}`);
  }
  header.push(csvLabels.done, csvLabels.overdue, csvLabels.open);

  const rows: (string | number)[][] = [header];
  for (const student of view.students) {
    const row: (string | number)[] = [student.name, student.companies.join(", ")];
    for (const cell of student.cells) {
      if (!cell) {
        row.push(csvLabels.notAssigned, "", "");
        continue;
      }
      row.push(
        statusText(cell),
        `${cell.itemsDone} ${csvLabels.of} ${cell.itemsTotal}`,
        cell.scorePercent === null ? "" : cell.scorePercent,
      );
    }
    row.push(student.totals.done, student.totals.overdue, student.totals.open);
    rows.push(row);
  }
  return `\uFEFF${rows.map((row) => row.map(csvValue).join(separator)).join(lineEnd)}${lineEnd}`;
}

const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" };

/** "Klasse-EL22a-2026-11-27.csv": the class name without characters a file system refuses. */
export function classCsvFileName(className: string, today: string): string {
  const safe = className
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\p{Cc}\s]+/gu, "-")
    .replace(/^[-.]+|[-.]+$/g, "");
  const name = safe || "Klasse";
  // "Klasse 10a" stays "Klasse-10a", not "Klasse-Klasse-10a".
  return /^klasse/i.test(name) ? `${name}-${today}.csv` : `Klasse-${name}-${today}.csv`;
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename` for old clients and the
 * exact name as UTF-8 in `filename*`.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .replace(/[äöüÄÖÜß]/g, (c) => umlauts[c] ?? c)
    .normalize("NFKD")
    .replace(/[^\x20-\x7E]/g, "")
    .replace(/["\\]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
