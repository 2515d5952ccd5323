// The bench's own database: a new database on the local PostgreSQL server (dropped at the end,
// also on failure), or with --embedded a PGlite folder in a temporary directory. Both get the
// library the way an operator loads it (scripts/content-import.ts), then the large data set.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "#db/client.server.ts";
import { isLocalDatabaseUrl } from "#db/seed/local-database.ts";

export type BenchDatabase = {
  /** Set for the PostgreSQL server; the embedded database lives in `dataDir`. */
  url?: string;
  /** Uploads (the library's pictures) and, embedded, the PGlite folder. */
  dataDir: string;
  /** What the app server needs in its environment to use this database. */
  env: Record<string, string>;
  description: string;
  open: () => Promise<DatabaseHandle>;
  drop: () => Promise<void>;
};

/** Creates an empty database next to `serverUrl`'s (a local server only: it gets test data). */
export async function createBenchDatabase(options: { embedded: boolean; serverUrl: string }): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "werkbank-bench-"));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (options.embedded) {
    return {
      dataDir,
      env: { DATA_DIR: dataDir },
      description: "the embedded PGlite (the default of `npm start`)",
      open: () => openDatabase({ dataDir }),
      drop: async () => removeDir(),
    };
  }
  if (!isLocalDatabaseUrl(options.serverUrl)) throw new Error("--postgres-url: only a server on this machine");
  const name = `werkbank_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  const admin = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(options.serverUrl);
  url.pathname = `/${name}`;
  const version = await serverVersion(url.href);
  return {
    url: url.href,
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.href },
    description: `PostgreSQL ${version} on this machine, a new database \`werkbank_bench_<time>\``,
    open: () => openDatabase({ url: url.href }),
    drop: async () => {
      removeDir();
      const sql = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return row?.server_version.split(" ")[0] ?? "?";
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The library into the bench database, by the same script an operator runs (migrations first). */
export function importLibrary(database: BenchDatabase): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/content-import.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: "", ...database.env },
  });
  if (run.status !== 0) throw new Error(`content import failed with exit code ${run.status}`);
}
