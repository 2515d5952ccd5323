import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { courseModules, courses, lessons } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import { storeMedia } from "#app/modules/media/store.server.ts";
import { renderLessonHtml } from "#app/modules/rich-text/render.server.ts";
import { writeLibraryQuiz } from "#app/modules/quizzes/write-quiz.server.ts";
import type { LibraryCourse } from "./read-library.server.ts";
import { changed, excludedOf } from "./upsert-sql.server.ts";

/**
 * Upserts one library course by slug in one transaction. Rows are matched by slug, so ids (and
 * with them everyone's progress) survive a re-import; what disappeared from the files is archived,
 * never deleted. An unchanged course writes nothing (each upsert only fires on a real difference).
 */
export async function writeLibraryCourse(db: Database, course: LibraryCourse, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const media of course.media) {
      await storeMedia(tx, { bytes: media.bytes, extension: media.extension, owner: null, uploadedBy: null });
    }
    const courseValues = {
      slug: course.slug,
      ownerOrganizationId: null,
      title: course.title,
      summary: course.summary,
      occupations: course.occupations,
      trainingYears: course.trainingYears,
      learningFields: course.learningFields,
      coverImage: course.coverImage,
      status: "published" as const,
    };
    await tx
      .insert(courses)
      .values(courseValues)
      .onConflictDoUpdate({
        target: courses.slug,
        targetWhere: sql`owner_organization_id is null`,
        set: { ...excludedOf(courseColumns), updatedAt: now },
        setWhere: changed("courses", courseColumns),
      });
    const [row] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.slug, course.slug), isNull(courses.ownerOrganizationId)));
    if (!row) throw new Error(`course ${course.slug} vanished during import`);
    const courseId = row.id;

    await tx
      .insert(courseModules)
      .values(
        course.modules.map((m) => ({
          courseId,
          slug: m.slug,
          position: m.position,
          title: m.title,
          summary: m.summary,
        })),
      )
      .onConflictDoUpdate({
        target: [courseModules.courseId, courseModules.slug],
        set: { ...excludedOf(["position", "title", "summary", "archived_at"]), updatedAt: now },
        setWhere: changed("course_modules", ["position", "title", "summary", "archived_at"]),
      });
    await tx
      .update(courseModules)
      .set({ archivedAt: now, updatedAt: now })
      .where(
        and(
          eq(courseModules.courseId, courseId),
          isNull(courseModules.archivedAt),
          notInArray(
            courseModules.slug,
            course.modules.map((m) => m.slug),
          ),
        ),
      );
    const moduleIds = new Map(
      (
        await tx
          .select({ id: courseModules.id, slug: courseModules.slug })
          .from(courseModules)
          .where(eq(courseModules.courseId, courseId))
      ).map((m) => [m.slug, m.id]),
    );

    for (const module of course.modules) {
      const moduleId = moduleIds.get(module.slug);
      if (!moduleId) throw new Error(`module ${module.slug} vanished during import`);
      if (module.lessons.length > 0) await upsertLessons(tx, moduleId, module.lessons, now);
      await tx
        .update(lessons)
        .set({ archivedAt: now, updatedAt: now })
        .where(
          and(
            eq(lessons.moduleId, moduleId),
            isNull(lessons.archivedAt),
            notInArray(lessons.slug, module.lessons.map((l) => l.slug).concat([""])),
          ),
        );
      await writeLibraryQuiz(tx, moduleId, module.quiz ?? null, now);
    }
  });
}

async function upsertLessons(
  tx: Database,
  moduleId: string,
  list: LibraryCourse["modules"][number]["lessons"],
  now: Date,
) {
  await tx
    .insert(lessons)
    .values(
      list.map((lesson) => ({
        moduleId,
        slug: lesson.slug,
        position: lesson.position,
        title: lesson.title,
        minutes: lesson.minutes,
        draftBody: lesson.document,
        publishedTitle: lesson.title,
        publishedBody: lesson.document,
        publishedHtml: renderLessonHtml(lesson.document),
        publishedVersion: 1,
        publishedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [lessons.moduleId, lessons.slug],
      set: {
        ...excludedOf([
          "position",
          "title",
          "minutes",
          "draft_body",
          "published_title",
          "published_body",
          "published_html",
          "archived_at",
        ]),
        // A new version only when what readers see changed.
        publishedVersion: sql`case when ${contentChanged} then "lessons"."published_version" + 1 else "lessons"."published_version" end`,
        publishedAt: sql`case when ${contentChanged} then excluded.published_at else "lessons"."published_at" end`,
        updatedAt: now,
      },
      setWhere: changed("lessons", [
        "position",
        "title",
        "minutes",
        "published_title",
        "published_html",
        "archived_at",
      ]),
    });
}

/** The columns a library import owns (snake_case, as in the table). */
const courseColumns = ["title", "summary", "occupations", "training_years", "learning_fields", "cover_image", "status"];

const contentChanged = sql.raw(
  `("lessons"."published_html", "lessons"."published_title") is distinct from (excluded.published_html, excluded.published_title)`,
);
