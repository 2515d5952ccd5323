/**
 * Reads a number as an apprentice types it on a German phone keyboard: decimal comma or point,
 * thousands separated by points or spaces ("1.250,5", "1 250,5"), an optional sign, and
 * optionally the expected unit after it ("3,5 m²"). A point alone is a decimal point unless it
 * groups thousands together with a comma ("1.250,5") or appears more than once ("1.250.000").
 */
export type NumberReading =
  | { ok: true; value: number; unitGiven: boolean }
  | { ok: false; reason: "empty" | "not-a-number" | "wrong-unit" };

/** A number with its unit, as typed: generous for "1.250.000,125 m²", far below what grading must fear. */
const MAX_NUMBER_LENGTH = 100;

const unitAliases: Record<string, string> = { "^2": "²", "^3": "³", "2": "²", "3": "³" };

function normaliseUnit(unit: string): string {
  return unit
    .normalize("NFC")
    .replace(/\s+/g, "")
    .replace(/\^?([23])$/, (match) => unitAliases[match] ?? match)
    .replace(/[€]|eur(o)?$/i, "€");
}

export function readNumber(input: string, unit: string | null = null): NumberReading {
  const text = input
    .normalize("NFC")
    .replace(/[\u00a0\u202f]/g, " ")
    .trim();
  if (text === "") return { ok: false, reason: "empty" };
  // The patterns below backtrack on long inputs (quadratic time); no number is this long.
  if (text.length > MAX_NUMBER_LENGTH) return { ok: false, reason: "not-a-number" };
  const match = /^([-+−]?\s*[\d.,\s]*\d(?:[.,]\d*)?|[-+−]?\s*[.,]\d+)\s*(.*)$/.exec(text);
  if (!match) return { ok: false, reason: "not-a-number" };
  const [, rawNumber = "", rawUnit = ""] = match;
  const signed = rawNumber.replace(/−/g, "-").replace(/^([-+])\s+/, "$1");
  // Spaces may only group thousands ("1 250,5"), so "3 4" is not 34.
  if (/\s/.test(signed) && !/^[-+]?\d{1,3}( \d{3})+([.,]\d*)?$/.test(signed))
    return { ok: false, reason: "not-a-number" };
  const value = parseDigits(signed.replace(/\s+/g, ""));
  if (value === null) return { ok: false, reason: "not-a-number" };
  if (rawUnit === "") return { ok: true, value, unitGiven: false };
  if (unit && normaliseUnit(rawUnit) === normaliseUnit(unit)) return { ok: true, value, unitGiven: true };
  return { ok: false, reason: unit ? "wrong-unit" : "not-a-number" };
}

function parseDigits(raw: string): number | null {
  let normalised: string;
  if (raw.includes(",")) {
    // Comma is the decimal separator; points may only group thousands.
    const [whole = "", fraction, ...rest] = raw.split(",");
    if (rest.length > 0) return null;
    if (whole.includes(".") && !/^[+-]?\d{1,3}(\.\d{3})+$/.test(whole)) return null;
    normalised = `${whole.replace(/\./g, "")}.${fraction ?? ""}`;
  } else if ((raw.match(/\./g) ?? []).length > 1) {
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(raw)) return null;
    normalised = raw.replace(/\./g, "");
  } else {
    normalised = raw;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** Within value ± tolerance, forgiving binary rounding at the border (3,135 in 3,14 ± 0,005). */
export function withinTolerance(given: number, value: number, tolerance: number): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(value), Math.abs(tolerance));
  return Math.abs(given - value) <= tolerance + slack;
}
