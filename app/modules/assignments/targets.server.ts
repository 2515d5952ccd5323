import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { courseModules, courses, lessons, quizzes } from "#db/schema/index.ts";
import { courseAssignable, lessonIsLive } from "#app/modules/permissions/course-access.server.ts";
import type { AssignmentKind } from "./schemas.ts";

/** Courses an organisation may assign (the permissions rule). */
const assignableCourse = (organizationId: string) => courseAssignable.where(organizationId);

export type TargetTree = {
  id: string;
  title: string;
  library: boolean;
  modules: {
    id: string;
    title: string;
    lessons: { id: string; title: string; minutes: number }[];
    quiz: { id: string; title: string } | null;
  }[];
}[];

/** Everything the assignment form offers, as course → module → lessons and quiz (two statements). */
export async function assignableTargets(db: Database, organizationId: string): Promise<TargetTree> {
  const [lessonRows, quizRows] = await Promise.all([
    db
      .select({
        courseId: courses.id,
        courseTitle: courses.title,
        owner: courses.ownerOrganizationId,
        moduleId: courseModules.id,
        moduleTitle: courseModules.title,
        lessonId: lessons.id,
        lessonTitle: lessons.publishedTitle,
        minutes: lessons.minutes,
      })
      .from(courses)
      .innerJoin(courseModules, eq(courseModules.courseId, courses.id))
      .innerJoin(lessons, eq(lessons.moduleId, courseModules.id))
      .where(and(assignableCourse(organizationId), lessonIsLive))
      .orderBy(asc(courses.title), asc(courseModules.position), asc(lessons.position)),
    db
      .select({ id: quizzes.id, title: quizzes.title, moduleId: quizzes.moduleId })
      .from(quizzes)
      .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
      .innerJoin(courses, eq(courses.id, courseModules.courseId))
      .where(and(assignableCourse(organizationId), isNull(courseModules.archivedAt))),
  ]);
  const quizByModule = new Map(quizRows.map((quiz) => [quiz.moduleId, { id: quiz.id, title: quiz.title }]));
  const tree: TargetTree = [];
  for (const row of lessonRows) {
    let course = tree.at(-1);
    if (course?.id !== row.courseId) {
      course = { id: row.courseId, title: row.courseTitle, library: row.owner === null, modules: [] };
      tree.push(course);
    }
    let module = course.modules.at(-1);
    if (module?.id !== row.moduleId) {
      module = { id: row.moduleId, title: row.moduleTitle, lessons: [], quiz: quizByModule.get(row.moduleId) ?? null };
      course.modules.push(module);
    }
    module.lessons.push({ id: row.lessonId, title: row.lessonTitle ?? "", minutes: row.minutes });
  }
  return tree;
}

export type ResolvedTarget = {
  kind: AssignmentKind;
  courseId: string;
  moduleId: string | null;
  lessonId: string | null;
  quizId: string | null;
  /** The course's owner: null for the library. Recipients must be able to read the course. */
  ownerOrganizationId: string | null;
};

/** The chosen target, if the organisation may assign it; null otherwise (the form says so). */
export async function resolveTarget(
  db: Database,
  organizationId: string,
  target: { kind: AssignmentKind; id: string },
): Promise<ResolvedTarget | null> {
  const base = { courseId: courses.id, ownerOrganizationId: courses.ownerOrganizationId };
  const allowed = assignableCourse(organizationId);
  if (target.kind === "course") {
    const [row] = await db
      .select(base)
      .from(courses)
      .where(and(eq(courses.id, target.id), allowed));
    return row ? { kind: "course", moduleId: null, lessonId: null, quizId: null, ...row } : null;
  }
  if (target.kind === "lesson") {
    const [row] = await db
      .select({ ...base, moduleId: courseModules.id })
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .innerJoin(courses, eq(courses.id, courseModules.courseId))
      .where(and(eq(lessons.id, target.id), lessonIsLive, allowed));
    return row ? { kind: "lesson", lessonId: target.id, quizId: null, ...row } : null;
  }
  const [row] = await db
    .select({ ...base, moduleId: courseModules.id, quizId: quizzes.id })
    .from(courseModules)
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .leftJoin(quizzes, eq(quizzes.moduleId, courseModules.id))
    .where(
      and(
        target.kind === "module" ? eq(courseModules.id, target.id) : eq(quizzes.id, target.id),
        isNull(courseModules.archivedAt),
        allowed,
      ),
    );
  if (!row) return null;
  return target.kind === "module"
    ? { kind: "module", lessonId: null, ...row, quizId: null }
    : { kind: "quiz", lessonId: null, ...row };
}
