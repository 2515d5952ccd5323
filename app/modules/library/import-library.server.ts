import type { Database } from "#db/client.server.ts";
import { readLibrary } from "./read-library.server.ts";
import { writeLibraryCourse } from "./write-course.server.ts";
import type { ContentError } from "./yaml-file.server.ts";

export type ImportSummary = {
  courses: number;
  modules: number;
  lessons: number;
  quizzes: number;
  questions: number;
  errors: ContentError[];
};

/**
 * Validates the whole library first; only if nothing is wrong does it write, one transaction per
 * course. `db` null = dry run. `onProgress` gets (done, total) after each course.
 */
export async function importLibrary(
  db: Database | null,
  dir: string,
  options: { now?: Date; onProgress?: (done: number, total: number, slug: string) => void } = {},
): Promise<ImportSummary> {
  const library = await readLibrary(dir);
  const summary: ImportSummary = {
    courses: library.courses.length,
    modules: library.courses.reduce((n, c) => n + c.modules.length, 0),
    lessons: library.courses.reduce((n, c) => n + c.modules.reduce((m, mod) => m + mod.lessons.length, 0), 0),
    quizzes: library.quizzes,
    questions: library.questions,
    errors: library.errors,
  };
  if (summary.errors.length > 0 || !db) return summary;
  const now = options.now ?? new Date();
  let done = 0;
  for (const course of library.courses) {
    await writeLibraryCourse(db, course, now);
    options.onProgress?.(++done, library.courses.length, course.slug);
  }
  return summary;
}
