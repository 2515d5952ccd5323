import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { courseModules, courses, lessons, questions } from "#db/schema/index.ts";
import { copyLibraryCourse } from "#app/modules/authoring/copy-library-course.server.ts";
import { createCourse as createOwnCourse, updateCourse } from "#app/modules/authoring/course-writes.server.ts";
import { addLesson, moveLesson } from "#app/modules/authoring/lesson-writes.server.ts";
import { addModule, moveModule } from "#app/modules/authoring/module-writes.server.ts";
import { courseForEditing } from "#app/modules/authoring/queries.server.ts";
import { saveLesson } from "#app/modules/authoring/save-lesson.server.ts";
import { uploadLessonImage } from "#app/modules/authoring/upload-image.server.ts";
import { listCatalogue } from "#app/modules/courses/catalogue.server.ts";
import { readLesson } from "#app/modules/courses/lesson-page.server.ts";
import { readMedia } from "#app/modules/media/read-media.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { quizForEditing } from "#app/modules/quizzes/authoring/quiz-for-editing.server.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createQuiz } from "#tests/factories/quizzes.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);

const details = { summary: "", occupations: ["all"], trainingYears: [1] };

/** A trainer's course with one module and one lesson, as the UI creates it. */
async function draftCourse(person: keyof typeof world.people = "trainer", organizationId = world.company.id) {
  const ctx = await as(person);
  const course = await createOwnCourse({ ctx, input: { organizationId, title: "Unser Betrieb" } });
  const module = await addModule({ ctx, input: { courseId: course.id, title: "Erste Woche", summary: "" } });
  const lesson = await addLesson({ ctx, input: { moduleId: module?.id ?? "", title: "Die Werkstatt", minutes: 5 } });
  return { ctx, courseId: course.id, moduleId: module?.id ?? "", lessonId: lesson.id };
}

const hostileBody = JSON.stringify({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Sicher arbeiten" }] },
    { type: "script", content: [{ type: "text", text: "alert(1)" }] },
    {
      type: "paragraph",
      attrs: { onclick: "alert(2)" },
      content: [
        { type: "text", text: "Hier klicken", marks: [{ type: "link", attrs: { href: "javascript:alert(3)" } }] },
      ],
    },
  ],
});

describe("a trainer writes and publishes a lesson", () => {
  test("the company's apprentice reads it; another company's apprentice cannot", async () => {
    const { ctx, courseId, lessonId } = await draftCourse();
    const saved = await saveLesson({
      ctx,
      input: { lessonId, title: "Die Werkstatt", minutes: 6, body: hostileBody, publish: true },
    });
    expect(saved).toEqual({ ok: true, published: true });

    // Published lesson, but the course is still a draft: apprentices see nothing yet.
    await expect(readLesson(await as("apprentice"), lessonId)).rejects.toBeInstanceOf(NotFoundError);
    await updateCourse({ ctx, input: { courseId, title: "Unser Betrieb", ...details, status: "published" } });

    const lesson = await readLesson(await as("apprentice"), lessonId);
    expect(lesson.html).toBe("<h2>Sicher arbeiten</h2><p>Hier klicken</p>");
    expect(lesson.minutes).toBe(6);
    expect((await listCatalogue(await as("apprentice"), {})).map((c) => c.id)).toContain(courseId);

    await expect(readLesson(await as("otherApprentice"), lessonId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCatalogue(await as("otherApprentice"), {})).map((c) => c.id)).not.toContain(courseId);
  });

  test("a saved draft is not what readers see until it is published; versions count real changes", async () => {
    const { ctx, courseId, lessonId } = await draftCourse();
    await updateCourse({ ctx, input: { courseId, title: "Unser Betrieb", ...details, status: "published" } });
    const body = (text: string) =>
      JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

    await saveLesson({
      ctx,
      input: { lessonId, title: "Die Werkstatt", minutes: 5, body: body("Fassung eins"), publish: true },
    });
    await saveLesson({
      ctx,
      input: { lessonId, title: "Die Werkstatt", minutes: 5, body: body("Entwurf zwei"), publish: false },
    });
    expect((await readLesson(await as("apprentice"), lessonId)).html).toBe("<p>Fassung eins</p>");

    await saveLesson({
      ctx,
      input: { lessonId, title: "Die Werkstatt", minutes: 5, body: body("Entwurf zwei"), publish: true },
    });
    await saveLesson({
      ctx,
      input: { lessonId, title: "Die Werkstatt", minutes: 5, body: body("Entwurf zwei"), publish: true },
    });
    const [row] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(row).toMatchObject({ publishedVersion: 2, publishedHtml: "<p>Entwurf zwei</p>" });
  });

  test("Markdown from the form without JavaScript is accepted; HTML in it is refused", async () => {
    const { ctx, lessonId } = await draftCourse();
    expect(
      await saveLesson({
        ctx,
        input: { lessonId, title: "T", minutes: 5, markdown: "## Titel\n\n**fett**", publish: false },
      }),
    ).toEqual({
      ok: true,
      published: false,
    });
    const [row] = await db.select({ draftBody: lessons.draftBody }).from(lessons).where(eq(lessons.id, lessonId));
    expect(JSON.stringify(row?.draftBody)).toContain('"heading"');
    expect(
      await saveLesson({
        ctx,
        input: { lessonId, title: "T", minutes: 5, markdown: "<script>x</script>", publish: false },
      }),
    ).toEqual({
      ok: false,
      field: "body",
      error: "errors.lesson.body",
    });
  });

  test("a structurally broken document is refused, not stored", async () => {
    const { ctx, lessonId } = await draftCourse();
    const broken = JSON.stringify({ type: "doc", content: [{ type: "listItem", content: [] }] });
    expect(
      await saveLesson({ ctx, input: { lessonId, title: "T", minutes: 5, body: broken, publish: true } }),
    ).toMatchObject({ ok: false });
    expect(
      await saveLesson({ ctx, input: { lessonId, title: "T", minutes: 5, body: "{kein json", publish: true } }),
    ).toMatchObject({ ok: false });
  });
});

describe("who may write which course", () => {
  test("another company's trainer gets not found; the company's apprentice gets forbidden", async () => {
    const { courseId, lessonId, moduleId } = await draftCourse();
    const input = { lessonId, title: "Gekapert", minutes: 5, body: hostileBody, publish: true };
    await expect(saveLesson({ ctx: await as("otherTrainer"), input })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveLesson({ ctx: await as("apprentice"), input })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addModule({ ctx: await as("otherTrainer"), input: { courseId, title: "X", summary: "" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addLesson({ ctx: await as("teacher"), input: { moduleId, title: "X", minutes: 5 } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateCourse({ ctx: await as("otherTrainer"), input: { courseId, title: "X", ...details, status: "published" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(courseForEditing(await as("otherTeacher"), courseId)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(row?.title).toBe("Die Werkstatt");
  });

  test("library courses are read-only for everyone", async () => {
    const library = await createCourse(db, { owner: null });
    const ctx = await as("trainer");
    await expect(
      updateCourse({ ctx, input: { courseId: library.course.id, title: "X", ...details, status: "draft" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      saveLesson({
        ctx,
        input: { lessonId: library.lessonIds[0] ?? "", title: "X", minutes: 5, body: hostileBody, publish: true },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  test("a teacher writes courses of their school", async () => {
    const { courseId } = await draftCourse("teacher", world.school.id);
    const editing = await courseForEditing(await as("teacher"), courseId);
    expect(editing.modules).toHaveLength(1);
  });
});

describe("structure", () => {
  test("modules and lessons move up and down within their parent", async () => {
    const { ctx, courseId, moduleId } = await draftCourse();
    const second = await addModule({ ctx, input: { courseId, title: "Zweites", summary: "" } });
    await moveModule({ ctx, input: { moduleId: second?.id ?? "", direction: "up" } });
    await moveModule({ ctx, input: { moduleId: second?.id ?? "", direction: "up" } }); // already first: no change
    const order = await db
      .select({ id: courseModules.id })
      .from(courseModules)
      .where(eq(courseModules.courseId, courseId))
      .orderBy(courseModules.position);
    expect(order.map((m) => m.id)).toEqual([second?.id, moduleId]);

    const b = await addLesson({ ctx, input: { moduleId, title: "B", minutes: 5 } });
    await moveLesson({ ctx, input: { lessonId: b.id, direction: "up" } });
    const editing = await courseForEditing(ctx, courseId);
    expect(editing.modules[1]?.lessons.map((l) => l.title)).toEqual(["B", "Die Werkstatt"]);
  });

  test("'Als Vorlage übernehmen' copies a library course as a draft of the organisation", async () => {
    const library = await createCourse(db, { owner: null, modules: 2, lessonsPerModule: 3 });
    const libraryQuiz = await createQuiz(db, library.modules[0]?.id ?? "", {
      passPercent: 70,
      attempts: 2,
      questions: [
        { key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true },
        { key: "alt", type: "truefalse", prompt: "Wird archiviert.", answer: false },
      ],
    });
    await db
      .update(questions)
      .set({ archivedAt: new Date() })
      .where(eq(questions.id, libraryQuiz.questionIds.alt ?? ""));
    const copy = await copyLibraryCourse({
      ctx: await as("trainer"),
      input: { courseId: library.course.id, organizationId: world.company.id },
    });
    const [row] = await db.select().from(courses).where(eq(courses.id, copy.id));
    expect(row).toMatchObject({
      ownerOrganizationId: world.company.id,
      status: "draft",
      copiedFromId: library.course.id,
    });
    const editing = await courseForEditing(await as("trainer"), copy.id);
    expect(editing.modules.map((m) => m.lessons.length)).toEqual([3, 3]);
    expect(editing.modules.flatMap((m) => m.lessons).every((l) => l.published && !l.unpublishedChanges)).toBe(true);
    // The first module's quiz comes along with its live questions, as the organisation's own.
    const copiedQuizId = editing.modules[0]?.quizId ?? "";
    expect(editing.modules[1]?.quizId).toBeNull();
    const quiz = await quizForEditing(await as("trainer"), copiedQuizId);
    expect(quiz.quiz).toMatchObject({ passPercent: 70, maxAttempts: 2 });
    expect(quiz.questions.map((q) => [q.title, q.archived])).toEqual([["Holz arbeitet.", false]]);
    expect(copiedQuizId).not.toBe(libraryQuiz.quiz.id);

    await expect(
      copyLibraryCourse({
        ctx: await as("trainer"),
        input: { courseId: library.course.id, organizationId: world.otherCompany.id },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      copyLibraryCourse({
        ctx: await as("apprentice"),
        input: { courseId: library.course.id, organizationId: world.company.id },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // Only library courses can be copied.
    await expect(
      copyLibraryCourse({ ctx: await as("trainer"), input: { courseId: copy.id, organizationId: world.company.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("pictures", () => {
  // The smallest valid PNG: 1×1 pixel.
  const png = Uint8Array.from(
    Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    ),
  );

  test("an uploaded picture belongs to the organisation and can be used in its lessons only", async () => {
    const { ctx, lessonId } = await draftCourse();
    const upload = await uploadLessonImage({ ctx, input: { lessonId, bytes: png } });
    expect(upload).toMatchObject({ ok: true, width: 1, height: 1 });
    const src = upload.ok ? upload.src : "";
    expect(src).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);

    const fileName = src.replace("/media/", "");
    expect((await readMedia(await as("apprentice"), fileName)).contentType).toBe("image/png");
    await expect(readMedia(await as("otherApprentice"), fileName)).rejects.toBeInstanceOf(NotFoundError);

    const withImage = (imageSrc: string) =>
      JSON.stringify({ type: "doc", content: [{ type: "image", attrs: { src: imageSrc, alt: "Werkbank" } }] });
    expect(
      await saveLesson({ ctx, input: { lessonId, title: "T", minutes: 5, body: withImage(src), publish: true } }),
    ).toMatchObject({ ok: true });

    // The other company cannot embed this company's picture in its own lesson.
    const other = await draftCourse("otherTrainer", world.otherCompany.id);
    const result = await saveLesson({
      ctx: other.ctx,
      input: { lessonId: other.lessonId, title: "T", minutes: 5, body: withImage(src), publish: false },
    });
    expect(result).toEqual({ ok: false, field: "body", error: "errors.lesson.image" });
  });

  test("SVG, other files, empty and oversized uploads are refused", async () => {
    const { ctx, lessonId } = await draftCourse();
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    expect(await uploadLessonImage({ ctx, input: { lessonId, bytes: svg } })).toEqual({
      ok: false,
      error: "errors.upload.type",
    });
    expect(await uploadLessonImage({ ctx, input: { lessonId, bytes: new TextEncoder().encode("kein Bild") } })).toEqual(
      {
        ok: false,
        error: "errors.upload.type",
      },
    );
    expect(await uploadLessonImage({ ctx, input: { lessonId, bytes: new Uint8Array() } })).toEqual({
      ok: false,
      error: "errors.upload.empty",
    });
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(png);
    expect(await uploadLessonImage({ ctx, input: { lessonId, bytes: big } })).toEqual({
      ok: false,
      error: "errors.upload.tooLarge",
    });
    await expect(
      uploadLessonImage({ ctx: await as("otherTrainer"), input: { lessonId, bytes: png } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
