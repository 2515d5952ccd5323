import { useRevalidator, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useEffect } from "react";
import type { loader as rootLoader } from "#app/root.tsx";
import { defaultLocale, type Locale } from "./locales.ts";
import {
  hasCatalog,
  loadCatalog,
  type MessageKey,
  type TranslateParams,
  translate,
  translateCount,
} from "./translate.ts";

export function useLocale(): Locale {
  return useRouteLoaderData<typeof rootLoader>("root")?.locale ?? defaultLocale;
}

/** `t("key", { name })` in the user's language. */
export function useT() {
  const locale = useLocale();
  return useCallback((key: MessageKey | string, params?: TranslateParams) => translate(locale, key, params), [locale]);
}

/** `tc("home.classes.students", 3)` → "3 Schüler/innen" (see translateCount). */
export function useTCount() {
  const locale = useLocale();
  return useCallback((key: string, count: number) => translateCount(locale, key, count), [locale]);
}

/**
 * When the language or the person changes without a page load (e.g. signing in as a trainer who
 * reads English), fetch the missing catalogue and render again; until then a text stays German
 * or, for a staff text not loaded yet, a generic message — never a raw key.
 */
export function useCatalogForLocale() {
  const locale = useLocale();
  const staff = useRouteLoaderData<typeof rootLoader>("root")?.user?.staff ?? false;
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (hasCatalog(locale, { staff })) return;
    void loadCatalog(locale, { staff }).then(revalidate);
  }, [locale, staff, revalidate]);
}
