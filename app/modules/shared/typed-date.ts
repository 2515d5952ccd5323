import { z } from "zod";

/** The range a training date (start or end of an apprenticeship) can plausibly have. */
export const TRAINING_DATE_MIN = "1990-01-01";
export const TRAINING_DATE_MAX = "2100-12-31";

/**
 * The range of an apprentice's date of birth: wide enough for late starters, and nobody born
 * after 2020 is in an apprenticeship yet.
 */
export const BIRTH_DATE_MIN = "1940-01-01";
export const BIRTH_DATE_MAX = "2020-12-31";

/** Dates a person types: a calendar date in this range, else a field error (never a 500). */
export const TYPED_DATE_ERROR = "errors.date.outOfRange";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD (no 31 February), in the years 0000-9999. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type TypedDateOptions = {
  /** Earliest allowed day, YYYY-MM-DD. */
  min: string;
  /** Latest allowed day, YYYY-MM-DD. */
  max: string;
  /** Message when it is no date at all. */
  invalid: string;
  /** Message when it is a date outside min..max (default: the shared key). */
  outOfRange?: string;
};

/**
 * A typed date (an `<input type="date">`): YYYY-MM-DD, a real day, between `min` and `max`.
 * Give the input the same `min`/`max` attributes, so the browser's picker agrees.
 */
export function typedDate({ min, max, invalid, outOfRange = TYPED_DATE_ERROR }: TypedDateOptions) {
  return z
    .string({ error: invalid })
    .trim()
    .refine(isCalendarDate, { error: invalid, abort: true })
    .refine((value) => value >= min && value <= max, { error: outOfRange });
}

/** A start or end date of an apprenticeship (1990-2100). */
export const trainingDate = (invalid = "errors.date.invalid") =>
  typedDate({ min: TRAINING_DATE_MIN, max: TRAINING_DATE_MAX, invalid });
