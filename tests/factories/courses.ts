import { courseModules, courses, lessons } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";
import { unique } from "./index.ts";

export function paragraphDoc(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/**
 * A course with `modules` × `lessonsPerModule` published lessons. `owner` null makes it a
 * library course. Lesson texts are "<slug> text" so tests can find them in HTML.
 */
export async function createCourse(
  db: Database,
  options: {
    owner: string | null;
    status?: "draft" | "published" | "archived";
    modules?: number;
    lessonsPerModule?: number;
    occupations?: string[];
    trainingYears?: number[];
  },
) {
  const slug = unique("kurs")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  const [course] = await db
    .insert(courses)
    .values({
      slug,
      ownerOrganizationId: options.owner,
      title: `Kurs ${slug}`,
      status: options.status ?? "published",
      occupations: options.occupations ?? ["all"],
      trainingYears: options.trainingYears ?? [1],
    })
    .returning();
  if (!course) throw new Error("no course");
  const modules: { id: string; lessonIds: string[] }[] = [];
  for (let m = 1; m <= (options.modules ?? 2); m++) {
    const [module] = await db
      .insert(courseModules)
      .values({ courseId: course.id, slug: `modul-${m}`, position: m, title: `Modul ${m}` })
      .returning({ id: courseModules.id });
    if (!module) throw new Error("no module");
    const lessonIds: string[] = [];
    for (let l = 1; l <= (options.lessonsPerModule ?? 2); l++) {
      const body = paragraphDoc(`lektion-${m}-${l} text`);
      const [lesson] = await db
        .insert(lessons)
        .values({
          moduleId: module.id,
          slug: `lektion-${l}`,
          position: l,
          title: `Lektion ${m}.${l}`,
          minutes: 5,
          draftBody: body,
          publishedTitle: `Lektion ${m}.${l}`,
          publishedBody: body,
          publishedHtml: renderLessonHtml(body),
          publishedVersion: 1,
          publishedAt: new Date(),
        })
        .returning({ id: lessons.id });
      if (!lesson) throw new Error("no lesson");
      lessonIds.push(lesson.id);
    }
    modules.push({ id: module.id, lessonIds });
  }
  return { course, modules, lessonIds: modules.flatMap((m) => m.lessonIds) };
}
