import postgres from "postgres";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "#db/client.server.ts";

// Replicas that start together must not race through the migrations: each process takes the
// advisory lock, the first applies everything, the others find nothing left. PGlite has no
// second connection, so this always needs a PostgreSQL server: CI's, or the local one.
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const name = `werkbank_lock_${process.pid}_${Date.now()}`;
const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).href;

afterAll(async () => {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe("migrations on a PostgreSQL server", () => {
  test("four processes opening an empty database at once apply each migration exactly once", async () => {
    await admin.unsafe(`create database ${name}`);
    const handles = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url, poolMax: 2 })));
    await Promise.all(handles.map((handle) => handle.close()));
    const check = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const rows = await check`select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`;
      const { readMigrationFiles } = await import("drizzle-orm/migrator");
      expect(rows).toHaveLength(readMigrationFiles({ migrationsFolder: "db/migrations" }).length);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      await check.end();
    }
  });

  test("with migrations left to a release step, a database that lacks some is refused with the command to run", async () => {
    const empty = `${name}_empty`;
    await admin.unsafe(`create database ${empty}`);
    try {
      const emptyUrl = Object.assign(new URL(url), { pathname: `/${empty}` }).href;
      await expect(openDatabase({ url: emptyUrl }, { migrate: false })).rejects.toThrow(/npm run db:migrate/);
      const migrated = await openDatabase({ url: emptyUrl });
      await migrated.close();
      const again = await openDatabase({ url: emptyUrl }, { migrate: false });
      await again.close();
    } finally {
      await admin.unsafe(`drop database if exists ${empty} with (force)`);
    }
  });
});
