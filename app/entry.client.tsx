import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale } from "./i18n/locales.ts";
import { loadCatalog } from "./i18n/translate.ts";

// The page was rendered in <html lang>: its catalogue must be there before React hydrates.
const lang = document.documentElement.lang;
if (isLocale(lang)) await loadCatalog(lang);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
