import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Sql } from "postgres";

const migrationsFolder = path.resolve("db/migrations");

/**
 * Any fixed 64-bit number works; this one spells "werkbank" so no other application on the same
 * server is likely to pick it.
 */
export const migrationLockKey = 0x7765726b62616e6bn;

/**
 * Applies pending migrations on a PostgreSQL server while holding a session advisory lock, so
 * that several app processes starting together (replicas after a deploy) migrate one after the
 * other: the first applies, the others wait and then find nothing left to do.
 */
export async function migrateServer(client: Sql, db: PostgresJsDatabase<Record<string, unknown>>): Promise<void> {
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${migrationLockKey.toString()}::bigint)`;
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await lock`select pg_advisory_unlock(${migrationLockKey.toString()}::bigint)`;
    }
  } finally {
    lock.release();
  }
}

/** PGlite has a single connection in a single process: nothing to race with. */
export async function migrateEmbedded(db: PgliteDatabase<Record<string, unknown>>): Promise<void> {
  await migratePglite(db, { migrationsFolder });
}

/** How many migrations the repository has and how many the database has applied. */
export async function pendingMigrations(client: Sql): Promise<{ committed: number; applied: number }> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const committed = readMigrationFiles({ migrationsFolder }).length;
  const [table] = await client`select to_regclass('drizzle.__drizzle_migrations') as name`;
  if (!table?.name) return { committed, applied: 0 };
  const [row] = await client`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return { committed, applied: Number(row?.n ?? 0) };
}
