// The imported course library as the seeding needs it: courses in order, their modules, published
// lessons and quizzes with the settings and questions an attempt is laid out from.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { courseModules, courses, lessons, quizzes } from "#db/schema/index.ts";
import type { LayoutQuestion, LayoutSettings } from "#app/modules/quizzes/attempt-layout.ts";
import { liveQuestions } from "#app/modules/quizzes/load-quiz.server.ts";

export type LibraryQuiz = LayoutSettings & {
  id: string;
  passPercent: number;
  maxAttempts: number | null;
  questions: LayoutQuestion[];
};
export type LibraryModule = { id: string; courseId: string; lessons: string[]; quiz: LibraryQuiz | null };
export type LibraryCourse = { id: string; title: string; occupations: string[]; modules: LibraryModule[] };

export async function readLibrary(db: Database): Promise<LibraryCourse[]> {
  const courseRows = await db
    .select({ id: courses.id, title: courses.title, occupations: courses.occupations })
    .from(courses)
    .where(and(isNull(courses.ownerOrganizationId), eq(courses.status, "published")))
    .orderBy(asc(courses.slug));
  const moduleRows = await db
    .select({ id: courseModules.id, courseId: courseModules.courseId })
    .from(courseModules)
    .where(isNull(courseModules.archivedAt))
    .orderBy(asc(courseModules.position));
  const lessonRows = await db
    .select({ id: lessons.id, moduleId: lessons.moduleId })
    .from(lessons)
    .where(and(isNull(lessons.archivedAt), gt(lessons.publishedVersion, 0)))
    .orderBy(asc(lessons.position));
  const quizRows = await db.select().from(quizzes);
  const library: LibraryCourse[] = [];
  for (const course of courseRows) {
    const modules: LibraryModule[] = [];
    for (const m of moduleRows.filter((row) => row.courseId === course.id)) {
      const quiz = quizRows.find((q) => q.moduleId === m.id);
      modules.push({
        id: m.id,
        courseId: course.id,
        lessons: lessonRows.filter((l) => l.moduleId === m.id).map((l) => l.id),
        quiz: quiz ? { ...quiz, questions: await liveQuestions(db, quiz.id) } : null,
      });
    }
    library.push({ ...course, modules });
  }
  if (library.length === 0) throw new Error("The library is empty: was content/ imported?");
  return library;
}

/** The library courses meant for a trade ("all" or the trade's code), in catalogue order. */
export const coursesFor = (library: LibraryCourse[], occupation: string) =>
  library.filter((c) => c.occupations.includes("all") || c.occupations.includes(occupation));
