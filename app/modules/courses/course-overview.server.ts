import { and, asc, eq, sql } from "drizzle-orm";
import { courseModules, courses, lessonProgress, lessons, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { canManageCourse, lessonIsLive, requireCourseRead } from "#app/modules/permissions/course-access.server.ts";
import { organizationsWith } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { moduleQuizzes } from "#app/modules/quizzes/quiz-pages.server.ts";

/**
 * A course as its reader sees it: modules with their live lessons, the reader's progress per
 * lesson, module and course (percentages from SQL window aggregates) and where to go on.
 */
export async function courseOverview(ctx: Ctx, courseId: string) {
  const [course] = await ctx.db
    .select({
      id: courses.id,
      title: courses.title,
      summary: courses.summary,
      occupations: courses.occupations,
      trainingYears: courses.trainingYears,
      learningFields: courses.learningFields,
      coverImage: courses.coverImage,
      status: courses.status,
      ownerOrganizationId: courses.ownerOrganizationId,
      ownerName: organizations.name,
    })
    .from(courses)
    .leftJoin(organizations, eq(organizations.id, courses.ownerOrganizationId))
    .where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError("course");
  requireCourseRead(ctx.actor, course);

  const [rows, quizzes] = await Promise.all([
    ctx.db
      .select({
        moduleId: courseModules.id,
        moduleTitle: courseModules.title,
        moduleSummary: courseModules.summary,
        lessonId: lessons.id,
        lessonTitle: lessons.publishedTitle,
        minutes: lessons.minutes,
        done: sql<boolean>`${lessonProgress.lessonId} is not null`,
        completedAt: lessonProgress.completedAt,
        modulePercent: sql<number>`round(100.0 * count(${lessonProgress.lessonId}) over (partition by ${courseModules.id}) / count(*) over (partition by ${courseModules.id}))::int`,
        coursePercent: sql<number>`round(100.0 * count(${lessonProgress.lessonId}) over () / count(*) over ())::int`,
      })
      .from(courseModules)
      .innerJoin(lessons, and(eq(lessons.moduleId, courseModules.id), lessonIsLive))
      .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, ctx.actor.id)))
      .where(eq(courseModules.courseId, course.id))
      .orderBy(asc(courseModules.position), asc(lessons.position)),
    moduleQuizzes(ctx, course.id),
  ]);
  const quizOf = new Map(quizzes.map((quiz) => [quiz.moduleId, quiz]));

  const modules: {
    id: string;
    title: string;
    summary: string;
    percent: number;
    lessons: { id: string; title: string; minutes: number; done: boolean }[];
    quiz: { id: string; title: string; bestPercent: number | null; passed: boolean } | null;
  }[] = [];
  for (const row of rows) {
    let module = modules.at(-1);
    if (module?.id !== row.moduleId) {
      module = {
        id: row.moduleId,
        title: row.moduleTitle,
        summary: row.moduleSummary,
        percent: row.modulePercent,
        lessons: [],
        quiz: quizOf.get(row.moduleId) ?? null,
      };
      modules.push(module);
    }
    module.lessons.push({ id: row.lessonId, title: row.lessonTitle ?? "", minutes: row.minutes, done: row.done });
  }
  const lessonCount = rows.length;
  const doneCount = rows.filter((r) => r.done).length;
  return {
    course,
    modules,
    lessonCount,
    doneCount,
    minutes: rows.reduce((sum, r) => sum + r.minutes, 0),
    percent: rows[0]?.coursePercent ?? 0,
    next: continueFrom(rows),
    canManage: canManageCourse(ctx.actor, course),
    copyTargets: course.ownerOrganizationId === null ? organizationsWith(ctx.actor, "courses.manage") : [],
  };
}

/**
 * "Weiter, wo du aufgehört hast": the first open lesson after the one finished last; if that
 * was the end, the first open lesson at all; null when all are done.
 */
function continueFrom(
  rows: { lessonId: string; lessonTitle: string | null; done: boolean; completedAt: Date | null }[],
) {
  let lastIndex = -1;
  rows.forEach((row, index) => {
    const last = rows[lastIndex]?.completedAt;
    if (row.completedAt && (!last || row.completedAt >= last)) lastIndex = index;
  });
  const next = rows.slice(lastIndex + 1).find((r) => !r.done) ?? rows.find((r) => !r.done);
  return next ? { id: next.lessonId, title: next.lessonTitle ?? "", started: lastIndex >= 0 } : null;
}
