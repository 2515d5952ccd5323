import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { addDays } from "#app/modules/training/training-year.ts";
import type { Database } from "#db/client.server.ts";
import {
  assignmentRecipients,
  assignments,
  courseModules,
  courses,
  lessons,
  organizations,
  quizzes,
  schoolClasses,
  users,
} from "#db/schema/index.ts";

const creator = alias(users, "creator");

/**
 * What an assignment asks for, with titles, for lists and dashboard columns: one statement for
 * any number of assignments. `where` is a condition on `assignments` (withdrawn ones never show).
 */
export async function assignmentSummaries(db: Database, where: SQL) {
  const rows = await db
    .select({
      id: assignments.id,
      kind: assignments.kind,
      organizationId: assignments.organizationId,
      organizationName: organizations.name,
      classId: assignments.classId,
      className: schoolClasses.name,
      courseId: assignments.courseId,
      courseTitle: courses.title,
      moduleTitle: courseModules.title,
      lessonId: assignments.lessonId,
      lessonTitle: lessons.publishedTitle,
      quizId: assignments.quizId,
      quizTitle: quizzes.title,
      dueOn: assignments.dueOn,
      note: assignments.note,
      createdByName: creator.name,
      createdAt: assignments.createdAt,
      recipientCount: sql<number>`(select count(*)::int from ${assignmentRecipients} where ${assignmentRecipients.assignmentId} = ${assignments.id})`,
    })
    .from(assignments)
    .innerJoin(organizations, eq(organizations.id, assignments.organizationId))
    .innerJoin(courses, eq(courses.id, assignments.courseId))
    .leftJoin(courseModules, eq(courseModules.id, assignments.moduleId))
    .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
    .leftJoin(quizzes, eq(quizzes.id, assignments.quizId))
    .leftJoin(schoolClasses, eq(schoolClasses.id, assignments.classId))
    .leftJoin(creator, eq(creator.id, assignments.createdBy))
    .where(and(isNull(assignments.withdrawnAt), where))
    .orderBy(asc(assignments.dueOn), asc(assignments.createdAt));
  return rows.map(({ moduleTitle, lessonTitle, quizTitle, ...row }) => ({
    ...row,
    title: targetTitle(row.kind, {
      course: row.courseTitle,
      module: moduleTitle,
      lesson: lessonTitle,
      quiz: quizTitle,
    }),
    moduleTitle,
  }));
}
export type AssignmentSummary = Awaited<ReturnType<typeof assignmentSummaries>>[number];

function targetTitle(
  kind: "course" | "module" | "lesson" | "quiz",
  titles: { course: string; module: string | null; lesson: string | null; quiz: string | null },
): string {
  return titles[kind] ?? titles.course;
}

/** Where the apprentice starts the work: the lesson, the quiz, or the course page. */
export function targetPath(summary: {
  kind: string;
  courseId: string;
  lessonId: string | null;
  quizId: string | null;
}) {
  if (summary.kind === "lesson" && summary.lessonId) return `/lessons/${summary.lessonId}`;
  if (summary.kind === "quiz" && summary.quizId) return `/quizzes/${summary.quizId}`;
  return `/courses/${summary.courseId}`;
}

/** How long work that everyone finished stays on dashboards after its due date. */
export const finishedWorkShownDays = 28;

/**
 * Still current on a dashboard: not yet four weeks past its due date, or someone has not finished
 * it. Old finished work leaves the matrices, so they do not grow over a three-year apprenticeship
 * (the apprentice's own page keeps the whole history). Takes the assignment's id and due date as
 * columns of `assignments` or of an alias in hand-written SQL.
 */
export function stillCurrent(assignment: { id: SQL | AnyPgColumn; dueOn: SQL | AnyPgColumn }, today: string): SQL {
  return sql`(${assignment.dueOn} >= ${addDays(today, -finishedWorkShownDays)}::date or exists (
    select 1 from assignment_recipients unfinished
    where unfinished.assignment_id = ${assignment.id} and unfinished.completed_at is null))`;
}
