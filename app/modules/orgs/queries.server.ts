import { and, asc, count, desc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server.ts";
import { invitations, memberships, organizations, schoolClasses, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { occupationChoices } from "#app/modules/training/occupation-choices.server.ts";
import { type OrganizationPermission, requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { hashInvitationCode, isWellFormedInvitationCode } from "./invitation-code.server.ts";

/** The organisation, if the actor holds the permission there; otherwise 404/403. */
export async function getOrganizationFor(ctx: Ctx, organizationId: string, permission: OrganizationPermission) {
  requirePermission(ctx.actor, permission, organizationId);
  const [organization] = await ctx.db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, town: organizations.town })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!organization) throw new NotFoundError("organization");
  return organization;
}

export type InvitationStatus = "open" | "used" | "expired" | "revoked";

export function invitationStatus(
  invitation: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.usedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "open";
}

export async function listInvitations(ctx: Ctx, organizationId: string) {
  requirePermission(ctx.actor, "invitations.manage", organizationId);
  const usedBy = alias(users, "used_by");
  const rows = await ctx.db
    .select({
      id: invitations.id,
      label: invitations.label,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      usedByName: usedBy.name,
    })
    .from(invitations)
    .leftJoin(usedBy, eq(usedBy.id, invitations.usedById))
    .where(eq(invitations.organizationId, organizationId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((row) => ({ ...row, status: invitationStatus(row, ctx.now) }));
}

/** What the invitation form offers: occupations, and the classes of a school. */
export async function invitationFormOptions(ctx: Ctx, organizationId: string) {
  requirePermission(ctx.actor, "invitations.manage", organizationId);
  const { db } = ctx;
  const [occupationRows, classRows] = await Promise.all([
    occupationChoices(db, organizationId),
    db
      .select({ id: schoolClasses.id, name: schoolClasses.name })
      .from(schoolClasses)
      .where(and(eq(schoolClasses.schoolId, organizationId), isNull(schoolClasses.archivedAt)))
      .orderBy(asc(schoolClasses.name)),
  ]);
  return { occupations: occupationRows, classes: classRows };
}

/**
 * What an invitee may see before accepting: organisation and role, nothing about the
 * inviter's other data. Null for unknown, used, revoked or expired codes alike.
 */
export async function findOpenInvitation(db: Database, code: string, now: Date) {
  if (!isWellFormedInvitationCode(code)) return null;
  const [row] = await db
    .select({
      id: invitations.id,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      organizationName: organizations.name,
      organizationTown: organizations.town,
      organizationKind: organizations.kind,
      multiUse: invitations.multiUse,
      className: schoolClasses.name,
      classArchivedAt: schoolClasses.archivedAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(schoolClasses, eq(schoolClasses.id, invitations.classId))
    // A deactivated organisation takes nobody in: its codes are as good as revoked.
    .where(and(eq(invitations.codeHash, hashInvitationCode(code)), isNull(organizations.deactivatedAt)))
    .limit(1);
  // A class code of an archived class leads nowhere any more.
  if (!row || invitationStatus(row, now) !== "open" || row.classArchivedAt) return null;
  return row;
}

export async function countOpenInvitations(ctx: Ctx, organizationId: string): Promise<number> {
  requirePermission(ctx.actor, "invitations.manage", organizationId);
  const [row] = await ctx.db
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, ctx.now),
      ),
    );
  return row?.n ?? 0;
}

/** The active members (one row per role), for the home page's count; the people page has the rest. */
export async function listMembers(ctx: Ctx, organizationId: string) {
  requirePermission(ctx.actor, "members.view", organizationId);
  return ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), isNull(memberships.deactivatedAt)))
    .orderBy(asc(memberships.role), asc(users.name));
}
