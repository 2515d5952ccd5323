// npm run db:seed -- --demo
// Loads the demo (README's logins) into the configured database, if it is a local one.
import { count } from "drizzle-orm";
import { closeDatabase } from "#db/client.server.ts";
import { users } from "#db/schema/index.ts";
import path from "node:path";
import { hasDemo, seedDemo } from "#db/seed/demo.server.ts";
import { seedDemoLearning } from "#db/seed/demo-learning.server.ts";
import { importLibrary } from "#app/modules/library/import-library.server.ts";
import { isLocalDatabaseUrl } from "#db/seed/local-database.ts";
import { upsertReferenceData } from "#db/seed/reference-data.server.ts";
import { appDatabase } from "#app/utils/db.server.ts";
import { env } from "#app/utils/env.server.ts";

async function main(): Promise<number> {
  if (!process.argv.includes("--demo")) {
    console.error("Aufruf: npm run db:seed -- --demo   (legt die Demo-Daten aus dem README an)");
    return 2;
  }
  const { DATABASE_URL } = env();
  if (DATABASE_URL && !isLocalDatabaseUrl(DATABASE_URL)) {
    console.error("Abgebrochen: Demo-Daten nur in eine Datenbank auf diesem Rechner (localhost oder Socket).");
    return 1;
  }
  const { db } = await appDatabase();
  await upsertReferenceData(db);
  if (await hasDemo(db)) {
    console.log("Die Demo-Daten sind schon da. Nichts zu tun.");
    return 0;
  }
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) console.log(`Hinweis: Die Datenbank hat schon ${row?.n} Konten; die Demo kommt dazu.`);
  await seedDemo(db, new Date());
  // The demo's assignments and progress point into the library, so it comes first.
  const library = await importLibrary(db, path.resolve("content"));
  if (library.errors.length > 0) console.error("Kursbibliothek mit Fehlern: npm run content:import zeigt sie.");
  await seedDemoLearning(db, new Date());
  console.log("Demo-Daten angelegt. Anmeldung z. B. mit azubi@example.com / werkbank-demo");
  return 0;
}

const code = await main().finally(closeDatabase);
process.exit(code);
