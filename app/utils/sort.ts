// One collator for German names: `localeCompare(x, "de")` would build a new one per comparison.
const german = new Intl.Collator("de", { sensitivity: "base" });

/** Sorts people and things by name as a German reader expects (Ä with A, case ignored). */
export function byGermanName(a: { name: string }, b: { name: string }): number {
  return german.compare(a.name, b.name);
}
