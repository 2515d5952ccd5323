import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { attemptAnswers, courses, lessons } from "#db/schema/index.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { action as attemptAction } from "#app/routes/attempts.$attemptId.tsx";
import { action as editCourseAction } from "#app/routes/edit.courses.$courseId.tsx";
import { action as editLessonAction } from "#app/routes/edit.lessons.$lessonId.tsx";
import { action as editQuizAction } from "#app/routes/edit.quizzes.$quizId.tsx";
import { action as joinAction } from "#app/routes/join.$code.tsx";
import { action as newAssignmentAction } from "#app/routes/orgs.$orgId.assignments.new.tsx";
import { action as coursesAction } from "#app/routes/orgs.$orgId.courses.tsx";
import { action as invitationsAction } from "#app/routes/orgs.$orgId.invitations.tsx";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor, occupationId, sessionCookieFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute, type RouteResult } from "#tests/setup/route-call.ts";

// Hostile values posted through the real route actions: each must come back as a field error
// (4xx), never as a database error or a stack overflow (5xx).

const { db } = await openTestDatabase();
const world = await createWorld(db);
const trainerCookie = await sessionCookieFor(db, world.people.trainer.id);
const course = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
const moduleId = course.modules[0]?.id ?? "";
const lessonId = course.modules[0]?.lessonIds[0] ?? "";
const { quiz } = await createQuiz(db, moduleId, {
  perPage: 5,
  questions: [
    { key: "holzart", type: "shorttext", prompt: "Welches Holz?", answers: [{ text: "Eiche" }] },
    { key: "bericht", type: "essay", prompt: "Beschreibe deinen Arbeitstag." },
  ],
});

type Route = Parameters<typeof callRoute>[0];

/** The route's answer; an exception that escapes the action (a 500 in the app) fails loudly. */
async function post(route: Route, options: Parameters<typeof callRoute>[1]): Promise<RouteResult> {
  try {
    return await callRoute(route, { cookie: trainerCookie, ...options });
  } catch (error) {
    return { status: 500, headers: new Headers(), data: String(error) };
  }
}

function fieldErrors(result: RouteResult): Record<string, string[]> {
  return (result.data as { fieldErrors?: Record<string, string[]> }).fieldErrors ?? {};
}

const NUL = "\u0000";
const deepQuote = `${"> ".repeat(20_000)}zu tief`;
// 15,000 levels: the Markdown field takes 500,000 characters.
const deepHtml = `${"<blockquote>".repeat(15_000)}zu tief${"</blockquote>".repeat(15_000)}`;

/** A document with `levels` nested quotes, written as text (JSON.stringify itself would overflow). */
function deepJson(levels: number): string {
  const inner = '{"type":"paragraph","content":[{"type":"text","text":"unten"}]}';
  const open = '{"type":"blockquote","content":['.repeat(levels);
  return `{"type":"doc","content":[${open}${inner}${"]}".repeat(levels)}]}`;
}

const lessonForm = (fields: Record<string, string>) => ({ title: "Lektion", minutes: "5", intent: "save", ...fields });

describe("control characters in user text", () => {
  test("a NUL in a new course's title is a field error", async () => {
    const result = await post(coursesAction, {
      path: `/orgs/${world.company.id}/courses`,
      params: { orgId: world.company.id },
      form: { title: `Kurs${NUL}titel` },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).title).toEqual(["errors.text.controlCharacters"]);
  });

  test("a NUL in a course's title or summary, or a module's title, is a field error", async () => {
    const details = await post(editCourseAction, {
      path: `/edit/courses/${course.course.id}`,
      params: { courseId: course.course.id },
      form: {
        intent: "details",
        title: `Kurs${NUL}`,
        summary: `Zeile 1\nZeile 2${NUL}`,
        occupations: "all",
        trainingYears: "1",
        status: "draft",
      },
    });
    expect(details.status).toBe(400);
    expect(fieldErrors(details).title).toEqual(["errors.text.controlCharacters"]);
    expect(fieldErrors(details).summary).toEqual(["errors.text.controlCharacters"]);
    const module = await post(editCourseAction, {
      path: `/edit/courses/${course.course.id}`,
      params: { courseId: course.course.id },
      form: { intent: `updateModule:${moduleId}`, title: `Modul\u0007`, summary: "" },
    });
    expect(module.status).toBe(400);
    expect(fieldErrors(module).title).toEqual(["errors.text.controlCharacters"]);
    const [row] = await db.select({ title: courses.title }).from(courses).where(eq(courses.id, course.course.id));
    expect(row?.title).not.toContain(NUL);
  });

  test("a NUL in the lesson editor's JSON or Markdown is a field error on the body", async () => {
    const json = await post(editLessonAction, {
      path: `/edit/lessons/${lessonId}`,
      params: { lessonId },
      form: lessonForm({
        body: JSON.stringify({
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: `a${NUL}b` }] }],
        }),
      }),
    });
    expect(json.status).toBe(400);
    expect(fieldErrors(json).body).toEqual(["errors.text.controlCharacters"]);
    const markdown = await post(editLessonAction, {
      path: `/edit/lessons/${lessonId}`,
      params: { lessonId },
      form: lessonForm({ markdown: `Ein Absatz${NUL}` }),
    });
    expect(markdown.status).toBe(400);
    expect(fieldErrors(markdown).markdown).toEqual(["errors.text.controlCharacters"]);
    const title = await post(editLessonAction, {
      path: `/edit/lessons/${lessonId}`,
      params: { lessonId },
      form: lessonForm({ title: `Lek${NUL}tion`, markdown: "Text" }),
    });
    expect(title.status).toBe(400);
    expect(fieldErrors(title).title).toEqual(["errors.text.controlCharacters"]);
  });

  test("a NUL in an invitation's label is a field error", async () => {
    const result = await post(invitationsAction, {
      path: `/orgs/${world.company.id}/invitations`,
      params: { orgId: world.company.id },
      form: { label: `Lena${NUL}`, role: "apprentice", validDays: "7" },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).label).toEqual(["errors.text.controlCharacters"]);
  });

  test("a NUL in the quiz settings is a field error", async () => {
    const result = await post(editQuizAction, {
      path: `/edit/quizzes/${quiz.id}`,
      params: { quizId: quiz.id },
      form: settingsForm({ title: `Quiz${NUL}`, introMarkdown: `Hallo${NUL}` }),
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).title).toEqual(["errors.text.controlCharacters"]);
    expect(fieldErrors(result).introMarkdown).toEqual(["errors.text.controlCharacters"]);
  });

  test("a NUL in the name at join is a field error", async () => {
    const { code } = await createInvitation({
      ctx: await ctxFor(db, world.people.trainer.id),
      input: { label: "Neu", role: "apprentice", validDays: 7, organizationId: world.company.id },
    });
    const result = await callRoute(joinAction, {
      path: `/join/${code}`,
      params: { code },
      form: {
        name: `Neue${NUL}Person`,
        email: `neu-${randomUUID()}@example.test`,
        password: `ein langes${NUL}passwort`,
        confirmPassword: `ein langes${NUL}passwort`,
      },
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).name).toEqual(["errors.text.controlCharacters"]);
    expect(fieldErrors(result).password).toEqual(["errors.text.controlCharacters"]);
  });

  test("control characters in a quiz answer are dropped before it is stored; tab and line breaks stay", async () => {
    const apprenticeCookie = await sessionCookieFor(db, world.people.apprentice.id);
    const started = await startAttempt({
      ctx: await ctxFor(db, world.people.apprentice.id),
      input: { quizId: quiz.id },
    });
    if (!("attemptId" in started)) throw new Error(started.status);
    const slots = await attemptSlots(db, started.attemptId);
    const slotOf = (key: string) => slots.find((s) => s.key === key)?.slot;
    const result = await post(attemptAction, {
      path: `/attempts/${started.attemptId}`,
      params: { attemptId: started.attemptId },
      cookie: apprenticeCookie,
      form: {
        intent: "save",
        revision: "0",
        page: "1",
        [`q${slotOf("holzart")}`]: `Ei${NUL}che`,
        [`q${slotOf("bericht")}`]: `Zeile 1\r\n\tZeile 2${NUL}\u0008`,
      },
    });
    expect(result.status).toBe(302);
    const stored = await db
      .select({ slot: attemptAnswers.slot, response: attemptAnswers.response })
      .from(attemptAnswers)
      .where(eq(attemptAnswers.attemptId, started.attemptId));
    const responses = Object.fromEntries(stored.map((row) => [row.slot, row.response]));
    expect(responses[slotOf("holzart") ?? 0]).toEqual({ type: "shorttext", text: "Eiche" });
    expect(responses[slotOf("bericht") ?? 0]).toEqual({ type: "essay", text: "Zeile 1\r\n\tZeile 2" });
  });
});

function settingsForm(fields: Record<string, string>) {
  return {
    intent: "settings",
    title: "Quiz",
    introMarkdown: "",
    passPercent: "50",
    maxAttempts: "",
    drawCount: "",
    perPage: "5",
    reviewPolicy: "after_attempt",
    ...fields,
  };
}

describe("deeply nested rich text", () => {
  test("thousands of nested quotes or <blockquote> in a quiz intro are a field error", async () => {
    // Within the intro's 5000 characters.
    for (const introMarkdown of [`${">".repeat(4_900)} zu tief`, `${"<blockquote>".repeat(400)}zu tief`]) {
      const result = await post(editQuizAction, {
        path: `/edit/quizzes/${quiz.id}`,
        params: { quizId: quiz.id },
        form: settingsForm({ introMarkdown }),
      });
      expect(result.status).toBe(400);
      expect(fieldErrors(result).introMarkdown).toContain("errors.text.tooDeep");
    }
  });

  test("deeply nested [markdown] or [html] in a GIFT import is a report line, not a 500", async () => {
    const source = [
      `::tief-md::[markdown]${"> ".repeat(20_000)}Frage? {T}`,
      "",
      // 10,000 levels: a file may have 512 KB.
      `::tief-html::[html]${"<blockquote>".repeat(10_000)}Frage?${"</blockquote>".repeat(10_000)} {T}`,
      "",
      "::flach::[markdown]> Ein Zitat ist in Ordnung. {F}",
    ].join("\n");
    const body = new FormData();
    body.set("giftText", source);
    const result = await post(editQuizAction, {
      path: `/edit/quizzes/${quiz.id}`,
      params: { quizId: quiz.id },
      body,
    });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ ok: true });
    const report = (
      result.data as { report: { imported: { title: string }[]; rejected: { line: number; message: string }[] } }
    ).report;
    expect(report.imported.map((q) => q.title)).toEqual(["flach"]);
    expect(report.rejected.map((r) => r.line)).toEqual([1, 3]);
    for (const line of report.rejected) expect(line.message).toMatch(/verschachtelt/);
  });

  test("a NUL in GIFT text is taken out, with a warning on its line", async () => {
    const body = new FormData();
    body.set("giftText", `::nul-frage::Ist das${NUL} Holz? {T}`);
    const result = await post(editQuizAction, { path: `/edit/quizzes/${quiz.id}`, params: { quizId: quiz.id }, body });
    expect(result.status).toBe(200);
    const report = (result.data as { report: { imported: unknown[]; warnings: { line: number; message: string }[] } })
      .report;
    expect(report.imported).toHaveLength(1);
    expect(report.warnings).toEqual([{ line: 1, message: expect.stringMatching(/Steuerzeichen/) }]);
  });

  test("deeply nested JSON or Markdown from the lesson editor is a field error on the body", async () => {
    for (const levels of [30, 20_000]) {
      const result = await post(editLessonAction, {
        path: `/edit/lessons/${lessonId}`,
        params: { lessonId },
        form: lessonForm({ body: deepJson(levels) }),
      });
      expect(result.status, String(levels)).toBe(400);
      expect(fieldErrors(result).body).toEqual(["errors.text.tooDeep"]);
    }
    for (const markdown of [deepQuote, deepHtml]) {
      const result = await post(editLessonAction, {
        path: `/edit/lessons/${lessonId}`,
        params: { lessonId },
        form: lessonForm({ markdown }),
      });
      expect(result.status).toBe(400);
      expect(fieldErrors(result).markdown).toEqual(["errors.text.tooDeep"]);
    }
  });

  test("a document of ordinary depth is still saved", async () => {
    const result = await post(editLessonAction, {
      path: `/edit/lessons/${lessonId}`,
      params: { lessonId },
      form: lessonForm({ body: deepJson(10) }),
    });
    expect(result.status).toBe(302);
    const [row] = await db.select({ body: lessons.draftBody }).from(lessons).where(eq(lessons.id, lessonId));
    expect(JSON.stringify(row?.body)).toContain("unten");
  });
});

describe("typed dates", () => {
  const invite = (fields: Record<string, string>) =>
    post(invitationsAction, {
      path: `/orgs/${world.company.id}/invitations`,
      params: { orgId: world.company.id },
      form: { label: "Lena", role: "apprentice", validDays: "7", ...fields },
    });

  test("an apprenticeship start in the year 0, 1 or 9999 is a field error", async () => {
    const occupation = await occupationId(db);
    for (const startsOn of ["9999-12-01", "0000-01-01", "0001-01-01", "1989-12-31", "2101-01-01"]) {
      const result = await invite({ occupationId: occupation, startsOn });
      expect(result.status, startsOn).toBe(400);
      expect(fieldErrors(result).startsOn, startsOn).toEqual(["errors.date.outOfRange"]);
    }
    const end = await invite({ occupationId: occupation, startsOn: "2026-08-01", plannedEndOn: "9999-07-31" });
    expect(end.status).toBe(400);
    expect(fieldErrors(end).plannedEndOn).toEqual(["errors.date.outOfRange"]);
    const notADay = await invite({ occupationId: occupation, startsOn: "2026-02-31" });
    expect(fieldErrors(notADay).startsOn).toEqual(["errors.date.invalid"]);
  });

  test("a plausible start is taken, and its regular end computed", async () => {
    const result = await invite({ occupationId: await occupationId(db), startsOn: "2026-08-01" });
    expect(result.status).toBe(200);
  });

  test("a due date thousands of years ahead is a field error", async () => {
    for (const dueOn of ["9999-12-01", "0000-01-01"]) {
      const result = await post(newAssignmentAction, {
        path: `/orgs/${world.company.id}/assignments/new`,
        params: { orgId: world.company.id },
        form: {
          submissionId: randomUUID(),
          target: `course:${course.course.id}`,
          dueOn,
          note: "",
          apprenticeIds: [world.people.apprentice.id],
        },
      });
      expect(result.status, dueOn).toBe(400);
      expect(fieldErrors(result).dueOn?.[0], dueOn).toMatch(/^errors\.(date\.outOfRange|assignment\.dueOn)/);
    }
  });
});
