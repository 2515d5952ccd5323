import { byGermanName } from "#app/utils/sort.ts";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { assignments, classTeachers, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { can, requirePermission } from "#app/modules/permissions/permissions.ts";
import { companyTeam, schoolClassesWithStudents } from "#app/modules/training/queries.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { assignmentSummaries } from "./assignment-summaries.server.ts";
import { loadManagedAssignment, recipientIds } from "./load-managed.server.ts";
import { recipientProgress } from "./recipient-progress.server.ts";
import { deriveStatus } from "./status.ts";
import { assignableTargets } from "./targets.server.ts";

type Person = { userId: string; name: string; detail: string | null };

/**
 * Who an organisation can give assignments to: a company's apprentices; a school's classes with
 * their students (the classes the actor teaches first). A training centre has both.
 */
async function recipientChoices(ctx: Ctx, organizationId: string) {
  const apprentices: Person[] = can(ctx.actor, "team.view", organizationId)
    ? (await companyTeam(ctx, organizationId)).map((a) => ({
        userId: a.userId,
        name: a.name,
        detail: a.occupationName,
      }))
    : [];
  if (!can(ctx.actor, "classes.view", organizationId)) return { apprentices, classes: [] };
  const [classes, taught] = await Promise.all([
    schoolClassesWithStudents(ctx, organizationId),
    ctx.db
      .select({ classId: classTeachers.classId })
      .from(classTeachers)
      .where(eq(classTeachers.teacherId, ctx.actor.id)),
  ]);
  const mine = new Set(taught.map((row) => row.classId));
  return {
    apprentices,
    classes: classes
      .map((c) => ({
        id: c.id,
        name: c.name,
        taughtByMe: mine.has(c.id),
        students: c.students.map((s) => ({ userId: s.userId, name: s.name, detail: s.companyName })),
      }))
      .sort((a, b) => Number(b.taughtByMe) - Number(a.taughtByMe) || byGermanName(a, b)),
  };
}

async function organizationOf(ctx: Ctx, organizationId: string) {
  const [organization] = await ctx.db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new NotFoundError("organization");
  return organization;
}

/** The "Aufgabe vergeben" form: what can be assigned, to whom, and a fresh submission id. */
export async function newAssignmentForm(ctx: Ctx, organizationId: string) {
  requirePermission(ctx.actor, "assignments.manage", organizationId);
  const [organization, targets, people] = await Promise.all([
    organizationOf(ctx, organizationId),
    assignableTargets(ctx.db, organizationId),
    recipientChoices(ctx, organizationId),
  ]);
  return { organization, targets, ...people, submissionId: randomUUID(), today: todayInGermany(ctx.now) };
}

/** The edit page: the assignment, who has it and how far each of them is. */
export async function editAssignmentForm(ctx: Ctx, assignmentId: string) {
  const assignment = await loadManagedAssignment(ctx, ctx.db, assignmentId);
  const [organization, [summary], people, chosen, progress] = await Promise.all([
    organizationOf(ctx, assignment.organizationId),
    assignmentSummaries(ctx.db, eq(assignments.id, assignmentId)),
    recipientChoices(ctx, assignment.organizationId),
    recipientIds(ctx.db, assignmentId),
    recipientProgress(ctx.db, sql`a.id = ${assignmentId}`),
  ]);
  if (!summary) throw new NotFoundError("assignment");
  const today = todayInGermany(ctx.now);
  const everyone = [...people.apprentices, ...people.classes.flatMap((c) => c.students)];
  const names = new Map(everyone.map((p) => [p.userId, p.name]));
  return {
    organization,
    assignment: summary,
    apprentices: people.apprentices,
    // A class assignment can only go to that class's students.
    classStudents: people.classes.find((c) => c.id === assignment.classId)?.students ?? null,
    chosen,
    progress: progress
      .map((p) => ({
        userId: p.apprenticeId,
        name: names.get(p.apprenticeId) ?? "–",
        status: deriveStatus(p, summary.dueOn, today),
        itemsDone: p.itemsDone,
        itemsTotal: p.itemsTotal,
        scorePercent: p.scorePercent,
      }))
      .sort(byGermanName),
    today,
  };
}
