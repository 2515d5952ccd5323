import { openDatabase } from "#db/client.server.ts";

/**
 * With TEST_DATABASE_URL (CI), apply the migrations once before the workers start, so
 * that parallel test files never race to create the same tables.
 */
export default async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const handle = await openDatabase({ url });
  await handle.close();
}
