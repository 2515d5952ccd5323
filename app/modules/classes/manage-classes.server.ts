import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { classTeachers, memberships, occupations, schoolClasses } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { auditClass, isUniqueViolation, loadSchoolClass } from "./load-class.server.ts";
import { type ClassInput, nextSchoolYear } from "./schemas.ts";

export type ClassWriteResult = { ok: true; id: string } | { ok: false; fieldErrors: Record<string, string[]> };

const nameTaken: ClassWriteResult = { ok: false, fieldErrors: { name: ["errors.class.nameTaken"] } };
const unknownOccupation: ClassWriteResult = { ok: false, fieldErrors: { occupationId: ["errors.class.occupation"] } };

async function occupationExists(db: Database, occupationId: string | undefined) {
  if (!occupationId) return true;
  const [row] = await db.select({ id: occupations.id }).from(occupations).where(eq(occupations.id, occupationId));
  return Boolean(row);
}

/** A new class of the school. Two classes of one school never share a name. */
export async function createClass({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ClassInput & { schoolId: string };
}): Promise<ClassWriteResult> {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  if (!(await occupationExists(ctx.db, input.occupationId))) return unknownOccupation;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schoolClasses)
        .values({
          schoolId: input.schoolId,
          name: input.name,
          occupationId: input.occupationId ?? null,
          trainingYear: input.trainingYear,
          schoolYear: input.schoolYear,
        })
        .returning({ id: schoolClasses.id });
      if (!row) throw new Error("insert returned no row");
      // A teacher makes a class to teach it: without this, it would not be in their "Meine Klassen".
      const teachesHere = ctx.actor?.memberships.some(
        (m) => m.organizationId === input.schoolId && m.role === "teacher",
      );
      if (teachesHere && ctx.actor) await tx.insert(classTeachers).values({ classId: row.id, teacherId: ctx.actor.id });
      await auditClass(tx, ctx, { schoolId: input.schoolId, action: "class.created", targetId: row.id });
      return { ok: true as const, id: row.id };
    });
  } catch (error) {
    // A double submit lands here too: the first one created the class.
    if (isUniqueViolation(error, "school_classes_school_name_key")) return nameTaken;
    throw error;
  }
}

export async function updateClass({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ClassInput & { schoolId: string; classId: string };
}): Promise<ClassWriteResult> {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  if (!(await occupationExists(ctx.db, input.occupationId))) return unknownOccupation;
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await loadSchoolClass(tx, input.schoolId, input.classId);
      await tx
        .update(schoolClasses)
        .set({
          name: input.name,
          occupationId: input.occupationId ?? null,
          trainingYear: input.trainingYear,
          schoolYear: input.schoolYear,
        })
        .where(eq(schoolClasses.id, before.id));
      await auditClass(tx, ctx, {
        schoolId: input.schoolId,
        action: "class.updated",
        targetId: before.id,
        details: { fromName: before.name, toName: input.name },
      });
      return { ok: true as const, id: before.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "school_classes_school_name_key")) return nameTaken;
    throw error;
  }
}

/** Kept with its history (enrolments, assignments), offered nowhere. A second archive changes nothing. */
export async function archiveClass({ ctx, input }: { ctx: Ctx; input: { schoolId: string; classId: string } }) {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  await ctx.db.transaction(async (tx) => {
    const schoolClass = await loadSchoolClass(tx, input.schoolId, input.classId, { active: false });
    if (schoolClass.archivedAt) return;
    await tx.update(schoolClasses).set({ archivedAt: ctx.now }).where(eq(schoolClasses.id, schoolClass.id));
    await auditClass(tx, ctx, { schoolId: input.schoolId, action: "class.archived", targetId: schoolClass.id });
  });
}

/**
 * The next school year: training year + 1 and school year + 1. `fromYear` is the training year
 * the form showed, so a double submit promotes once. Year 4 is the last.
 */
export async function promoteClass({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; fromYear: number };
}): Promise<{ ok: true } | { ok: false; reason: "lastYear" }> {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  return ctx.db.transaction(async (tx) => {
    const schoolClass = await loadSchoolClass(tx, input.schoolId, input.classId);
    if (schoolClass.trainingYear !== input.fromYear) return { ok: true as const };
    if (schoolClass.trainingYear >= 4) return { ok: false as const, reason: "lastYear" as const };
    const schoolYear = schoolClass.schoolYear ? nextSchoolYear(schoolClass.schoolYear) : null;
    await tx
      .update(schoolClasses)
      .set({ trainingYear: schoolClass.trainingYear + 1, schoolYear })
      .where(and(eq(schoolClasses.id, schoolClass.id), eq(schoolClasses.trainingYear, input.fromYear)));
    await auditClass(tx, ctx, {
      schoolId: input.schoolId,
      action: "class.promoted",
      targetId: schoolClass.id,
      details: { fromYear: schoolClass.trainingYear, toYear: schoolClass.trainingYear + 1, schoolYear },
    });
    return { ok: true as const };
  });
}

/** The class's teachers: exactly the ticked ones, each a teacher of this school. */
export async function setClassTeachers({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; teacherIds: string[] };
}) {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  const wanted = [...new Set(input.teacherIds)];
  await ctx.db.transaction(async (tx) => {
    const schoolClass = await loadSchoolClass(tx, input.schoolId, input.classId);
    const teachers =
      wanted.length === 0
        ? []
        : await tx
            .select({ userId: memberships.userId })
            .from(memberships)
            .where(
              and(
                eq(memberships.organizationId, input.schoolId),
                eq(memberships.role, "teacher"),
                isNull(memberships.deactivatedAt),
                inArray(memberships.userId, wanted),
              ),
            );
    const valid = [...new Set(teachers.map((t) => t.userId))];
    await tx.delete(classTeachers).where(eq(classTeachers.classId, schoolClass.id));
    if (valid.length > 0) {
      await tx.insert(classTeachers).values(valid.map((teacherId) => ({ classId: schoolClass.id, teacherId })));
    }
    await auditClass(tx, ctx, {
      schoolId: input.schoolId,
      action: "class.teachersChanged",
      targetId: schoolClass.id,
      details: { teachers: valid.length },
    });
  });
}
