import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateEmbedded, migrateServer, pendingMigrations } from "./migrate.server.ts";
import * as schema from "./schema/index.ts";

/** Types both drivers: code above this file never knows which one runs. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = {
  db: Database;
  /** "embedded" is PGlite (on disk or in memory), "server" a PostgreSQL server. */
  kind: "embedded" | "server";
  close: () => Promise<void>;
};

export type DatabaseTarget =
  | {
      url: string;
      /** Connections this process keeps at most (DATABASE_POOL_MAX). */
      poolMax?: number;
      /** false behind PgBouncer in transaction mode, which cannot keep prepared statements. */
      prepare?: boolean;
    }
  | { dataDir: string }
  | { inMemory: true };
// Must match drizzle.config.ts, or queries and migrations disagree on column names.
const casing = "snake_case";

/** Opens a database and brings its schema up to date with the committed migrations. */
export async function openDatabase(
  target: DatabaseTarget,
  /** Sees every statement Drizzle sends (the query-count test counts them). */
  options: {
    logger?: Logger;
    /**
     * false: leave migrations to a release step (`npm run db:migrate`, MIGRATE_ON_START=false) and
     * refuse to start on a database that lacks some, rather than run on a schema the code does not know.
     */
    migrate?: boolean;
  } = {},
): Promise<DatabaseHandle> {
  const { logger, migrate = true } = options;
  if ("url" in target) {
    const client = postgres(target.url, {
      max: target.poolMax ?? 10,
      prepare: target.prepare ?? true,
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client, schema, casing, logger });
    try {
      if (migrate) await migrateServer(client, db);
      else await refuseOutdatedSchema(client);
    } catch (error) {
      await client.end({ timeout: 5 });
      throw error;
    }
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
  await migrateEmbedded(db);
  return { db, kind: "embedded", close: () => client.close() };
}

async function refuseOutdatedSchema(client: postgres.Sql): Promise<void> {
  const { committed, applied } = await pendingMigrations(client);
  if (applied >= committed) return;
  throw new Error(
    `Die Datenbank hat ${applied} von ${committed} Migrationen. MIGRATE_ON_START=false: ` +
      "erst `npm run db:migrate` ausführen, dann die App starten.",
  );
}

type Holder = { opening?: Promise<DatabaseHandle> };
// One handle per process (PGlite allows one connection); survives Vite's dev reloads.
const globalStore = globalThis as { __werkbankDatabase?: Holder };
globalStore.__werkbankDatabase ??= {};
const holder: Holder = globalStore.__werkbankDatabase;

/** The process-wide database, opened on first use. A failed open is retried on the next call. */
export function getDatabase(
  target: () => DatabaseTarget,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  if (!holder.opening) {
    holder.opening = openDatabase(target(), options).catch((error: unknown) => {
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
