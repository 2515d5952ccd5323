import { count } from "drizzle-orm";
import { users } from "#db/schema/index.ts";
import { seedDemo } from "#db/seed/demo.server.ts";
import { seedDemoLearning } from "#db/seed/demo-learning.server.ts";
import { upsertReferenceData } from "#db/seed/reference-data.server.ts";
import path from "node:path";
import { importLibrary } from "#app/modules/library/import-library.server.ts";
import { pruneExpired } from "#app/modules/auth/prune-expired.server.ts";
import { appDatabase } from "./db.server.ts";
import { env } from "./env.server.ts";

/**
 * Opens the database (which applies pending migrations) and, on a new embedded database,
 * loads the demo so that `npm start` shows a working Werkbank. A server database is never
 * seeded here: that is `npm run db:seed -- --demo`.
 */
export async function startUp(): Promise<void> {
  const config = env();
  const { db, kind } = await appDatabase();
  await upsertReferenceData(db);
  await pruneExpired(db, new Date());
  if (kind !== "embedded") return;
  await importContent(db);
  if (config.SEED_DEMO === "never") return;
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return;
  await seedDemo(db, new Date());
  await seedDemoLearning(db, new Date());
  console.log("Demo-Daten angelegt. Anmeldung z. B. mit azubi@example.com / werkbank-demo");
}

/**
 * The embedded database follows the repository's library on every start (an unchanged library
 * writes nothing). A broken file is reported and skipped, so the app still starts.
 */
async function importContent(db: Awaited<ReturnType<typeof appDatabase>>["db"]): Promise<void> {
  const summary = await importLibrary(db, path.resolve("content"));
  if (summary.errors.length === 0) return;
  console.error(`Kursbibliothek nicht importiert (${summary.errors.length} Fehler, siehe npm run content:import):`);
  for (const e of summary.errors.slice(0, 10)) console.error(`  ${e.file}:${e.line}: ${e.message}`);
}
