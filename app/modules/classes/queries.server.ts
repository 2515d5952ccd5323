import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import {
  classEnrollments,
  classTeachers,
  invitations,
  memberships,
  occupations,
  organizations,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { occupationChoices } from "#app/modules/training/occupation-choices.server.ts";
import { can, requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { byGermanName } from "#app/utils/sort.ts";
import { loadSchoolClass } from "./load-class.server.ts";

const collator = new Intl.Collator("de", { sensitivity: "base" });

async function schoolOf(ctx: Ctx, schoolId: string) {
  requirePermission(ctx.actor, "classes.manage", schoolId);
  const [school] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, schoolId));
  if (!school) throw new NotFoundError("organization");
  return school;
}

/** "Klassen verwalten": every class of the school, the archived ones last, and the form's choices. */
export async function classManagement(ctx: Ctx, schoolId: string) {
  const school = await schoolOf(ctx, schoolId);
  const [classes, occupationRows] = await Promise.all([
    ctx.db
      .select({
        id: schoolClasses.id,
        name: schoolClasses.name,
        trainingYear: schoolClasses.trainingYear,
        schoolYear: schoolClasses.schoolYear,
        archivedAt: schoolClasses.archivedAt,
        occupationName: occupations.name,
        students: count(classEnrollments.apprenticeId),
      })
      .from(schoolClasses)
      .leftJoin(occupations, eq(occupations.id, schoolClasses.occupationId))
      .leftJoin(classEnrollments, eq(classEnrollments.classId, schoolClasses.id))
      .where(eq(schoolClasses.schoolId, schoolId))
      .groupBy(schoolClasses.id, occupations.name),
    occupationChoices(ctx.db, schoolId),
  ]);
  classes.sort(
    (a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt)) || collator.compare(a.name, b.name),
  );
  return { school, classes, occupations: occupationRows };
}

/** One class to manage: its data, students, teachers, the other classes to move to, open class codes. */
export async function classDetail(ctx: Ctx, schoolId: string, classId: string) {
  const school = await schoolOf(ctx, schoolId);
  const schoolClass = await loadSchoolClass(ctx.db, schoolId, classId, { active: false });
  const [students, teachers, taught, otherClasses, codes, occupationRows] = await Promise.all([
    ctx.db
      .select({ userId: users.id, name: users.name })
      .from(classEnrollments)
      .innerJoin(users, eq(users.id, classEnrollments.apprenticeId))
      .where(eq(classEnrollments.classId, classId))
      .then((rows) => rows.sort(byGermanName)),
    ctx.db
      .selectDistinct({ userId: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organizationId, schoolId),
          eq(memberships.role, "teacher"),
          isNull(memberships.deactivatedAt),
        ),
      )
      .then((rows) => rows.sort(byGermanName)),
    ctx.db.select({ teacherId: classTeachers.teacherId }).from(classTeachers).where(eq(classTeachers.classId, classId)),
    ctx.db
      .select({ id: schoolClasses.id, name: schoolClasses.name })
      .from(schoolClasses)
      .where(and(eq(schoolClasses.schoolId, schoolId), ne(schoolClasses.id, classId), isNull(schoolClasses.archivedAt)))
      .then((rows) => rows.sort((a, b) => collator.compare(a.name, b.name))),
    ctx.db
      .select({ id: invitations.id, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(
        and(
          eq(invitations.classId, classId),
          eq(invitations.organizationId, schoolId),
          eq(invitations.multiUse, true),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, ctx.now),
        ),
      )
      .orderBy(desc(invitations.createdAt)),
    occupationChoices(ctx.db, schoolId),
  ]);
  return {
    school,
    schoolClass: {
      id: schoolClass.id,
      name: schoolClass.name,
      occupationId: schoolClass.occupationId,
      trainingYear: schoolClass.trainingYear,
      schoolYear: schoolClass.schoolYear,
      archived: Boolean(schoolClass.archivedAt),
    },
    students,
    teachers: teachers.map((t) => ({ ...t, selected: taught.some((c) => c.teacherId === t.userId) })),
    otherClasses,
    openCodes: codes,
    occupations: occupationRows,
    canInvite: can(ctx.actor, "invitations.manage", schoolId),
  };
}
