import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { auditEvents, organizationOccupations, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { insertInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { requireOperator } from "#app/modules/permissions/permissions.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { findOrganization, invitationRolesFor, knownOccupationIds } from "./organizations.server.ts";
import type { CreateOrganizationInput, firstInvitationRoles, UpdateOrganizationInput } from "./schemas.ts";
import { requireInvitationBudget } from "#app/modules/orgs/invitation-budget.server.ts";

type Refused = { ok: false; reason: "duplicate" | "inactive" };

/** Another organisation of this name in this town (case and spaces aside): a double submit, or a mix-up. */
async function nameTaken(db: Database, input: { name: string; town: string; except?: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        sql`lower(trim(${organizations.name})) = lower(${input.name.trim()})`,
        sql`lower(trim(${organizations.town})) = lower(${input.town.trim()})`,
        input.except ? ne(organizations.id, input.except) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

async function setOccupations(tx: Database, organizationId: string, occupationIds: string[]) {
  await tx.delete(organizationOccupations).where(eq(organizationOccupations.organizationId, organizationId));
  const known = await knownOccupationIds(tx, occupationIds);
  if (known.length > 0) {
    await tx.insert(organizationOccupations).values(known.map((occupationId) => ({ organizationId, occupationId })));
  }
  return known.length;
}

/** A new company, school or training centre, with the occupations it trains or teaches. */
export async function createOrganizationAsOperator({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateOrganizationInput;
}): Promise<{ ok: true; id: string } | Refused> {
  requireOperator(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    // A second submit of the same form finds the first one's organisation and is refused.
    if (await nameTaken(tx, input)) return { ok: false, reason: "duplicate" } as const;
    const [row] = await tx
      .insert(organizations)
      .values({ kind: input.kind, name: input.name, town: input.town, state: input.state, createdAt: ctx.now })
      .returning({ id: organizations.id });
    if (!row) throw new Error("insert returned no row");
    const occupationCount = await setOccupations(tx, row.id, input.occupationIds);
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: row.id,
      action: "organization.created",
      targetId: row.id,
      details: {
        kind: input.kind,
        name: input.name,
        town: input.town,
        state: input.state,
        occupations: occupationCount,
      },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** Name, town, Land and occupations; the kind stays (the roles of its people depend on it). */
export async function updateOrganizationAsOperator({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: UpdateOrganizationInput & { organizationId: string };
}): Promise<{ ok: true } | Refused> {
  requireOperator(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const before = await findOrganization(tx, input.organizationId);
    if (!before) throw new NotFoundError("organization");
    if (await nameTaken(tx, { ...input, except: before.id })) return { ok: false, reason: "duplicate" } as const;
    await tx
      .update(organizations)
      .set({ name: input.name, town: input.town, state: input.state })
      .where(eq(organizations.id, before.id));
    const occupationCount = await setOccupations(tx, before.id, input.occupationIds);
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: before.id,
      action: "organization.updated",
      targetId: before.id,
      details: {
        fromName: before.name,
        name: input.name,
        fromTown: before.town,
        town: input.town,
        fromState: before.state,
        state: input.state,
        occupations: occupationCount,
      },
    });
    return { ok: true } as const;
  });
}

/**
 * Deactivates or reactivates. Nothing is deleted; while deactivated, the organisation's people
 * cannot act there from their next request on (loadActor leaves such memberships out). Doing it
 * twice changes nothing and writes no second audit event.
 */
export async function setOrganizationActive({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; active: boolean };
}): Promise<void> {
  requireOperator(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const organization = await findOrganization(tx, input.organizationId);
    if (!organization) throw new NotFoundError("organization");
    const changed = await tx
      .update(organizations)
      .set({ deactivatedAt: input.active ? null : ctx.now })
      .where(
        and(
          eq(organizations.id, organization.id),
          input.active ? isNotNull(organizations.deactivatedAt) : isNull(organizations.deactivatedAt),
        ),
      )
      .returning({ id: organizations.id });
    if (changed.length === 0) return;
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: organization.id,
      action: input.active ? "organization.reactivated" : "organization.deactivated",
      targetId: organization.id,
    });
  });
}

/**
 * The organisation's first invitation (an admin, trainer or teacher, as its kind has them): the
 * way its people come in. The same invitations as the organisation's own (one code, once).
 */
export async function createFirstInvitation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; role: (typeof firstInvitationRoles)[number]; label: string; validDays: number };
}): Promise<({ ok: true } & { code: string; expiresAt: Date }) | Refused> {
  requireOperator(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const organization = await findOrganization(tx, input.organizationId);
    if (!organization) throw new NotFoundError("organization");
    if (!invitationRolesFor(organization.kind).includes(input.role)) throw new ForbiddenError("invitation.role");
    // Nobody could act on it: whoever accepted would belong to an organisation that is switched off.
    if (organization.deactivatedAt) return { ok: false, reason: "inactive" } as const;
    await requireInvitationBudget(tx, ctx.actor.id, ctx.now);
    const created = await insertInvitation(tx, {
      organizationId: organization.id,
      role: input.role,
      label: input.label,
      validDays: input.validDays,
      createdById: ctx.actor.id,
      now: ctx.now,
    });
    return { ok: true, code: created.code, expiresAt: created.expiresAt } as const;
  });
}
