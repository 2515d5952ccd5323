import { deStaff } from "./de-staff.ts";
import { en } from "./en.ts";
import { enStaff } from "./en-staff.ts";
import { registerCatalog } from "./translate.ts";

// The server answers in every language and to everyone, so it holds every catalogue from the
// start (imported by entry.server and by the test setup).
registerCatalog("en", en);
registerCatalog("de", deStaff, "staff");
registerCatalog("en", enStaff, "staff");
