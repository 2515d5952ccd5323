// As on the server (entry.server): every catalogue is registered before any test runs.
import "#app/i18n/all-catalogs.server.ts";
