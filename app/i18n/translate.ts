import { de } from "./de.ts";
import { en } from "./en.ts";
import { intlTags, type Locale } from "./locales.ts";

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;

const catalogs: Record<Locale, Messages> = { de, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

export type TranslateParams = Record<string, string | number>;

/**
 * Looks a key up in the locale's catalog and fills {placeholders}. Keys that come from data
 * (error keys from the server) are checked; an unknown one shows a generic error, never a raw key.
 */
export function translate(locale: Locale, key: MessageKey | string, params?: TranslateParams): string {
  const messages = catalogs[locale];
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
