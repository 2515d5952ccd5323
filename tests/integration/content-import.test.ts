import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { courseModules, courses, lessonProgress, lessons, questions, quizzes } from "#db/schema/index.ts";
import { importLibrary } from "#app/modules/library/import-library.server.ts";
import { readLibrary } from "#app/modules/library/read-library.server.ts";
import { createUser } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const run = promisify(execFile);
const scratch = await mkdtemp(path.join(tmpdir(), "werkbank-library-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100"><title>Plan</title><rect width="200" height="100" fill="#eee"/></svg>';

/** Writes a library folder from a map of relative paths to file contents. */
async function library(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, "lib-"));
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

function courseFiles(slug: string, lessonsText: Record<string, string> = {}) {
  return {
    [`${slug}/course.yaml`]: "title: Testkurs\nsummary: Ein Kurs zum Testen.\noccupations: [all]\ntrainingYears: [1]\n",
    [`${slug}/images/plan.svg`]: svg,
    [`${slug}/01-erstes-modul/module.yaml`]: "title: Erstes Modul\nsummary: Kurz.\n",
    [`${slug}/01-erstes-modul/01-start.md`]:
      lessonsText.start ?? "---\ntitle: Start\nminutes: 5\n---\n\nHallo **Welt**.\n\n![Ein Plan](images/plan.svg)\n",
    [`${slug}/01-erstes-modul/02-weiter.md`]:
      lessonsText.weiter ?? "---\ntitle: Weiter\nminutes: 7\n---\n\nZweite Lektion.\n",
  };
}

describe("the repository's library", () => {
  test("every module has a quiz, and the quizzes use every question type", async () => {
    const result = await readLibrary(path.resolve("content"));
    const quizzes = result.courses.flatMap((c) =>
      c.modules.map((m) => ({ where: `${c.slug}/${m.slug}`, quiz: m.quiz })),
    );
    for (const { where, quiz } of quizzes) {
      expect(quiz, where).toBeDefined();
      const types = new Set(quiz?.questions.map((q) => q.config.type));
      expect(types.size, where).toBeGreaterThanOrEqual(3);
    }
    // Question pictures come with a text alternative and their size (no layout jumps on a phone).
    const pictured = quizzes.flatMap(({ quiz }) => quiz?.questions.filter((q) => q.image) ?? []);
    expect(pictured.length).toBeGreaterThan(0);
    for (const question of pictured) {
      expect(question.image).toMatch(/^\/media\/[0-9a-f]{64}\.svg$/);
      expect(question.imageAlt?.length).toBeGreaterThan(20);
      expect(question.imageWidth).toBeGreaterThan(0);
      expect(question.imageHeight).toBeGreaterThan(0);
    }
    const all = new Set(quizzes.flatMap(({ quiz }) => quiz?.questions.map((q) => q.config.type) ?? []));
    for (const type of ["single", "multiple", "truefalse", "numeric", "shorttext", "ordering", "matching", "essay"])
      expect(all).toContain(type);
    const calculation = result.courses.find((c) => c.slug === "aufmass-materialberechnung");
    const numeric = calculation?.modules
      .flatMap((m) => m.quiz?.questions ?? [])
      .filter((q) => q.config.type === "numeric");
    expect(numeric?.length).toBeGreaterThanOrEqual(20);
  });

  test("validates without errors and holds at least 5 courses, 15 modules and 45 lessons", async () => {
    const result = await readLibrary(path.resolve("content"));
    expect(result.errors).toEqual([]);
    expect(result.courses.length).toBeGreaterThanOrEqual(5);
    expect(result.courses.flatMap((c) => c.modules).length).toBeGreaterThanOrEqual(15);
    expect(result.courses.flatMap((c) => c.modules.flatMap((m) => m.lessons)).length).toBeGreaterThanOrEqual(45);
    for (const course of result.courses) {
      expect(course.modules.length, course.slug).toBeGreaterThanOrEqual(3);
      for (const module of course.modules)
        expect(module.lessons.length, `${course.slug}/${module.slug}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("errors name file and line", () => {
  test.each([
    {
      name: "YAML syntax (a key twice)",
      file: "kaputt/course.yaml",
      content: "title: Kurs\ntitle: Noch ein Titel\nsummary: Gut.\noccupations: [all]\ntrainingYears: [1]\n",
      line: 2,
      message: /YAML/,
    },
    {
      name: "unknown occupation",
      file: "kaputt/course.yaml",
      content: "title: Kurs\nsummary: Gut.\noccupations:\n  - all\n  - baecker\ntrainingYears: [1]\n",
      line: 5,
      message: /occupations\.1/,
    },
    {
      name: "missing lesson title in front matter",
      file: "kaputt/01-erstes-modul/01-start.md",
      content: "---\nminutes: 5\n---\n\nText\n",
      line: 2,
      message: /title/,
    },
    {
      name: "minutes not a number",
      file: "kaputt/01-erstes-modul/01-start.md",
      content: "---\ntitle: Start\nminutes: viele\n---\n\nText\n",
      line: 3,
      message: /minutes/,
    },
    {
      name: "raw HTML in a lesson",
      file: "kaputt/01-erstes-modul/01-start.md",
      content: "---\ntitle: Start\nminutes: 5\n---\n\nErster Absatz.\n\n<script>alert(1)</script>\n",
      line: 8,
      message: /HTML/,
    },
    {
      name: "a missing picture",
      file: "kaputt/01-erstes-modul/01-start.md",
      content: "---\ntitle: Start\nminutes: 5\n---\n\nText\n\n![Fehlt](images/fehlt.svg)\n",
      line: 8,
      message: /Bild nicht gefunden/,
    },
    {
      name: "a picture outside the course folder",
      file: "kaputt/01-erstes-modul/01-start.md",
      content: "---\ntitle: Start\nminutes: 5\n---\n\n![Geheim](../../secret.png)\n",
      line: 6,
      message: /Kursordner/,
    },
    {
      name: "a script inside an SVG",
      file: "kaputt/images/plan.svg",
      content: '<svg xmlns="http://www.w3.org/2000/svg">\n<title>x</title>\n<script>alert(1)</script>\n</svg>',
      line: 3,
      message: /script/,
    },
    {
      name: "a quiz question of an unknown type",
      file: "kaputt/01-erstes-modul/quiz.yaml",
      content: "passPercent: 60\nquestions:\n  - key: erste\n    type: raten\n    prompt: Was?\n",
      line: 4,
      message: /type/,
    },
    {
      name: "a single-choice question without a right answer",
      file: "kaputt/01-erstes-modul/quiz.yaml",
      content:
        "questions:\n  - key: ok\n    type: truefalse\n    prompt: Holz brennt.\n    answer: true\n  - key: ohne-loesung\n    type: single\n    prompt: Welche?\n    choices:\n      - text: A\n      - text: B\n",
      line: 6,
      message: /ohne richtige Antwort/,
    },
    {
      name: "a quiz picture without a text saying what it shows",
      file: "kaputt/01-erstes-modul/quiz.yaml",
      content:
        "questions:\n  - key: plan\n    type: truefalse\n    image: images/plan.svg\n    prompt: Der Plan ist maßstäblich.\n    answer: true\n",
      line: 2,
      message: /imageAlt/,
    },
    {
      name: "a GIFT question with an unclosed answer block",
      file: "kaputt/01-erstes-modul/quiz.gift",
      content: "// Kommentar\n::Gut:: Holz ist brennbar. {T}\n\n::Kaputt:: Wie viel? {=eins ~zwei\n",
      line: 4,
      message: /Klammer|\}/,
    },
  ])("$name", async ({ file, content, line, message }) => {
    const dir = await library({ ...courseFiles("kaputt"), [file]: content });
    const result = await readLibrary(dir);
    const match = result.errors.find((e) => e.file.endsWith(path.join(...file.split("/"))));
    expect(match, JSON.stringify(result.errors)).toBeDefined();
    expect(match?.line).toBe(line);
    expect(match?.message).toMatch(message);
  });
});

test("a picture that is a symbolic link out of the course folder is refused", async () => {
  const outside = path.join(scratch, "geheim.svg");
  await writeFile(outside, svg);
  const dir = await library({
    ...courseFiles("verlinkt"),
    "verlinkt/01-erstes-modul/01-start.md": "---\ntitle: Start\nminutes: 5\n---\n\n![Link](images/link.svg)\n",
  });
  await symlink(outside, path.join(dir, "verlinkt/images/link.svg"));
  const result = await readLibrary(dir);
  expect(result.errors).toEqual([
    { file: expect.stringMatching(/01-start\.md$/), line: 6, message: expect.stringMatching(/Kursordner/) },
  ]);
});

describe("importing", () => {
  test("a library with any error writes nothing at all", async () => {
    const dir = await library({
      ...courseFiles("gut-und-richtig"),
      ...courseFiles("schlecht"),
      "schlecht/01-erstes-modul/02-weiter.md": "---\ntitle: Weiter\n---\n",
    });
    const summary = await importLibrary(db, dir);
    expect(summary.errors.length).toBeGreaterThan(0);
    const written = await db.select().from(courses).where(eq(courses.slug, "gut-und-richtig"));
    expect(written).toEqual([]);
  });

  test("re-import keeps quiz and question ids, updates changed questions and archives removed ones", async () => {
    const slug = `quiz-${Date.now().toString(36)}`;
    const quizYaml = (second: string) =>
      `passPercent: 50\nquestions:\n  - key: holz\n    type: truefalse\n    prompt: Holz arbeitet.\n    answer: true\n${second}`;
    const files = (second: string, gift = "::Stahl:: Stahl rostet. {T}\n") => ({
      ...courseFiles(slug),
      [`${slug}/01-erstes-modul/quiz.yaml`]: quizYaml(second),
      [`${slug}/01-erstes-modul/quiz.gift`]: gift,
    });
    const nail =
      "  - key: nagel\n    type: numeric\n    prompt: Wie lang in mm?\n    unit: mm\n    answers:\n      - value: 60\n";
    const first = await importLibrary(db, await library(files(nail)));
    expect(first).toMatchObject({ quizzes: 1, questions: 3, errors: [] });
    const stored = async () =>
      db
        .select({
          id: questions.id,
          key: questions.key,
          config: questions.config,
          archivedAt: questions.archivedAt,
          quizId: questions.quizId,
        })
        .from(questions)
        .innerJoin(quizzes, eq(quizzes.id, questions.quizId))
        .innerJoin(courseModules, eq(courseModules.id, quizzes.moduleId))
        .innerJoin(courses, eq(courses.id, courseModules.courseId))
        .where(eq(courses.slug, slug));
    const before = await stored();
    expect(before.map((q) => q.key).sort()).toEqual(["holz", "nagel", "stahl"]);

    // The nail gets a tolerance, the GIFT question goes away.
    const second = await importLibrary(
      db,
      await library(files(nail.replace("value: 60", "value: 60\n        tolerance: 1"), "")),
    );
    expect(second.errors).toEqual([]);
    const after = await stored();
    const byKey = (list: typeof before, key: string) => list.find((q) => q.key === key);
    expect(byKey(after, "nagel")?.id).toBe(byKey(before, "nagel")?.id);
    expect(byKey(after, "nagel")?.config).toMatchObject({ answers: [{ value: 60, tolerance: 1 }] });
    expect(byKey(after, "stahl")?.archivedAt).not.toBeNull();
    expect(byKey(after, "holz")?.quizId).toBe(byKey(before, "holz")?.quizId);
  });

  test("re-import keeps ids and progress, versions changed lessons and archives removed ones", async () => {
    const slug = `kurs-${Date.now().toString(36)}`;
    const first = await importLibrary(db, await library(courseFiles(slug)));
    expect(first).toMatchObject({ courses: 1, modules: 1, lessons: 2, errors: [] });

    const [course] = await db
      .select()
      .from(courses)
      .where(and(eq(courses.slug, slug), isNull(courses.ownerOrganizationId)));
    expect(course?.status).toBe("published");
    const rows = await db
      .select()
      .from(lessons)
      .innerJoin(courseModules, eq(courseModules.id, lessons.moduleId))
      .where(eq(courseModules.courseId, course?.id ?? ""));
    const start = rows.find((r) => r.lessons.slug === "start")?.lessons;
    const weiter = rows.find((r) => r.lessons.slug === "weiter")?.lessons;
    expect(start?.publishedVersion).toBe(1);
    expect(start?.publishedHtml).toMatch(
      /<img src="\/media\/[0-9a-f]{64}\.svg" alt="Ein Plan" width="200" height="100"/,
    );

    const learner = await createUser(db);
    await db.insert(lessonProgress).values([
      { userId: learner.id, lessonId: start?.id ?? "" },
      { userId: learner.id, lessonId: weiter?.id ?? "" },
    ]);

    // An unchanged library writes nothing: updated_at stays where it was.
    await importLibrary(db, await library(courseFiles(slug)), { now: new Date(Date.now() + 60_000) });
    const [unchanged] = await db
      .select()
      .from(lessons)
      .where(eq(lessons.id, start?.id ?? ""));
    expect(unchanged?.updatedAt).toEqual(start?.updatedAt);

    // Change one lesson, drop the other.
    const changed = courseFiles(slug, { start: "---\ntitle: Start neu\nminutes: 6\n---\n\nNeuer Text.\n" });
    delete changed[`${slug}/01-erstes-modul/02-weiter.md`];
    const second = await importLibrary(db, await library(changed));
    expect(second.errors).toEqual([]);

    const [startAfter] = await db
      .select()
      .from(lessons)
      .where(eq(lessons.id, start?.id ?? ""));
    expect(startAfter).toMatchObject({
      publishedVersion: 2,
      publishedTitle: "Start neu",
      minutes: 6,
      archivedAt: null,
    });
    expect(startAfter?.publishedHtml).toBe("<p>Neuer Text.</p>");
    const [weiterAfter] = await db
      .select()
      .from(lessons)
      .where(eq(lessons.id, weiter?.id ?? ""));
    expect(weiterAfter?.archivedAt).not.toBeNull();
    const progress = await db.select().from(lessonProgress).where(eq(lessonProgress.userId, learner.id));
    expect(progress).toHaveLength(2);

    // Bringing the lesson back restores the same row.
    await importLibrary(db, await library(courseFiles(slug)));
    const [weiterBack] = await db
      .select()
      .from(lessons)
      .where(eq(lessons.id, weiter?.id ?? ""));
    expect(weiterBack?.archivedAt).toBeNull();
  });
});

describe("npm run content:import", () => {
  const cli = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/content-import.ts", ...args], {
      env: { ...process.env, DATABASE_URL: "" },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

  test("--dry-run --json on the repository prints the summary and exits 0", async () => {
    const { code, stdout } = await cli(["--dry-run", "--json"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ errors: [] });
    // Every module of the library closes with a quiz.
    expect(summary.quizzes).toBe(summary.modules);
    expect(summary.questions).toBeGreaterThanOrEqual(6 * summary.quizzes);
    expect(summary.courses).toBeGreaterThanOrEqual(5);
    expect(summary.lessons).toBeGreaterThanOrEqual(45);
  });

  test("a broken file makes it exit non-zero and name file and line", async () => {
    const dir = await library({ ...courseFiles("cli-kaputt"), "cli-kaputt/01-erstes-modul/module.yaml": "title: [\n" });
    const { code, stdout } = await cli(["--dir", dir, "--dry-run", "--json"]);
    expect(code).not.toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.errors[0]).toMatchObject({ file: expect.stringContaining("module.yaml"), line: expect.any(Number) });
  });
});
