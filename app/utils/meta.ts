import type { MetaFunction } from "@remix-run/node";
import { defaultLocale, isLocale } from "#app/i18n/locales.ts";
import { type MessageKey, translate } from "#app/i18n/translate.ts";

type Matches = Parameters<MetaFunction>[0]["matches"];

/** "<page> · Werkbank" in the user's language (meta functions cannot use hooks). */
export function pageTitle(matches: Matches, key: MessageKey) {
  const rootData = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : defaultLocale;
  return [{ title: `${translate(locale, key)} · Werkbank` }];
}

/** "<title from the loader> · Werkbank"; falls back to "Werkbank" when the loader failed. */
export function dataTitle(title: string | undefined) {
  return [{ title: title ? `${title} · Werkbank` : "Werkbank" }];
}
