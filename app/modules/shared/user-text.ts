import { z } from "zod";

/**
 * Text typed by a person: a NUL byte makes PostgreSQL refuse the whole statement (a 500), and
 * other control characters are invisible junk nobody meant to type. Single-line fields refuse
 * every C0/C1 control character and DEL; multi-line fields allow tab and line breaks.
 */
export const CONTROL_CHARACTERS_ERROR = "errors.text.controlCharacters";

/** C0 controls, DEL and C1 controls; in a text (`multiline`) tab, LF and CR are allowed. */
function isControl(code: number, multiline: boolean): boolean {
  if (multiline && (code === 0x09 || code === 0x0a || code === 0x0d)) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** True when `value` holds a control character not allowed in a single line (or, `multiline`, a text). */
export function hasControlCharacters(value: string, multiline = false): boolean {
  for (let i = 0; i < value.length; i++) if (isControl(value.charCodeAt(i), multiline)) return true;
  return false;
}

/** `value` without control characters; tab and line breaks stay. */
export function stripControlCharacters(value: string): string {
  if (!hasControlCharacters(value, true)) return value;
  let kept = "";
  for (let i = 0; i < value.length; i++) if (!isControl(value.charCodeAt(i), true)) kept += value.charAt(i);
  return kept;
}

/**
 * Every string in a JSON value (keys too) without control characters, for JSON that goes to a
 * `jsonb` column, which cannot hold `\u0000` at all. Returns a new value; the input is not changed.
 */
export function stripControlCharactersDeep<T>(value: T): T {
  if (typeof value === "string") return stripControlCharacters(value) as T;
  if (Array.isArray(value)) return value.map((item) => stripControlCharactersDeep(item)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [stripControlCharacters(key), stripControlCharactersDeep(item)]),
    ) as T;
  }
  return value;
}

/** True when any string in a JSON value (keys too) holds a control character other than tab and line breaks. */
export function jsonHasControlCharacters(value: unknown): boolean {
  if (typeof value === "string") return hasControlCharacters(value, true);
  if (Array.isArray(value)) return value.some((item) => jsonHasControlCharacters(item));
  if (value && typeof value === "object") {
    return Object.entries(value).some(
      ([key, item]) => hasControlCharacters(key, true) || jsonHasControlCharacters(item),
    );
  }
  return false;
}

export type UserTextOptions = {
  /** Most characters allowed (after trimming). */
  max: number;
  /** The message (an i18n key, or plain text where the caller wants it) when longer than `max`. */
  tooLong: string;
  /** When given, the field must not be empty; this is the message then (and for a missing field). */
  required?: string;
  /** The message for control characters; the shared German/English key unless given. */
  controlCharacters?: string;
  /** Trim surrounding whitespace first (default: yes; passwords keep theirs). */
  trim?: boolean;
};

function textField(options: UserTextOptions, multiline: boolean) {
  const { max, tooLong, required, controlCharacters = CONTROL_CHARACTERS_ERROR, trim = true } = options;
  const base = z.string(required ? { error: required } : undefined);
  const trimmed = trim ? base.trim() : base;
  const checked = trimmed.refine((value) => !hasControlCharacters(value, multiline), { error: controlCharacters });
  return (required ? checked.min(1, { error: required }) : checked).max(max, { error: tooLong });
}

/** A single line of user text (title, name, label): no control characters at all. */
export function userLine(options: UserTextOptions) {
  return textField(options, false);
}

/** User text that may span lines (summary, note, Markdown): tab, CR and LF allowed, no other controls. */
export function userText(options: UserTextOptions) {
  return textField(options, true);
}
