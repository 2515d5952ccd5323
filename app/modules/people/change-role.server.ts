import { and, eq } from "drizzle-orm";
import { auditEvents, memberships, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { invitableRoles, requirePermission } from "#app/modules/permissions/permissions.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { activeAdminIds, membershipsOf } from "./access.server.ts";

export type PeopleRefusal = { ok: false; error: string };

/**
 * An admin changes one of a member's roles to another the admin could hand out by invitation.
 * The last active admin keeps the role: without one, nobody could manage the organisation.
 */
export async function changeRole({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; userId: string; from: Role; role: Role };
}): Promise<{ ok: true; changed: boolean } | PeopleRefusal> {
  requirePermission(ctx.actor, "people.manage", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const [organization] = await tx
      .select({ id: organizations.id, kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId));
    if (!organization) throw new NotFoundError("organization");
    const held = await membershipsOf(tx, organization.id, input.userId);
    const membership = held.find((m) => m.role === input.from && m.deactivatedAt === null);
    if (!membership) throw new NotFoundError("membership");
    if (input.from === input.role) return { ok: true as const, changed: false };
    if (!invitableRoles(ctx.actor, organization).includes(input.role)) {
      return { ok: false as const, error: "errors.people.roleNotAllowed" };
    }
    if (held.some((m) => m.role === input.role)) return { ok: false as const, error: "errors.people.roleHeld" };
    if (input.from === "admin") {
      const admins = await activeAdminIds(tx, organization.id);
      if (admins.filter((id) => id !== input.userId).length === 0) {
        return { ok: false as const, error: "errors.people.lastAdmin" };
      }
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.id, membership.id), eq(memberships.role, input.from)));
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: organization.id,
      action: "membership.role_changed",
      targetId: input.userId,
      details: { from: input.from, to: input.role },
      at: ctx.now,
    });
    return { ok: true as const, changed: true };
  });
}
