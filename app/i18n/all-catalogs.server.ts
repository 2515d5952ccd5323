import { en } from "./en.ts";
import { registerCatalog } from "./translate.ts";

// The server answers in every language, so it holds every catalogue from the start
// (imported by entry.server and by the test setup).
registerCatalog("en", en);
