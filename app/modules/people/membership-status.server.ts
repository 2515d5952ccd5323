import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { auditEvents, memberships } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { activeAdminIds, membershipsOf } from "./access.server.ts";
import type { PeopleRefusal } from "./change-role.server.ts";

/**
 * "Hat den Betrieb verlassen": every membership of the person in the organisation ends now.
 * Their access ends with their next request (the actor is loaded per request); nothing they did
 * is deleted. Admins cannot mark themselves, so the last admin can never lock everyone out.
 */
export async function deactivateMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; userId: string };
}): Promise<{ ok: true; changed: boolean } | PeopleRefusal> {
  requirePermission(ctx.actor, "people.manage", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const held = await membershipsOf(tx, input.organizationId, input.userId);
    if (held.length === 0) throw new NotFoundError("membership");
    if (input.userId === ctx.actor.id) return { ok: false as const, error: "errors.people.notYourself" };
    if (held.some((m) => m.role === "admin" && m.deactivatedAt === null)) {
      const admins = await activeAdminIds(tx, input.organizationId);
      if (admins.filter((id) => id !== input.userId).length === 0) {
        return { ok: false as const, error: "errors.people.lastAdmin" };
      }
    }
    // Only active rows change, so a second click changes nothing and writes no second event.
    const ended = await tx
      .update(memberships)
      .set({ deactivatedAt: ctx.now })
      .where(
        and(
          eq(memberships.organizationId, input.organizationId),
          eq(memberships.userId, input.userId),
          isNull(memberships.deactivatedAt),
        ),
      )
      .returning({ id: memberships.id });
    if (ended.length === 0) return { ok: true as const, changed: false };
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: input.organizationId,
      action: "membership.deactivated",
      targetId: input.userId,
      details: { from: "active", to: "left" },
      at: ctx.now,
    });
    return { ok: true as const, changed: true };
  });
}

/** Undoes a leave: the person's memberships in the organisation count again. */
export async function reactivateMember({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; userId: string };
}): Promise<{ ok: true; changed: boolean }> {
  requirePermission(ctx.actor, "people.manage", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const held = await membershipsOf(tx, input.organizationId, input.userId);
    if (held.length === 0) throw new NotFoundError("membership");
    const back = await tx
      .update(memberships)
      .set({ deactivatedAt: null })
      .where(
        and(
          eq(memberships.organizationId, input.organizationId),
          eq(memberships.userId, input.userId),
          isNotNull(memberships.deactivatedAt),
        ),
      )
      .returning({ id: memberships.id });
    if (back.length === 0) return { ok: true as const, changed: false };
    await tx.insert(auditEvents).values({
      actorId: ctx.actor.id,
      organizationId: input.organizationId,
      action: "membership.reactivated",
      targetId: input.userId,
      details: { from: "left", to: "active" },
      at: ctx.now,
    });
    return { ok: true as const, changed: true };
  });
}
