// npm run db:migrate
// Brings the configured database up to the committed migrations (the app also does this on
// start; this is for deployments that migrate before they switch traffic).
import { closeDatabase } from "#db/client.server.ts";
import { upsertReferenceData } from "#db/seed/reference-data.server.ts";
import { appDatabase } from "#app/utils/db.server.ts";

const { db, kind } = await appDatabase({ migrate: true });
await upsertReferenceData(db);
console.log(`Migrationen angewendet (${kind === "server" ? "PostgreSQL-Server" : "eingebettete Datenbank"}).`);
await closeDatabase();
