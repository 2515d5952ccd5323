import { sql } from "drizzle-orm";
import type { Database } from "../client.server.ts";
import { occupations } from "../schema/index.ts";
import { occupationList } from "./occupations.ts";

/** Inserts or renames the known occupations; codes are stable, so this is safe on every start. */
export async function upsertReferenceData(db: Database): Promise<void> {
  await db
    .insert(occupations)
    .values([...occupationList])
    .onConflictDoUpdate({
      target: occupations.code,
      set: { name: sql`excluded.name`, durationMonths: sql`excluded.duration_months` },
    });
}
