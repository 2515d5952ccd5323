import { and, eq, isNull } from "drizzle-orm";
import { auditEvents, invitations, occupations, organizations, schoolClasses } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { invitableRoles, kindOffers, requirePermission, rolesIn } from "#app/modules/permissions/permissions.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { formatInvitationCode, generateInvitationCode, hashInvitationCode } from "./invitation-code.server.ts";
import { regularEnd } from "#app/modules/training/training-year.ts";
import type { CreateInvitationInput } from "./schemas.ts";
import { requireInvitationBudget } from "./invitation-budget.server.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * Creates a single-use invitation and returns its code. The code is shown once: only its
 * hash is stored, so nobody can read it from the database later.
 */
export async function createInvitation({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CreateInvitationInput & { organizationId: string };
}): Promise<{ id: string; code: string; expiresAt: Date }> {
  requirePermission(ctx.actor, "invitations.manage", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const [organization] = await tx
      .select({ id: organizations.id, kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .limit(1);
    if (!organization) throw new NotFoundError("organization");
    if (!invitableRoles(ctx.actor, organization).includes(input.role)) throw new ForbiddenError("invitation.role");

    const isApprentice = input.role === "apprentice";
    const withApprenticeship =
      isApprentice &&
      kindOffers(organization.kind, "team.view") &&
      input.occupationId !== undefined &&
      input.startsOn !== undefined;
    let plannedEndOn: string | null = null;
    if (withApprenticeship && input.occupationId && input.startsOn) {
      const [occupation] = await tx
        .select({ durationMonths: occupations.durationMonths })
        .from(occupations)
        .where(eq(occupations.id, input.occupationId));
      if (!occupation) throw new NotFoundError("occupation");
      plannedEndOn = input.plannedEndOn ?? regularEnd(input.startsOn, occupation.durationMonths);
    }
    // A class id from the form must belong to this very school, checked inside the transaction.
    const classId = isApprentice && kindOffers(organization.kind, "classes.view") ? input.classId : undefined;
    if (classId) {
      const [schoolClass] = await tx
        .select({ id: schoolClasses.id })
        .from(schoolClasses)
        .where(
          and(
            eq(schoolClasses.id, classId),
            eq(schoolClasses.schoolId, organization.id),
            isNull(schoolClasses.archivedAt),
          ),
        );
      if (!schoolClass) throw new NotFoundError("class");
    }

    await requireInvitationBudget(tx, ctx.actor.id, ctx.now);
    return insertInvitation(tx, {
      organizationId: organization.id,
      role: input.role,
      label: input.label,
      validDays: input.validDays,
      createdById: ctx.actor.id,
      now: ctx.now,
      occupationId: withApprenticeship ? input.occupationId : null,
      startsOn: withApprenticeship ? input.startsOn : null,
      plannedEndOn,
      // The inviting trainer becomes the responsible trainer; an admin leaves it open.
      trainerId: withApprenticeship && rolesIn(ctx.actor, organization.id).includes("trainer") ? ctx.actor.id : null,
      classId: classId ?? null,
    });
  });
}

/**
 * Writes an invitation with a fresh code, and its audit event, inside the caller's transaction;
 * returns the code, shown once. Trusts its caller: `createInvitation` above and the operator's
 * first invitation decide who may, and which role and details.
 */
export async function insertInvitation(
  tx: Database,
  input: {
    organizationId: string;
    role: Role;
    label: string;
    validDays: number;
    createdById: string;
    now: Date;
    occupationId?: string | null;
    startsOn?: string | null;
    plannedEndOn?: string | null;
    trainerId?: string | null;
    classId?: string | null;
    /** From a class list import: the e-mail the school knows for the student. */
    email?: string | null;
  },
): Promise<{ id: string; code: string; expiresAt: Date }> {
  const code = generateInvitationCode();
  const expiresAt = new Date(input.now.getTime() + input.validDays * DAY);
  const [row] = await tx
    .insert(invitations)
    .values({
      organizationId: input.organizationId,
      role: input.role,
      label: input.label,
      codeHash: hashInvitationCode(code),
      createdById: input.createdById,
      createdAt: input.now,
      expiresAt,
      occupationId: input.occupationId ?? null,
      startsOn: input.startsOn ?? null,
      plannedEndOn: input.plannedEndOn ?? null,
      trainerId: input.trainerId ?? null,
      classId: input.classId ?? null,
      email: input.email ?? null,
    })
    .returning({ id: invitations.id });
  if (!row) throw new Error("insert returned no row");
  await tx.insert(auditEvents).values({
    actorId: input.createdById,
    organizationId: input.organizationId,
    action: "invitation.created",
    targetId: row.id,
    details: { role: input.role },
  });
  return { id: row.id, code: formatInvitationCode(code), expiresAt };
}
