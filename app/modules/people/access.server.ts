import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { memberships } from "#db/schema/index.ts";
import type { Role } from "#app/modules/permissions/roles.ts";

/** The person's memberships in the organisation, active and left, read in the caller's transaction. */
export async function membershipsOf(db: Database, organizationId: string, userId: string) {
  return db
    .select({ id: memberships.id, role: memberships.role, deactivatedAt: memberships.deactivatedAt })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

/** How many active admins the organisation has, locking their rows until the transaction ends. */
export async function activeAdminIds(db: Database, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, "admin" satisfies Role),
        isNull(memberships.deactivatedAt),
      ),
    )
    .for("update");
  return rows.map((row) => row.userId);
}
