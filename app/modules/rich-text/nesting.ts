/**
 * Limits on how deeply rich text may nest, checked with a cheap linear scan BEFORE anything
 * parses it: Markdown, HTML and JSON readers recurse per level, so 20,000 `>` or 30,000 nested
 * `<blockquote>` would overflow the call stack (a 500). No real lesson or question needs more.
 */
export const MAX_NESTING_DEPTH = 24;

/**
 * JSON brackets per document level: a ProseMirror node is an object whose `content` is an array
 * (2 levels), and the deepest text node may carry `marks` with `attrs` (3 more).
 */
export const MAX_JSON_DEPTH = 2 * MAX_NESTING_DEPTH + 3;

/** The deepest bracket nesting of a JSON text (brackets inside strings do not count). Linear. */
export function jsonDepth(json: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** True when a JSON text nests deeper than a document may (see MAX_JSON_DEPTH). */
export function jsonTooDeep(json: string, maxDepth = MAX_JSON_DEPTH): boolean {
  return jsonDepth(json) > maxDepth;
}

// Elements without content, and those whose end tag may be left out (they close themselves
// when a sibling starts): neither nests by itself.
const NOT_NESTING = new Set(
  (
    "area base br col colgroup embed hr img input link meta param source track wbr " +
    "p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp caption html head body"
  ).split(" "),
);

/** The deepest element nesting of an HTML text, from its tags alone (no parser). Linear. */
export function htmlDepth(html: string): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, closing, rawName, selfClosing] = match;
    const name = (rawName ?? "").toLowerCase();
    if (NOT_NESTING.has(name) || selfClosing) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=\s|$)/;

/**
 * The deepest Markdown nesting from the markers at line starts (`>` quotes, list bullets and
 * numbers, with their indentation) and of `[` brackets within a line. Linear in the text.
 */
export function markdownDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split("\n")) {
    let depth = 0;
    let i = 0;
    // Nested lists indent each level by two or more spaces; indentation alone nests nothing.
    let spaces = 0;
    while (i < line.length) {
      const c = line.charAt(i);
      if (c === ">") {
        depth++;
        spaces = 0;
        i++;
      } else if (c === " " || c === "\t") {
        spaces += c === "\t" ? 4 : 1;
        i++;
      } else {
        const marker = LIST_MARKER.exec(line.slice(i, i + 11));
        if (!marker) break;
        depth += 1 + Math.floor(spaces / 2);
        spaces = 0;
        i += marker[0].length;
      }
    }
    let brackets = 0;
    for (; i < line.length; i++) {
      const c = line.charAt(i);
      if (c === "[") deepest = Math.max(deepest, ++brackets);
      else if (c === "]") brackets = Math.max(0, brackets - 1);
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** True when Markdown (which may carry HTML) nests deeper than MAX_NESTING_DEPTH. */
export function markupTooDeep(text: string, maxDepth = MAX_NESTING_DEPTH): boolean {
  return markdownDepth(text) > maxDepth || htmlDepth(text) > maxDepth;
}

/** The field error for text nested too deeply. */
export const NESTING_ERROR = "errors.text.tooDeep";
