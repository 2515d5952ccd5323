import { de } from "./de.ts";
import type { deStaff } from "./de-staff.ts";
import { formatNumber, pluralForm } from "#app/utils/format.ts";
import type { Locale } from "./locales.ts";

export type MessageKey = keyof typeof de | keyof typeof deStaff;
export type Messages = Record<keyof typeof de, string>;
export type StaffMessages = Record<keyof typeof deStaff, string>;

/**
 * Catalogues come in two parts: what everyone sees, and what only trainers, teachers and admins
 * see (editors, grading, invitations). German core texts are always here. The rest is registered
 * when needed: all of it at start on the server (all-catalogs.server), and in the browser before
 * hydration only the page's language, and its staff part only for staff (entry.client). So an
 * apprentice's phone loads one language's core texts and nothing else.
 */
const catalogs: Partial<Record<Locale, Partial<Record<MessageKey, string>>>> = { de };
const staffLoaded = new Set<Locale>();

export function registerCatalog(
  locale: Locale,
  messages: Messages | StaffMessages,
  part: "core" | "staff" = "core",
): void {
  catalogs[locale] = { ...catalogs[locale], ...messages };
  if (part === "staff") staffLoaded.add(locale);
}

export function hasCatalog(locale: Locale, options: { staff?: boolean } = {}): boolean {
  const core = locale === "de" || catalogs[locale]?.["errors.unknown"] !== undefined;
  return core && (!options.staff || staffLoaded.has(locale));
}

/** Every other language's core, and every language's staff part, as chunks of their own. */
const coreLoaders: Record<Exclude<Locale, "de">, () => Promise<Messages>> = {
  en: () => import("./en.ts").then((module) => module.en),
};
const staffLoaders: Record<Locale, () => Promise<StaffMessages>> = {
  de: () => import("./de-staff.ts").then((module) => module.deStaff),
  en: () => import("./en-staff.ts").then((module) => module.enStaff),
};

/** Makes the locale's catalogue available (with the staff part if asked); German core is built in. */
export async function loadCatalog(locale: Locale, options: { staff?: boolean } = {}): Promise<void> {
  const [core, staff] = await Promise.all([
    locale === "de" || hasCatalog(locale) ? null : coreLoaders[locale](),
    options.staff && !staffLoaded.has(locale) ? staffLoaders[locale]() : null,
  ]);
  if (core) registerCatalog(locale, core);
  if (staff) registerCatalog(locale, staff, "staff");
}

function lookUp(locale: Locale, key: string): string | undefined {
  const messages: Partial<Record<string, string>> = catalogs[locale] ?? de;
  return Object.hasOwn(messages, key) ? messages[key] : undefined;
}

export type TranslateParams = Record<string, string | number>;

/**
 * Looks a key up in the locale's catalog and fills {placeholders}. Keys that come from data
 * (error keys from the server) are checked; an unknown one shows a generic error, never a raw key.
 */
export function translate(locale: Locale, key: MessageKey | string, params?: TranslateParams): string {
  const template = lookUp(locale, key) ?? lookUp("de", key) ?? lookUp(locale, "errors.unknown") ?? de["errors.unknown"];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Picks "<key>.one" or "<key>.other" by the language's plural rules and fills {count}:
 * "1 Betrieb", "2 Betrieben". German and English need only these two forms.
 */
export function translateCount(locale: Locale, key: string, count: number): string {
  return translate(locale, `${key}.${pluralForm(locale, count)}`, { count: formatNumber(locale, count, 0) });
}
