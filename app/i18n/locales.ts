export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl formatting: German users get de-DE dates and numbers. */
export const intlTags: Record<Locale, string> = { de: "de-DE", en: "en-GB" };
