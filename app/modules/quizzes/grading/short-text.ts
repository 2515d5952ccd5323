/**
 * Compares short answers the way people expect: case and surrounding or doubled spaces do not
 * matter (unless the question says so), umlauts typed as one or two code points are equal, and
 * `*` in an accepted answer stands for any text (as in Moodle). "Säge" is not "Sage".
 */
export function normaliseShortText(text: string, caseSensitive: boolean): string {
  const collapsed = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return caseSensitive ? collapsed : collapsed.toLocaleLowerCase("de-DE");
}

export function shortTextMatches(given: string, accepted: string, caseSensitive: boolean): boolean {
  const response = normaliseShortText(given, caseSensitive);
  const pattern = normaliseShortText(accepted, caseSensitive);
  if (!pattern.includes("*")) return response === pattern;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`, "su").test(response);
}
