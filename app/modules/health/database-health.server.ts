import { sql } from "drizzle-orm";
import { appDatabase } from "#app/utils/db.server.ts";

/** For load balancers and uptime checks: true only when the database answers a query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    const { db } = await appDatabase();
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    console.error("healthz: database unavailable", error);
    return false;
  }
}
