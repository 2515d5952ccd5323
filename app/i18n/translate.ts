import { de } from "./de.ts";
import { intlTags, type Locale } from "./locales.ts";

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;

/**
 * German is always here. Other catalogues are registered when needed: at start on the server
 * (entry.server), before hydration in the browser (entry.client, only the page's language), so
 * a German page ships one catalogue instead of all of them.
 */
const catalogs: Partial<Record<Locale, Messages>> = { de };

export function registerCatalog(locale: Locale, messages: Messages): void {
  catalogs[locale] = messages;
}

export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/** Every other language as its own chunk; a new locale must be added here (tsc insists). */
const loaders: Record<Exclude<Locale, "de">, () => Promise<Messages>> = {
  en: () => import("./en.ts").then((module) => module.en),
};

/** Makes the locale's catalogue available; German is built in. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (locale === "de" || hasCatalog(locale)) return;
  registerCatalog(locale, await loaders[locale]());
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

export type TranslateParams = Record<string, string | number>;

/**
 * Looks a key up in the locale's catalog and fills {placeholders}. Keys that come from data
 * (error keys from the server) are checked; an unknown one shows a generic error, never a raw key.
 */
export function translate(locale: Locale, key: MessageKey | string, params?: TranslateParams): string {
  const messages = catalogs[locale] ?? de;
  const template = isMessageKey(key) ? messages[key] : messages["errors.unknown"];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Picks "<key>.one" or "<key>.other" by the language's plural rules and fills {count}:
 * "1 Betrieb", "2 Betrieben". German and English need only these two forms.
 */
export function translateCount(locale: Locale, key: string, count: number): string {
  const form = new Intl.PluralRules(intlTags[locale]).select(count) === "one" ? "one" : "other";
  return translate(locale, `${key}.${form}`, { count: new Intl.NumberFormat(intlTags[locale]).format(count) });
}
