import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale } from "./i18n/locales.ts";
import { loadCatalog } from "./i18n/translate.ts";

// The page was rendered in <html lang>: its catalogue (with the staff part for trainers, teachers
// and admins, marked by data-staff) must be there before React hydrates.
const { lang, dataset } = document.documentElement;
if (isLocale(lang)) await loadCatalog(lang, { staff: dataset.staff !== undefined });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
