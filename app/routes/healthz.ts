import { sql } from "drizzle-orm";
import { appDatabase } from "#app/utils/db.server.ts";

// For load balancers and uptime checks: 200 only when the database answers a query.
export async function loader() {
  try {
    const { db } = await appDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database unavailable", error);
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
