import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { assignmentRecipients, assignments, courses } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireAssignmentManage } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";

/** A live assignment the actor may change (its organisation's trainers or teachers), or "not found". */
export async function loadManagedAssignment(ctx: Ctx, db: Database, assignmentId: string) {
  const [row] = await db
    .select({
      id: assignments.id,
      organizationId: assignments.organizationId,
      classId: assignments.classId,
      kind: assignments.kind,
      courseId: assignments.courseId,
      moduleId: assignments.moduleId,
      lessonId: assignments.lessonId,
      quizId: assignments.quizId,
      dueOn: assignments.dueOn,
      note: assignments.note,
      ownerOrganizationId: courses.ownerOrganizationId,
    })
    .from(assignments)
    .innerJoin(courses, eq(courses.id, assignments.courseId))
    .where(and(eq(assignments.id, assignmentId), isNull(assignments.withdrawnAt)));
  if (!row) throw new NotFoundError("assignment");
  requireAssignmentManage(ctx.actor, row);
  return row;
}

export async function recipientIds(db: Database, assignmentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: assignmentRecipients.apprenticeId })
    .from(assignmentRecipients)
    .where(eq(assignmentRecipients.assignmentId, assignmentId));
  return rows.map((row) => row.id);
}
