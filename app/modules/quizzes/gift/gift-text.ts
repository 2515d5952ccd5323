import type { GiftTextFormat } from "./gift-types.ts";

/**
 * Escapes and text helpers shared by the GIFT reader and writer. Moodle protects `\:` `\#` `\=`
 * `\{` `\}` `\~` `\n` with placeholders before it looks for any structure and puts the characters
 * back only in the finished texts; we do the same with private-use characters, which, unlike
 * Moodle's `&&058;`, cannot be typed by accident.
 */
const PLACEHOLDER: Record<string, string> = {
  ":": "\uE000",
  "#": "\uE001",
  "=": "\uE002",
  "{": "\uE003",
  "}": "\uE004",
  "~": "\uE005",
  n: "\uE006",
};
const RESOLVED: Record<string, string> = {
  "\uE000": ":",
  "\uE001": "#",
  "\uE002": "=",
  "\uE003": "{",
  "\uE004": "}",
  "\uE005": "~",
  "\uE006": "\n",
};

/** `\\` is a plain backslash (read first, as Moodle does); other backslashes stay as they are. */
export function protectEscapes(text: string): string {
  return text.replace(/\\([\\:#={}~n])/g, (_, c: string) => (c === "\\" ? "\\" : (PLACEHOLDER[c] ?? c)));
}

export function resolveEscapes(text: string): string {
  return text.replace(/[\uE000-\uE006]/g, (c) => RESOLVED[c] ?? c);
}

/** What GIFT writes for a literal text: every special character escaped, newlines as `\n`. */
export function escapeGift(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

// PHP's trim() set: Moodle trims lines and texts with it, so a no-break space is content, not blank.
const PHP_SPACE = " \t\n\r\0\x0B";

export function phpTrimStart(text: string): string {
  let i = 0;
  while (i < text.length && PHP_SPACE.includes(text.charAt(i))) i++;
  return text.slice(i);
}

export function phpTrimEnd(text: string): string {
  let j = text.length;
  while (j > 0 && PHP_SPACE.includes(text.charAt(j - 1))) j--;
  return text.slice(0, j);
}

export function phpTrim(text: string): string {
  return phpTrimEnd(phpTrimStart(text));
}

const FORMATS: readonly GiftTextFormat[] = ["moodle", "html", "plain", "markdown"];

/**
 * Moodle's parse_text_with_format: a leading `[html]` (… `[moodle]` `[plain]` `[markdown]`)
 * sets the format, anything else in brackets stays text. Escapes are resolved and the result trimmed.
 */
export function splitFormat(text: string, fallback: GiftTextFormat): { format: GiftTextFormat; text: string } {
  let format = fallback;
  let rest = text;
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    // Without `]` Moodle reads the name up to the last character (substr with length -1).
    const name = end === -1 ? text.slice(1, -1) : text.slice(1, end);
    const known = FORMATS.find((f) => f === name);
    if (known) {
      format = known;
      rest = text.slice(end + 1);
    }
  }
  return { format, text: phpTrim(resolveEscapes(rest)) };
}

const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  auml: "ä",
  ouml: "ö",
  uuml: "ü",
  Auml: "Ä",
  Ouml: "Ö",
  Uuml: "Ü",
  szlig: "ß",
  euro: "€",
  deg: "°",
  sup2: "²",
  sup3: "³",
  middot: "·",
  times: "×",
  divide: "÷",
  plusmn: "±",
  micro: "µ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  bdquo: "„",
  ldquo: "“",
  rdquo: "”",
  sbquo: "‚",
  lsquo: "‘",
  rsquo: "’",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  trade: "™",
  sect: "§",
  para: "¶",
  shy: "\u00AD",
};

/** One pass, so `&amp;lt;` becomes `&lt;` and not `<`. Unknown entities stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** Our answers and feedbacks are plain text: HTML (and Moodle auto-format) loses its tags. */
export function plainText(text: string, format: GiftTextFormat): { text: string; hadTags: boolean } {
  if (format !== "html" && format !== "moodle") return { text, hadTags: false };
  let hadTags = false;
  const stripped = text.replace(TAG, (tag) => {
    hadTags = true;
    return /^<br\b/i.test(tag) ? "\n" : "";
  });
  return { text: phpTrim(decodeEntities(stripped)), hadTags };
}

/** Moodle cleans question names like form input (PARAM_TEXT): tags go, the rest stays. */
export function cleanTitle(title: string): string {
  return phpTrim(title.replace(TAG, ""));
}

export function hasTags(text: string): boolean {
  return new RegExp(TAG.source).test(text);
}

/** For `[html]` texts the writer needs: `&`, `<` and `>` as entities, read back by decodeEntities. */
export function encodeHtmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
