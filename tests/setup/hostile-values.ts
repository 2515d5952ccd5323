/**
 * Values no form should answer with a 5xx: control characters, very long and deeply nested text,
 * deeply nested JSON, wrong types, huge numbers, impossible dates. Named, so a failure says which.
 */

/** ProseMirror JSON nested `depth` blockquotes deep, as the lesson editor's `body` field would carry it. */
function nestedDoc(depth: number): string {
  return `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}{"type":"paragraph"}${"]}".repeat(depth)}]}`;
}

/** Text that breaks storage or parsers: posted into every field the action's schemas name. */
export const hostileTexts: Record<string, string> = {
  nul: "vor\u0000nach",
  controls: "\u0001\u0007\u0008\u000b\u001b[31m\u007f\u0085\u2028\u2029\ufeff\ud800",
  long: "x".repeat(100_000),
  quotes: `${">".repeat(20_000)} tief`,
  blockquotes: "<blockquote>".repeat(30_000),
  deepJson: nestedDoc(20_000),
};

/** Wrong types, huge numbers, impossible dates: posted into the fields the form itself sends. */
export const hostileScalars: Record<string, string> = {
  empty: "",
  word: "abc",
  negative: "-1",
  huge: "99999999999999999999999999999999",
  float: "1e309",
  year0: "0000-01-01",
  year9999: "9999-12-01",
  lastDay: "9999-12-31",
  feb30: "2026-02-30",
  uuidZero: "00000000-0000-0000-0000-000000000000",
};

export const hostileValues: Record<string, string> = { ...hostileTexts, ...hostileScalars };

/** The nastiest few, for every role and every field at once. */
export const sampleForRoles = ["nul", "long", "quotes", "year9999"] as const;

/** Bodies of the wrong kind, each with its Content-Type (undefined: none sent). */
export function oddBodies(
  form: Record<string, string | string[] | Blob>,
): { name: string; body: BodyInit; type?: string }[] {
  const json = JSON.stringify(form);
  const pairs = Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x] as const));
  const encoded = new URLSearchParams(pairs.map(([k, x]) => [k, typeof x === "string" ? x : "datei"])).toString();
  const multipart = new FormData();
  for (const [k, x] of pairs) multipart.append(k, x);
  return [
    { name: "json", body: json, type: "application/json" },
    { name: "deep json", body: `${"[".repeat(30_000)}${"]".repeat(30_000)}`, type: "application/json" },
    { name: "text/plain", body: encoded, type: "text/plain" },
    { name: "multipart", body: multipart },
    { name: "no content-type", body: new TextEncoder().encode(encoded) },
    {
      name: "urlencoded, broken escapes",
      body: "intent=%zz&%00=%ff%fe&a[b][c]=1",
      type: "application/x-www-form-urlencoded",
    },
    { name: "multipart without boundary", body: encoded, type: "multipart/form-data" },
  ];
}
