import { and, eq, isNull } from "drizzle-orm";
import { apprenticeships, auditEvents, memberships } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { can, requirePermission } from "#app/modules/permissions/permissions.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { membershipsOf } from "./access.server.ts";

export type EndApprenticeshipResult =
  | { ok: true; changed: boolean; name: string }
  | { ok: false; field: "lastDay"; error: string };

/**
 * Betriebswechsel or Abbruch in one step: the apprenticeship here ends on its last day and the
 * apprentice is signed out of this company at once, so its staff see nothing of what they do
 * afterwards. Their account and everything they did stay theirs; the new company invites them and
 * they join with the same account. The last day is today or earlier: until it has come, they are
 * still this company's apprentice. A second submit changes nothing.
 */
export async function endApprenticeship({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { organizationId: string; apprenticeshipId: string; lastDay: string };
}): Promise<EndApprenticeshipResult> {
  requirePermission(ctx.actor, "apprenticeships.end", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const [contract] = await tx
      .select({
        apprenticeId: apprenticeships.apprenticeId,
        startsOn: apprenticeships.startsOn,
        actualEndOn: apprenticeships.actualEndOn,
      })
      .from(apprenticeships)
      .where(and(eq(apprenticeships.id, input.apprenticeshipId), eq(apprenticeships.companyId, input.organizationId)))
      .for("update");
    if (!contract) throw new NotFoundError("apprenticeship");
    const held = await membershipsOf(tx, input.organizationId, contract.apprenticeId);
    // A trainer's reach, as for password codes: people who are nothing but apprentices here.
    const reachable =
      can(ctx.actor, "people.manage", input.organizationId) || held.every((m) => m.role === "apprentice");
    if (held.length === 0 || !reachable || contract.apprenticeId === ctx.actor.id) {
      throw new NotFoundError("apprenticeship");
    }
    const name = (await tx.query.users.findFirst({ where: (u, { eq }) => eq(u.id, contract.apprenticeId) }))?.name;
    if (input.lastDay < contract.startsOn) return refuse("errors.people.actualEndBeforeStart");
    if (input.lastDay > todayInGermany(ctx.now)) return refuse("errors.people.lastDayAhead");

    const stillHere = held.some((m) => m.deactivatedAt === null);
    if (contract.actualEndOn === input.lastDay && !stillHere) return { ok: true, changed: false, name: name ?? "" };
    await tx
      .update(apprenticeships)
      .set({ actualEndOn: input.lastDay })
      .where(eq(apprenticeships.id, input.apprenticeshipId));
    await tx
      .update(memberships)
      .set({ deactivatedAt: ctx.now })
      .where(
        and(
          eq(memberships.organizationId, input.organizationId),
          eq(memberships.userId, contract.apprenticeId),
          isNull(memberships.deactivatedAt),
        ),
      );
    const event = { actorId: ctx.actor.id, organizationId: input.organizationId, targetId: contract.apprenticeId };
    await tx.insert(auditEvents).values([
      {
        ...event,
        action: "apprenticeship.ended",
        details: { from: contract.actualEndOn, to: input.lastDay },
        at: ctx.now,
      },
      ...(stillHere
        ? [{ ...event, action: "membership.deactivated", details: { from: "active", to: "left" }, at: ctx.now }]
        : []),
    ]);
    return { ok: true, changed: true, name: name ?? "" };
  });
}

function refuse(error: string): EndApprenticeshipResult {
  return { ok: false, field: "lastDay", error };
}
