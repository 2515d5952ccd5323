/**
 * Compares short answers the way people expect: case and surrounding or doubled spaces do not
 * matter (unless the question says so), umlauts typed as one or two code points are equal, and
 * `*` in an accepted answer stands for any text, `\*` for an asterisk (as in Moodle).
 * "Säge" is not "Sage".
 */
export function normaliseShortText(text: string, caseSensitive: boolean): string {
  const collapsed = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase("de-DE");
}

/**
 * Whether the whole response matches the accepted answer. No regular expression: a pattern with
 * several wildcards made a backtracking engine take minutes on a long answer. The pieces between
 * wildcards are found left to right, each at its first place (which never loses a match when `*`
 * is the only wildcard), so the time grows with the lengths of response and answer added, not
 * multiplied.
 */
export function shortTextMatches(given: string, accepted: string, caseSensitive: boolean): boolean {
  const response = normaliseShortText(given, caseSensitive);
  const pieces = literalPieces(normaliseShortText(accepted, caseSensitive));
  if (pieces.length === 1) return response === pieces[0];
  const first = pieces[0] ?? "";
  const last = pieces[pieces.length - 1] ?? "";
  // The first piece starts the response, the last one ends it, and they must not overlap.
  if (first.length + last.length > response.length) return false;
  if (!response.startsWith(first) || !response.endsWith(last)) return false;
  let from = first.length;
  const end = response.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = findFrom(response, piece, from, end);
    if (at === -1) return false;
    from = at + piece.length;
  }
  return true;
}

/**
 * The accepted answer cut at its wildcards: the literal texts before, between and after them.
 * A run of `*` is one wildcard; `\*` is a literal asterisk; any other backslash is itself.
 */
function literalPieces(pattern: string): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === "\\" && pattern.charAt(i + 1) === "*") {
      piece += "*";
      i++;
    } else if (char === "*") {
      pieces.push(piece);
      piece = "";
      while (pattern.charAt(i + 1) === "*") i++;
    } else {
      piece += char;
    }
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Where `piece` first lies wholly within text[from, end), or -1. Knuth–Morris–Pratt: every
 * character of the text is looked at a bounded number of times, whatever the piece.
 */
function findFrom(text: string, piece: string, from: number, end: number): number {
  if (piece.length === 0) return from;
  const fallback = new Array<number>(piece.length).fill(0);
  for (let i = 1, k = 0; i < piece.length; i++) {
    while (k > 0 && piece.charCodeAt(i) !== piece.charCodeAt(k)) k = fallback[k - 1] ?? 0;
    if (piece.charCodeAt(i) === piece.charCodeAt(k)) k++;
    fallback[i] = k;
  }
  for (let i = from, k = 0; i < end; i++) {
    while (k > 0 && text.charCodeAt(i) !== piece.charCodeAt(k)) k = fallback[k - 1] ?? 0;
    if (text.charCodeAt(i) === piece.charCodeAt(k)) k++;
    if (k === piece.length) return i - piece.length + 1;
  }
  return -1;
}
