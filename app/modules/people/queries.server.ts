import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { apprenticeships, memberships, occupations, organizations, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { occupationChoices } from "#app/modules/training/occupation-choices.server.ts";
import { can, invitableRoles, requirePermission } from "#app/modules/permissions/permissions.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { todayInGermany, trainingYear } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";

export type PersonRole = { role: Role; active: boolean };

/**
 * The people page: an admin sees every member (active and left) with roles, last sign-in and
 * apprenticeships; a trainer only the apprentices, and may only make password codes for them.
 */
export async function peoplePage(ctx: Ctx, organizationId: string) {
  requirePermission(ctx.actor, "people.view", organizationId);
  const { db } = ctx;
  const [organization] = await db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  if (!organization) throw new NotFoundError("organization");
  const canManage = can(ctx.actor, "people.manage", organizationId);

  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      lastSignInAt: users.lastSignInAt,
      role: memberships.role,
      deactivatedAt: memberships.deactivatedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      canManage
        ? eq(memberships.organizationId, organizationId)
        : and(eq(memberships.organizationId, organizationId), eq(memberships.role, "apprentice")),
    )
    .orderBy(asc(users.name), asc(memberships.role));

  const trainer = alias(users, "trainer");
  const userIds = [...new Set(rows.map((row) => row.userId))];
  const apprenticeshipRows =
    userIds.length === 0
      ? []
      : await db
          .select({
            id: apprenticeships.id,
            apprenticeId: apprenticeships.apprenticeId,
            occupationId: apprenticeships.occupationId,
            occupationName: occupations.name,
            startsOn: apprenticeships.startsOn,
            plannedEndOn: apprenticeships.plannedEndOn,
            actualEndOn: apprenticeships.actualEndOn,
            birthDate: apprenticeships.birthDate,
            recordRhythm: apprenticeships.recordRhythm,
            trainerId: apprenticeships.trainerId,
            trainerName: trainer.name,
          })
          .from(apprenticeships)
          .innerJoin(occupations, eq(occupations.id, apprenticeships.occupationId))
          .leftJoin(trainer, eq(trainer.id, apprenticeships.trainerId))
          .where(and(eq(apprenticeships.companyId, organizationId), inArray(apprenticeships.apprenticeId, userIds)))
          .orderBy(asc(apprenticeships.startsOn));

  const today = todayInGermany(ctx.now);
  const people = new Map<
    string,
    {
      userId: string;
      name: string;
      email: string;
      lastSignInAt: Date | null;
      roles: PersonRole[];
      active: boolean;
      isSelf: boolean;
      apprenticeships: ((typeof apprenticeshipRows)[number] & { trainingYear: number; ended: boolean })[];
    }
  >();
  for (const row of rows) {
    const person = people.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      email: row.email,
      lastSignInAt: row.lastSignInAt,
      roles: [],
      active: false,
      isSelf: row.userId === ctx.actor.id,
      apprenticeships: [],
    };
    person.roles.push({ role: row.role, active: row.deactivatedAt === null });
    person.active ||= row.deactivatedAt === null;
    people.set(row.userId, person);
  }
  for (const a of apprenticeshipRows) {
    const end = a.actualEndOn ?? a.plannedEndOn;
    people.get(a.apprenticeId)?.apprenticeships.push({
      ...a,
      // The date of birth is for the admin's form only: the trainer's view does not carry it.
      birthDate: canManage ? a.birthDate : null,
      trainingYear: trainingYear(a.startsOn, [today, end].sort()[0] ?? today),
      ended: end < today,
    });
  }
  const list = [...people.values()].sort((a, b) => Number(b.active) - Number(a.active));

  const [trainers, occupationRows] = canManage
    ? await Promise.all([
        db
          .selectDistinct({ id: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.organizationId, organizationId),
              eq(memberships.role, "trainer"),
              isNull(memberships.deactivatedAt),
            ),
          )
          .orderBy(asc(users.name)),
        occupationChoices(db, organizationId),
      ])
    : [[], []];

  return {
    organization,
    canManage,
    canAudit: can(ctx.actor, "audit.view", organizationId),
    canEndApprenticeships: can(ctx.actor, "apprenticeships.end", organizationId),
    today,
    roles: canManage ? invitableRoles(ctx.actor, organization) : [],
    people: list,
    trainers,
    occupations: occupationRows,
  };
}
export type PeoplePage = Awaited<ReturnType<typeof peoplePage>>;
