import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { occupations, organizationOccupations } from "#db/schema/index.ts";

/**
 * The occupations a form offers for an organisation: the ones it trains or teaches (set by the
 * operator) first, then every other, each part by name. All stay choosable, because a contract
 * or class may predate the organisation's list or fall outside it.
 */
export async function occupationChoices(db: Database, organizationId: string) {
  const rows = await db
    .select({
      id: occupations.id,
      name: occupations.name,
      offered: sql<boolean>`${organizationOccupations.occupationId} is not null`,
    })
    .from(occupations)
    .leftJoin(
      organizationOccupations,
      sql`${organizationOccupations.occupationId} = ${occupations.id} and ${eq(organizationOccupations.organizationId, organizationId)}`,
    )
    .orderBy(sql`${organizationOccupations.occupationId} is null`, asc(occupations.name));
  return rows.map(({ id, name }) => ({ id, name }));
}
