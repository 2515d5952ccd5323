import { type DatabaseHandle, getDatabase } from "#db/client.server.ts";
import { env } from "./env.server.ts";

/**
 * The app's database: PostgreSQL when DATABASE_URL is set, otherwise PGlite under DATA_DIR.
 * Migrations run when it opens unless MIGRATE_ON_START=false (then `npm run db:migrate`, which
 * passes `migrate: true`, is the release step).
 */
export function appDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  return getDatabase(
    () => {
      const { DATABASE_URL, DATA_DIR, DATABASE_POOL_MAX, DATABASE_POOL_MODE } = env();
      return DATABASE_URL
        ? { url: DATABASE_URL, poolMax: DATABASE_POOL_MAX, prepare: DATABASE_POOL_MODE !== "pgbouncer" }
        : { dataDir: DATA_DIR };
    },
    { migrate: options.migrate ?? env().MIGRATE_ON_START },
  );
}
