import { and, eq } from "drizzle-orm";
import { classEnrollments, invitations } from "#db/schema/index.ts";
import { giveClassAssignmentsToNewStudent } from "#app/modules/assignments/join-class-assignments.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import {
  formatInvitationCode,
  generateInvitationCode,
  hashInvitationCode,
} from "#app/modules/orgs/invitation-code.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { auditClass, loadSchoolClass } from "./load-class.server.ts";
import { requireInvitationBudget } from "#app/modules/orgs/invitation-budget.server.ts";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A class code: one invitation (role apprentice) that every student of the class redeems until
 * it expires or is revoked. Shown once; only its hash is stored.
 */
export async function createClassCode({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; validDays: number };
}): Promise<{ code: string; expiresAt: Date; className: string }> {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  requirePermission(ctx.actor, "invitations.manage", input.schoolId);
  const code = generateInvitationCode();
  const expiresAt = new Date(ctx.now.getTime() + input.validDays * DAY);
  const className = await ctx.db.transaction(async (tx) => {
    const schoolClass = await loadSchoolClass(tx, input.schoolId, input.classId);
    await requireInvitationBudget(tx, ctx.actor.id, ctx.now);
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: input.schoolId,
        role: "apprentice",
        label: schoolClass.name,
        codeHash: hashInvitationCode(code),
        createdById: ctx.actor.id,
        createdAt: ctx.now,
        expiresAt,
        classId: schoolClass.id,
        multiUse: true,
      })
      .returning({ id: invitations.id });
    if (!row) throw new Error("insert returned no row");
    await auditClass(tx, ctx, {
      schoolId: input.schoolId,
      action: "invitation.created",
      targetId: row.id,
      details: { classId: schoolClass.id, multiUse: true },
    });
    return schoolClass.name;
  });
  return { code: formatInvitationCode(code), expiresAt, className };
}

async function requireEnrolled(ctx: Ctx, classId: string, studentId: string) {
  const [row] = await ctx.db
    .select({ classId: classEnrollments.classId })
    .from(classEnrollments)
    .where(and(eq(classEnrollments.classId, classId), eq(classEnrollments.apprenticeId, studentId)));
  return Boolean(row);
}

/**
 * Into another class of the same school. The student's work stays; they get the new class's
 * open whole-class assignments. A repeated submit finds them moved already and changes nothing.
 */
export async function moveStudent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; studentId: string; targetClassId: string };
}) {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  await ctx.db.transaction(async (tx) => {
    const from = await loadSchoolClass(tx, input.schoolId, input.classId);
    const to = await loadSchoolClass(tx, input.schoolId, input.targetClassId);
    if (from.id === to.id) return;
    const removed = await tx
      .delete(classEnrollments)
      .where(and(eq(classEnrollments.classId, from.id), eq(classEnrollments.apprenticeId, input.studentId)))
      .returning({ apprenticeId: classEnrollments.apprenticeId });
    if (removed.length === 0) {
      if (await requireEnrolled({ ...ctx, db: tx }, to.id, input.studentId)) return;
      throw new NotFoundError("student");
    }
    await tx.insert(classEnrollments).values({ classId: to.id, apprenticeId: input.studentId }).onConflictDoNothing();
    await giveClassAssignmentsToNewStudent(tx, { classId: to.id, apprenticeId: input.studentId, now: ctx.now });
    await auditClass(tx, ctx, {
      schoolId: input.schoolId,
      action: "class.studentMoved",
      targetId: input.studentId,
      details: { fromClassId: from.id, toClassId: to.id },
    });
  });
}

/** Out of the class: only the enrolment ends; their work and school membership stay. */
export async function removeStudent({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; studentId: string };
}) {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  await ctx.db.transaction(async (tx) => {
    const schoolClass = await loadSchoolClass(tx, input.schoolId, input.classId);
    const removed = await tx
      .delete(classEnrollments)
      .where(and(eq(classEnrollments.classId, schoolClass.id), eq(classEnrollments.apprenticeId, input.studentId)))
      .returning({ apprenticeId: classEnrollments.apprenticeId });
    if (removed.length === 0) return;
    await auditClass(tx, ctx, {
      schoolId: input.schoolId,
      action: "class.studentRemoved",
      targetId: input.studentId,
      details: { classId: schoolClass.id },
    });
  });
}
