import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { memberships, organizations, users } from "#db/schema/index.ts";
import type { Actor } from "#app/modules/context.server.ts";

/**
 * The user with their memberships, in one query. Disabled users are nobody. A deactivated
 * membership (a leaver) or organisation counts from the next request on: the actor is loaded
 * for every request, so access ends at once, not at the next sign-in.
 */
export async function loadActor(db: Database, userId: string): Promise<Actor | null> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      disabled: users.disabled,
      platformRole: users.platformRole,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.deactivatedAt)))
    .leftJoin(organizations, and(eq(organizations.id, memberships.organizationId), isNull(organizations.deactivatedAt)))
    .where(eq(users.id, userId))
    .orderBy(asc(organizations.name), asc(memberships.role));
  const first = rows[0];
  if (!first || first.disabled) return null;
  return {
    id: first.id,
    name: first.name,
    email: first.email,
    locale: first.locale,
    platformRole: first.platformRole ?? null,
    memberships: rows.flatMap((row) =>
      row.organizationId && row.organizationName && row.organizationKind && row.role
        ? [
            {
              organizationId: row.organizationId,
              organizationName: row.organizationName,
              organizationKind: row.organizationKind,
              role: row.role,
            },
          ]
        : [],
    ),
  };
}
