import { and, eq, isNull } from "drizzle-orm";
import { auditEvents, memberships, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { issuePasswordCode } from "#app/modules/auth/password-codes.server.ts";
import { giveBack, type Limit, takeSlot } from "#app/modules/auth/rate-limit.server.ts";
import { formatInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";
import { can, requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";

/** Password codes per person who makes them: plenty for a class, few for a stolen session. */
export const resetCodeLimit: Limit = { max: 30, windowMs: 60 * 60 * 1000 };

/**
 * A one-time code (24 hours) with which a member sets a new password, handed over in person:
 * an admin for any active member, a trainer for the organisation's active apprentices only.
 * Never for oneself (that is "Mein Konto") nor for an operator of the instance.
 */
export async function createResetCode({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; userId: string };
}): Promise<{ ok: true; code: string; expiresAt: Date; name: string } | { ok: false; error: string }> {
  requirePermission(ctx.actor, "passwords.reset", input.organizationId);
  const held = await ctx.db
    .select({ role: memberships.role, name: users.name, platformRole: users.platformRole, disabled: users.disabled })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, input.organizationId),
        eq(memberships.userId, input.userId),
        isNull(memberships.deactivatedAt),
      ),
    );
  const first = held[0];
  const manages = can(ctx.actor, "people.manage", input.organizationId);
  // A trainer's reach: people who are nothing but apprentices here.
  const reachable = manages || (held.length > 0 && held.every((m) => m.role === "apprentice"));
  if (!first || first.disabled || !reachable) throw new NotFoundError("person");
  if (input.userId === ctx.actor.id) return { ok: false as const, error: "errors.people.resetSelf" };
  if (first.platformRole !== null) return { ok: false as const, error: "errors.people.resetOperator" };

  const key = `reset-code:${ctx.actor.id}`;
  const slot = await takeSlot(ctx.db, key, resetCodeLimit, ctx.now);
  if (!slot.allowed) return { ok: false as const, error: "errors.people.resetTooMany" };
  try {
    const issued = await ctx.db.transaction(async (tx) => {
      const code = await issuePasswordCode(tx, {
        userId: input.userId,
        purpose: "reset",
        createdById: ctx.actor.id,
        now: ctx.now,
      });
      await tx.insert(auditEvents).values({
        actorId: ctx.actor.id,
        organizationId: input.organizationId,
        action: "password.code_issued",
        targetId: input.userId,
        details: { from: null, to: code.expiresAt.toISOString() },
        at: ctx.now,
      });
      return code;
    });
    return {
      ok: true as const,
      code: formatInvitationCode(issued.code),
      expiresAt: issued.expiresAt,
      name: first.name,
    };
  } catch (error) {
    await giveBack(ctx.db, key);
    throw error;
  }
}
