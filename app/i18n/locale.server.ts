import type { Actor } from "#app/modules/context.server.ts";
import { defaultLocale, isLocale, type Locale } from "./locales.ts";

const COOKIE = "werkbank_lang";

/** The signed-in user's choice, else the visitor's cookie, else German. */
export function resolveLocale(request: Request, actor: Actor | null): Locale {
  if (actor) return actor.locale;
  const match = request.headers.get("cookie")?.match(/(?:^|;\s*)werkbank_lang=(\w+)/);
  return isLocale(match?.[1]) ? match[1] : defaultLocale;
}

export function localeCookie(locale: Locale): string {
  return `${COOKIE}=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}
