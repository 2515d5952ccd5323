import { performance } from "node:perf_hooks";
import type { JSONContent } from "@tiptap/core";
import { readLibrary } from "#app/modules/library/read-library.server.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";

export type TypicalLesson = { courseTitle: string; title: string; document: JSONContent; jsonBytes: number };
export type RenderResult = { rendersPerSec: number; microsPerRender: number; htmlBytes: number };

/**
 * The library lesson of median JSON size: what "a lesson" costs, without picking the smallest.
 * Read from the files the app imports on start, so it is the same document the server stored.
 */
export async function typicalLesson(contentDir: string): Promise<TypicalLesson> {
  const library = await readLibrary(contentDir);
  if (library.errors.length > 0) throw new Error(`Library has errors, first: ${library.errors[0]?.message}`);
  const lessons = library.courses.flatMap((course) =>
    course.modules.flatMap((module) =>
      module.lessons.map((lesson) => ({
        courseTitle: course.title,
        title: lesson.title,
        document: lesson.document,
        jsonBytes: Buffer.byteLength(JSON.stringify(lesson.document)),
      })),
    ),
  );
  lessons.sort((a, b) => a.jsonBytes - b.jsonBytes);
  const median = lessons[Math.floor(lessons.length / 2)];
  if (!median) throw new Error("The library has no lessons");
  return median;
}

/**
 * What the naive page would add to every request: parse the JSON as it comes from the database,
 * then renderLessonHtml. Measured in this process after a warm-up so the JIT has settled.
 */
export function measureRender(document: JSONContent, seconds = 3): RenderResult {
  const json = JSON.stringify(document);
  let html = "";
  for (let i = 0; i < 200; i++) html = renderLessonHtml(JSON.parse(json));
  let renders = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    html = renderLessonHtml(JSON.parse(json));
    renders++;
  }
  const elapsedMs = performance.now() - start;
  return {
    rendersPerSec: (renders / elapsedMs) * 1000,
    microsPerRender: (elapsedMs * 1000) / renders,
    htmlBytes: Buffer.byteLength(html),
  };
}
