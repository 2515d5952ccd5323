import { type DatabaseHandle, getDatabase } from "#db/client.server.ts";
import { env } from "./env.server.ts";

/** The app's database: PostgreSQL when DATABASE_URL is set, otherwise PGlite under DATA_DIR. */
export function appDatabase(): Promise<DatabaseHandle> {
  return getDatabase(() => {
    const { DATABASE_URL, DATA_DIR } = env();
    return DATABASE_URL ? { url: DATABASE_URL } : { dataDir: DATA_DIR };
  });
}
