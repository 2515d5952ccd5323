import { readFile } from "node:fs/promises";
import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { questions } from "#db/schema/index.ts";
import { exportQuizAsGift } from "#app/modules/quizzes/authoring/export-gift.server.ts";
import { importGiftIntoQuiz } from "#app/modules/quizzes/authoring/import-gift.server.ts";
import { createModuleQuiz } from "#app/modules/quizzes/authoring/quiz-writes.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);
const fixture = await readFile("tests/fixtures/gift/moodle-doc-constructs.gift", "utf8");

async function emptyQuiz() {
  const course = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
  return createModuleQuiz({ ctx: await as("trainer"), input: { moduleId: course.modules[0]?.id ?? "" } });
}

function storedQuestions(quizId: string) {
  return db
    .select({
      title: questions.title,
      type: questions.type,
      prompt: questions.prompt,
      generalFeedback: questions.generalFeedback,
      config: questions.config,
    })
    .from(questions)
    .where(eq(questions.quizId, quizId))
    .orderBy(asc(questions.position));
}

describe("GIFT into a quiz", () => {
  test("the documentation fixture is taken with a report; uploading it again duplicates nothing", async () => {
    const quiz = await emptyQuiz();
    const ctx = await as("trainer");
    const report = await importGiftIntoQuiz({ ctx, input: { quizId: quiz.id, source: fixture } });
    expect(report.imported.length).toBeGreaterThanOrEqual(25);
    for (const item of [...report.rejected, ...report.warnings]) expect(item.line).toBeGreaterThan(0);
    const types = new Set(report.imported.map((item) => item.type));
    for (const type of ["single", "multiple", "truefalse", "numeric", "shorttext", "matching", "essay", "description"])
      expect(types).toContain(type);
    const count = (await storedQuestions(quiz.id)).length;
    expect(count).toBe(report.imported.length);
    await importGiftIntoQuiz({ ctx, input: { quizId: quiz.id, source: fixture } });
    expect((await storedQuestions(quiz.id)).length).toBe(count);
  });

  test("export then import gives the same questions", async () => {
    const ctx = await as("trainer");
    const source = await emptyQuiz();
    await importGiftIntoQuiz({ ctx, input: { quizId: source.id, source: fixture } });
    const exported = await exportQuizAsGift(ctx, source.id);
    const target = await emptyQuiz();
    const report = await importGiftIntoQuiz({ ctx, input: { quizId: target.id, source: exported.text } });
    expect(report.rejected).toEqual([]);
    expect(await storedQuestions(target.id)).toEqual(await storedQuestions(source.id));
    // And once more: the second export is the same text (but for the category, named after the course).
    const withoutCategory = (text: string) => text.replace(/^\$CATEGORY:.*$/m, "");
    expect(withoutCategory((await exportQuizAsGift(ctx, target.id)).text)).toBe(withoutCategory(exported.text));
  });

  test("HTML in a GIFT question is read like a lesson: scripts, handlers and foreign pictures are gone", async () => {
    const quiz = await emptyQuiz();
    const source =
      '::Gefährlich::[html]<p onclick="steal()">Ist <b>Holz</b> brennbar?<script>alert(1)</script><img src="https://evil.example/x.png"></p>{T}';
    const report = await importGiftIntoQuiz({ ctx: await as("trainer"), input: { quizId: quiz.id, source } });
    expect(report.imported).toHaveLength(1);
    const [row] = await db.select({ html: questions.promptHtml }).from(questions).where(eq(questions.quizId, quiz.id));
    expect(row?.html).toContain("<strong>Holz</strong>");
    expect(row?.html).not.toMatch(/script|onclick|evil\.example/);
  });

  test("a broken question is reported with its line and the others are still taken", async () => {
    const quiz = await emptyQuiz();
    const source =
      "::Gut:: Holz arbeitet. {T}\n\n::Kaputt:: Wie viel? {=eins ~zwei\n\n::Auch gut:: Stahl rostet. {TRUE}\n";
    const report = await importGiftIntoQuiz({ ctx: await as("trainer"), input: { quizId: quiz.id, source } });
    expect(report.imported.map((item) => item.title)).toEqual(["Gut", "Auch gut"]);
    expect(report.rejected).toEqual([expect.objectContaining({ line: 3 })]);
  });

  test("another company cannot import into the quiz; apprentices cannot export it", async () => {
    const quiz = await emptyQuiz();
    await expect(
      importGiftIntoQuiz({ ctx: await as("otherTrainer"), input: { quizId: quiz.id, source: fixture } }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      importGiftIntoQuiz({ ctx: await as("apprentice"), input: { quizId: quiz.id, source: fixture } }),
    ).rejects.toThrow(ForbiddenError);
    await expect(exportQuizAsGift(await as("apprentice"), quiz.id)).rejects.toThrow(ForbiddenError);
    await expect(exportQuizAsGift(await as("otherTrainer"), quiz.id)).rejects.toThrow(NotFoundError);
    expect(await storedQuestions(quiz.id)).toEqual([]);
  });
});
