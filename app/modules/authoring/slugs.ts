const transliteration: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** "Holz & Öle für Einsteiger" -> "holz-oele-fuer-einsteiger" (at most 50 characters). */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => transliteration[c] ?? c)
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return slug || "ohne-titel";
}

/** A slug that stays unique without asking the database first: authored content is not imported by slug. */
export function uniqueSlug(title: string): string {
  return `${slugify(title)}-${Math.random()
    .toString(36)
    .slice(2, 8)
    .replace(/[^a-z0-9]/g, "0")}`;
}
