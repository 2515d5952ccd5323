import { z } from "zod";
import { hasControlCharacters } from "#app/modules/shared/user-text.ts";

/**
 * A class list as German Excel saves it ("CSV UTF-8" with BOM and `;`, or plain "CSV" with `,`):
 * Nachname;Vorname;E-Mail, the e-mail optional. Pure: no database, so it is tested on its own.
 */

export const maxClassListLines = 60;
export const maxNameLength = 100;

export type ClassListStudent = { line: number; familyName: string; givenName: string; email?: string };
export type RejectedLine = { line: number; reason: string; values?: Record<string, string | number> };
export type ClassListReport = {
  good: ClassListStudent[];
  rejected: RejectedLine[];
  /** A reason for the whole file (not text, wrong encoding, too many lines): nothing is usable. */
  fileError?: string;
};

const emailSchema = z.email();

/** The text of uploaded bytes, or the reason it is no text we can read. */
export function decodeClassList(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.includes(0)) return { ok: false, reason: "classes.import.error.notText" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Excel's plain "CSV" is Windows-1252: umlauts would turn into garbage.
    return { ok: false, reason: "classes.import.error.encoding" };
  }
}

/** Splits into records: quoted fields may hold the separator, "" and even line breaks. */
function records(text: string, separator: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (char === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (char === separator) {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += char;
  }
  fields.push(field);
  out.push({ line: start, fields });
  return out;
}

const headerWords = {
  familyName: ["nachname", "name", "familienname", "lastname", "familyname", "surname"],
  givenName: ["vorname", "firstname", "givenname"],
  email: ["email", "mail", "emailadresse"],
};
const squash = (value: string) => value.toLowerCase().replace(/[\s\-_.]/g, "");

function isHeader(fields: string[]): boolean {
  const [a = "", b = ""] = fields.map(squash);
  return headerWords.familyName.includes(a) && headerWords.givenName.includes(b);
}

/** `;` unless the first non-blank line has a comma outside quotes and no semicolon. */
function detectSeparator(text: string): string {
  const first = text.split(/\r?\n|\r/).find((line) => line.trim() !== "") ?? "";
  const outside = first.replace(/"[^"]*"/g, "");
  return outside.includes(";") || !outside.includes(",") ? ";" : ",";
}

function checkName(value: string, which: "familyName" | "givenName"): string | null {
  if (value === "") return `classes.import.error.${which}Missing`;
  if (value.length > maxNameLength) return `classes.import.error.${which}TooLong`;
  if (hasControlCharacters(value)) return "classes.import.error.controlCharacters";
  return null;
}

/** Reads a class list; `good` and `rejected` carry the line numbers a person sees in Excel. */
export function parseClassList(input: string): ClassListReport {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  if (text.includes("\u0000")) return { good: [], rejected: [], fileError: "classes.import.error.notText" };
  const rows = records(text, detectSeparator(text)).filter((row) => row.fields.some((f) => f.trim() !== ""));
  if (rows[0] && isHeader(rows[0].fields)) rows.shift();
  if (rows.length === 0) return { good: [], rejected: [], fileError: "classes.import.error.empty" };
  if (rows.length > maxClassListLines) {
    return { good: [], rejected: [], fileError: "classes.import.error.tooManyLines" };
  }
  const good: ClassListStudent[] = [];
  const rejected: RejectedLine[] = [];
  const seenEmails = new Map<string, number>();
  const seenNames = new Map<string, number>();
  for (const { line, fields } of rows) {
    // Excel adds empty columns at the end ("Müller;Anna;;"): only non-empty extras are wrong.
    const [familyName = "", givenName = "", email = "", ...rest] = fields.map((f) => f.trim());
    const reason =
      checkName(familyName, "familyName") ??
      checkName(givenName, "givenName") ??
      (rest.some((f) => f !== "") ? "classes.import.error.tooManyFields" : null) ??
      (email !== "" && (email.length > 254 || !emailSchema.safeParse(email).success)
        ? "classes.import.error.email"
        : null);
    if (reason) {
      rejected.push({ line, reason });
      continue;
    }
    const emailKey = email.toLowerCase();
    const nameKey = `${familyName.toLowerCase()}\u0000${givenName.toLowerCase()}\u0000${emailKey}`;
    const twin = (emailKey && seenEmails.get(emailKey)) || seenNames.get(nameKey);
    if (twin) {
      rejected.push({ line, reason: "classes.import.error.duplicate", values: { other: twin } });
      continue;
    }
    if (emailKey) seenEmails.set(emailKey, line);
    seenNames.set(nameKey, line);
    good.push({ line, familyName, givenName, ...(email ? { email } : {}) });
  }
  return { good, rejected };
}

/** The label of a student's invitation: "Nachname, Vorname", as on the class list. */
export function studentLabel(student: { familyName: string; givenName: string }): string {
  return `${student.familyName}, ${student.givenName}`;
}
