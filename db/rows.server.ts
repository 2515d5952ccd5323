import type { SQL } from "drizzle-orm";
import type { Database } from "./client.server.ts";

/**
 * Runs a hand-written SELECT and returns its rows on both drivers: postgres.js answers with an
 * array, PGlite with `{ rows }`. Cast dates and timestamps to text in the SQL, because the two
 * drivers parse them differently.
 */
export async function selectRows<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}
