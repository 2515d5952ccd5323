import { and, eq, gt, isNull } from "drizzle-orm";
import { classEnrollments, invitations, organizations, schoolClasses, users } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import { invitationCreationLimit } from "#app/modules/auth/rate-limit.server.ts";
import { invitationsMadeRecently } from "#app/modules/orgs/invitation-budget.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { insertInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { type ClassListStudent, type RejectedLine, parseClassList, studentLabel } from "./class-list-csv.ts";
import { auditClass, loadSchoolClass } from "./load-class.server.ts";

export const classListValidDays = 30;

export type ImportedStudent = { line: number; label: string; code: string };
export type ClassListImportResult =
  | { status: "fileError"; reason: string }
  | { status: "needsConfirmation"; good: ClassListStudent[]; rejected: RejectedLine[] }
  | { status: "limited" }
  | {
      status: "imported";
      className: string;
      expiresAt: Date;
      created: ImportedStudent[];
      /** Lines skipped because the student has an open invitation for the class or is in it. */
      skipped: { line: number; label: string }[];
      rejected: RejectedLine[];
    };

const lower = (value: string) => value.trim().toLocaleLowerCase("de-DE");

/** Who must not get a second invitation: open personal invitations of the class and its students. */
async function alreadyThere(tx: Database, classId: string, now: Date) {
  const [open, enrolled] = await Promise.all([
    tx
      .select({ label: invitations.label })
      .from(invitations)
      .where(
        and(
          eq(invitations.classId, classId),
          eq(invitations.multiUse, false),
          isNull(invitations.usedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      ),
    tx
      .select({ name: users.name, email: users.email })
      .from(classEnrollments)
      .innerJoin(users, eq(users.id, classEnrollments.apprenticeId))
      .where(eq(classEnrollments.classId, classId)),
  ]);
  const labels = new Set(open.map((row) => lower(row.label)));
  const names = new Set(enrolled.map((row) => lower(row.name)));
  const emails = new Set(enrolled.map((row) => lower(row.email)));
  return (student: ClassListStudent) =>
    labels.has(lower(studentLabel(student))) ||
    names.has(lower(`${student.givenName} ${student.familyName}`)) ||
    (student.email !== undefined && emails.has(lower(student.email)));
}

/**
 * A class list becomes one personal invitation per student, in one transaction. A file with
 * rejected lines writes nothing until the user confirms the good ones. A repeated submit skips
 * the students invited already, so a double click does not double the invitations.
 */
export async function importClassList({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; text: string; confirmGoodLines: boolean };
}): Promise<ClassListImportResult> {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  requirePermission(ctx.actor, "invitations.manage", input.schoolId);
  // The class first: another school's class id is "not found" before anything is said about the file.
  await loadSchoolClass(ctx.db, input.schoolId, input.classId);
  const report = parseClassList(input.text);
  if (report.fileError) return { status: "fileError", reason: report.fileError };
  // Every rejected line is shown with its reason; with no good line there is nothing to confirm.
  if (report.rejected.length > 0 && (!input.confirmGoodLines || report.good.length === 0)) {
    return { status: "needsConfirmation", good: report.good, rejected: report.rejected };
  }
  return ctx.db.transaction(async (tx) => {
    const schoolClass = await loadSchoolClass(tx, input.schoolId, input.classId);
    // Locks the class row: two submits of the same list run one after the other, not side by side.
    await tx
      .select({ id: schoolClasses.id })
      .from(schoolClasses)
      .where(eq(schoolClasses.id, schoolClass.id))
      .for("update");
    const className = schoolClass.name;
    const isThere = await alreadyThere(tx, schoolClass.id, ctx.now);
    const skipped = report.good.filter(isThere).map((s) => ({ line: s.line, label: studentLabel(s) }));
    const fresh = report.good.filter((student) => !isThere(student));
    const recent = await invitationsMadeRecently(tx, ctx.actor.id, ctx.now);
    if (recent + fresh.length > invitationCreationLimit.max) return { status: "limited" as const };
    const created: ImportedStudent[] = [];
    let expiresAt = new Date(ctx.now.getTime() + classListValidDays * 24 * 60 * 60 * 1000);
    for (const student of fresh) {
      const invitation = await insertInvitation(tx, {
        organizationId: input.schoolId,
        role: "apprentice",
        label: studentLabel(student),
        validDays: classListValidDays,
        createdById: ctx.actor.id,
        now: ctx.now,
        classId: schoolClass.id,
        email: student.email ?? null,
      });
      expiresAt = invitation.expiresAt;
      created.push({ line: student.line, label: studentLabel(student), code: invitation.code });
    }
    await auditClass(tx, ctx, {
      schoolId: input.schoolId,
      action: "class.listImported",
      targetId: schoolClass.id,
      details: { created: created.length, skipped: skipped.length, rejected: report.rejected.length },
    });
    return { status: "imported" as const, className, expiresAt, created, skipped, rejected: report.rejected };
  });
}

/** The import page: the school and class names, for those who may invite into the class. */
export async function classImportPage(ctx: Ctx, schoolId: string, classId: string) {
  requirePermission(ctx.actor, "classes.manage", schoolId);
  requirePermission(ctx.actor, "invitations.manage", schoolId);
  const schoolClass = await loadSchoolClass(ctx.db, schoolId, classId);
  const [school] = await ctx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, schoolId));
  return {
    school: { id: schoolId, name: school?.name ?? "" },
    schoolClass: { id: schoolClass.id, name: schoolClass.name },
  };
}
