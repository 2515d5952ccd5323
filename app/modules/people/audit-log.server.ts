import { count, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditEvents, organizations, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";

export const AUDIT_PAGE_SIZE = 50;

/** The organisation's audit trail for its admins, newest first, one page of 50 at a time. */
export async function auditLog(ctx: Ctx, input: { organizationId: string; page: number }) {
  requirePermission(ctx.actor, "audit.view", input.organizationId);
  const { db } = ctx;
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, input.organizationId));
  if (!organization) throw new NotFoundError("organization");
  const actor = alias(users, "actor");
  const target = alias(users, "target");
  const [events, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        details: auditEvents.details,
        actorName: actor.name,
        targetName: target.name,
      })
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorId))
      .leftJoin(target, eq(target.id, auditEvents.targetId))
      .where(eq(auditEvents.organizationId, organization.id))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((input.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.organizationId, organization.id)),
  ]);
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / AUDIT_PAGE_SIZE));
  return { organization, events, page: input.page, pages };
}
