import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { invitations, occupations, organizationOccupations, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireOperator } from "#app/modules/permissions/permissions.ts";
import { rolesByKind } from "#app/modules/permissions/roles.ts";
import type { GermanState } from "#app/modules/shared/german-states.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { firstInvitationRoles } from "./schemas.ts";

/**
 * What an operator sees of organisations: name, kind, town, occupations and head counts. Never
 * a person's name or learning data: the queries below read no table of learning at all.
 */
// The outer organisation, named in full: a bare column in a subquery would bind to the inner table.
const outer = sql.raw(`"organizations"."id"`);
const counts = {
  members: sql<number>`(select count(distinct m.user_id)::int from memberships m
    where m.organization_id = ${outer} and m.deactivated_at is null)`,
  apprentices: sql<number>`(select count(distinct m.user_id)::int from memberships m
    where m.organization_id = ${outer} and m.role = 'apprentice' and m.deactivated_at is null)`,
  classes: sql<number>`(select count(*)::int from school_classes c
    where c.school_id = ${outer} and c.archived_at is null)`,
};

/** The Land, typed: the column's check constraint admits only these codes. */
const state = sql<GermanState>`${organizations.state}`;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listOrganizationsForOperator(ctx: Ctx, input: { q: string }) {
  requireOperator(ctx.actor);
  const filter: SQL | undefined = input.q
    ? sql`(${organizations.name} ilike ${likePattern(input.q)} or ${organizations.town} ilike ${likePattern(input.q)})`
    : undefined;
  const rows = await ctx.db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      town: organizations.town,
      state,
      deactivatedAt: organizations.deactivatedAt,
      ...counts,
    })
    .from(organizations)
    .where(filter)
    .orderBy(asc(organizations.name))
    .limit(500);
  return rows.map(({ deactivatedAt, ...row }) => ({ ...row, active: deactivatedAt === null }));
}

/** Every occupation, for the checkboxes. */
export async function occupationChoices(ctx: Ctx) {
  requireOperator(ctx.actor);
  return ctx.db.select({ id: occupations.id, name: occupations.name }).from(occupations).orderBy(asc(occupations.name));
}

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The organisation for its operator page; a malformed or unknown id is "not found". */
export async function findOrganization(db: Database, organizationId: string) {
  if (!isUuid(organizationId)) return null;
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      town: organizations.town,
      state,
      deactivatedAt: organizations.deactivatedAt,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row ?? null;
}

export async function organizationForOperator(ctx: Ctx, organizationId: string) {
  requireOperator(ctx.actor);
  const organization = await findOrganization(ctx.db, organizationId);
  if (!organization) throw new NotFoundError("organization");
  const [headCounts, chosen, [open]] = await Promise.all([
    ctx.db.select(counts).from(organizations).where(eq(organizations.id, organization.id)),
    ctx.db
      .select({ id: organizationOccupations.occupationId })
      .from(organizationOccupations)
      .where(eq(organizationOccupations.organizationId, organization.id)),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, organization.id),
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, ctx.now),
        ),
      ),
  ]);
  const { deactivatedAt, ...rest } = organization;
  return {
    organization: { ...rest, active: deactivatedAt === null, deactivatedAt },
    counts: { ...(headCounts[0] ?? { members: 0, apprentices: 0, classes: 0 }), openInvitations: open?.n ?? 0 },
    occupationIds: chosen.map((row) => row.id),
    invitationRoles: invitationRolesFor(organization.kind),
  };
}

/** Admin, trainer or teacher, as the kind of organisation has them. */
export function invitationRolesFor(kind: keyof typeof rolesByKind) {
  return firstInvitationRoles.filter((role) => rolesByKind[kind].includes(role));
}

/** Only ids of known occupations count; the rest of a posted list is dropped. */
export async function knownOccupationIds(db: Database, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db.select({ id: occupations.id }).from(occupations).where(inArray(occupations.id, unique));
  return rows.map((row) => row.id);
}
