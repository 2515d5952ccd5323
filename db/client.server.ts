import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

/** Types both drivers: code above this file never knows which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  /** "embedded" is PGlite (on disk or in memory), "server" a PostgreSQL server. */
  kind: "embedded" | "server";
  close: () => Promise<void>;
};

export type DatabaseTarget = { url: string } | { dataDir: string } | { inMemory: true };

const migrationsFolder = path.resolve("db/migrations");
// Must match drizzle.config.ts, or queries and migrations disagree on column names.
const casing = "snake_case";

/** Opens a database and brings its schema up to date with the committed migrations. */
export async function openDatabase(
  target: DatabaseTarget,
  /** Sees every statement Drizzle sends (the query-count test counts them). */
  options: { logger?: Logger } = {},
): Promise<DatabaseHandle> {
  const { logger } = options;
  if ("url" in target) {
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema, casing, logger });
    await migratePostgres(db, { migrationsFolder });
    return { db, kind: "server", close: () => client.end({ timeout: 5 }) };
  }
  let client: PGlite;
  if ("dataDir" in target) {
    const dir = path.resolve(target.dataDir, "pglite");
    // PGlite creates only the last folder of the path itself.
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  } else {
    client = new PGlite();
  }
  const db = drizzlePglite({ client, schema, casing, logger });
  await migratePglite(db, { migrationsFolder });
  return { db, kind: "embedded", close: () => client.close() };
}

type Holder = { opening?: Promise<DatabaseHandle> };
// One handle per process (PGlite allows one connection); survives Vite's dev reloads.
const globalStore = globalThis as { __werkbankDatabase?: Holder };
globalStore.__werkbankDatabase ??= {};
const holder: Holder = globalStore.__werkbankDatabase;

/** The process-wide database, opened on first use. A failed open is retried on the next call. */
export function getDatabase(target: () => DatabaseTarget): Promise<DatabaseHandle> {
  if (!holder.opening) {
    holder.opening = openDatabase(target()).catch((error: unknown) => {
      holder.opening = undefined;
      throw error;
    });
  }
  return holder.opening;
}

/** Makes an already opened database the process-wide one (tests, scripts). */
export function installDatabase(handle: DatabaseHandle): void {
  holder.opening = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const opening = holder.opening;
  holder.opening = undefined;
  if (opening) await (await opening).close();
}
