import { afterAll } from "vitest";
import { type DatabaseHandle, installDatabase, openDatabase } from "#db/client.server.ts";
import { upsertReferenceData } from "#db/seed/reference-data.server.ts";

/**
 * A real PostgreSQL engine for this test file: the server from TEST_DATABASE_URL (CI), or
 * an in-memory PGlite. It becomes the app's database too, so routes called by the test use
 * it. Tests never rely on rows they did not create (see tests/factories).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const handle = await openDatabase(url ? { url } : { inMemory: true });
  await upsertReferenceData(handle.db);
  installDatabase(handle);
  afterAll(() => handle.close());
  return handle;
}
