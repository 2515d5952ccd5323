import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  apprenticeships,
  classEnrollments,
  occupations,
  organizations,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { teamRoster } from "#app/modules/permissions/rosters.server.ts";
import { byGermanName } from "#app/utils/sort.ts";
import { todayInGermany, trainingYear } from "./training-year.ts";

const trainer = alias(users, "trainer");

/** "Meine Ausbildung": the actor's own apprenticeships and school classes. */
export async function myTraining(ctx: Ctx) {
  const today = todayInGermany(ctx.now);
  const [contracts, classes] = await Promise.all([
    ctx.db
      .select({
        id: apprenticeships.id,
        companyName: organizations.name,
        companyTown: organizations.town,
        occupationName: occupations.name,
        trainerName: trainer.name,
        startsOn: apprenticeships.startsOn,
        plannedEndOn: apprenticeships.plannedEndOn,
      })
      .from(apprenticeships)
      .innerJoin(organizations, eq(organizations.id, apprenticeships.companyId))
      .innerJoin(occupations, eq(occupations.id, apprenticeships.occupationId))
      .leftJoin(trainer, eq(trainer.id, apprenticeships.trainerId))
      .where(eq(apprenticeships.apprenticeId, ctx.actor.id))
      .orderBy(asc(apprenticeships.startsOn)),
    ctx.db
      .select({ id: schoolClasses.id, name: schoolClasses.name, schoolName: organizations.name })
      .from(classEnrollments)
      .innerJoin(schoolClasses, eq(schoolClasses.id, classEnrollments.classId))
      .innerJoin(organizations, eq(organizations.id, schoolClasses.schoolId))
      .where(and(eq(classEnrollments.apprenticeId, ctx.actor.id), isNull(schoolClasses.archivedAt)))
      .orderBy(asc(schoolClasses.name)),
  ]);
  return {
    apprenticeships: contracts.map((c) => ({ ...c, trainingYear: trainingYear(c.startsOn, today) })),
    classes,
  };
}

/**
 * "Mein Team": every apprentice of the company (the team roster), once each, with their latest
 * apprenticeship there if one is recorded.
 */
export async function companyTeam(ctx: Ctx, companyId: string) {
  requirePermission(ctx.actor, "team.view", companyId);
  const today = todayInGermany(ctx.now);
  const rows = await ctx.db
    .selectDistinctOn([users.id], {
      userId: users.id,
      name: users.name,
      occupationName: occupations.name,
      trainerName: trainer.name,
      startsOn: apprenticeships.startsOn,
      plannedEndOn: apprenticeships.plannedEndOn,
    })
    .from(users)
    .leftJoin(
      apprenticeships,
      and(eq(apprenticeships.apprenticeId, users.id), eq(apprenticeships.companyId, companyId)),
    )
    .leftJoin(occupations, eq(occupations.id, apprenticeships.occupationId))
    .leftJoin(trainer, eq(trainer.id, apprenticeships.trainerId))
    .where(teamRoster.where(companyId, users.id))
    .orderBy(users.id, desc(apprenticeships.startsOn));
  return rows
    .sort(byGermanName)
    .map((row) => ({ ...row, trainingYear: row.startsOn ? trainingYear(row.startsOn, today) : null }));
}

/** "Meine Klassen": the school's classes with their students and the companies they come from. */
export async function schoolClassesWithStudents(ctx: Ctx, schoolId: string) {
  requirePermission(ctx.actor, "classes.view", schoolId);
  const company = alias(organizations, "company");
  const [classes, students] = await Promise.all([
    ctx.db
      .select({
        id: schoolClasses.id,
        name: schoolClasses.name,
        trainingYear: schoolClasses.trainingYear,
        occupationName: occupations.name,
      })
      .from(schoolClasses)
      .leftJoin(occupations, eq(occupations.id, schoolClasses.occupationId))
      .where(and(eq(schoolClasses.schoolId, schoolId), isNull(schoolClasses.archivedAt)))
      .orderBy(asc(schoolClasses.name)),
    // One row per student and class: of several apprenticeships, the latest names the company.
    ctx.db
      .selectDistinctOn([classEnrollments.classId, users.id], {
        classId: classEnrollments.classId,
        userId: users.id,
        name: users.name,
        companyName: company.name,
      })
      .from(classEnrollments)
      .innerJoin(schoolClasses, eq(schoolClasses.id, classEnrollments.classId))
      .innerJoin(users, eq(users.id, classEnrollments.apprenticeId))
      .leftJoin(apprenticeships, eq(apprenticeships.apprenticeId, users.id))
      .leftJoin(company, eq(company.id, apprenticeships.companyId))
      .where(eq(schoolClasses.schoolId, schoolId))
      .orderBy(classEnrollments.classId, users.id, desc(apprenticeships.startsOn))
      .then((rows) => rows.sort(byGermanName)),
  ]);
  return classes.map((schoolClass) => {
    const inClass = students.filter((s) => s.classId === schoolClass.id);
    return {
      ...schoolClass,
      students: inClass.map(({ userId, name, companyName }) => ({ userId, name, companyName })),
      companyCount: new Set(inClass.map((s) => s.companyName).filter(Boolean)).size,
    };
  });
}
