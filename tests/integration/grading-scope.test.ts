/**
 * Grading and answer keys stay inside the organisation that owns the quiz (security finding 1):
 * a school teacher never sees or grades answers to a company's own quiz, a company trainer never
 * those to a school's own quiz, and the GIFT export (answer keys) is for the quiz's own staff.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { attemptAnswers, memberships } from "#db/schema/index.ts";
import { apprenticeOverview } from "#app/modules/assignments/apprentice-overview.server.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { exportQuizAsGift } from "#app/modules/quizzes/authoring/export-gift.server.ts";
import { gradeEssay } from "#app/modules/quizzes/grade-essay.server.ts";
import { essayForGrading, gradingQueue, gradingQueueCount } from "#app/modules/quizzes/grading-queue.server.ts";
import { quizOverview } from "#app/modules/quizzes/quiz-pages.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createMember, ctxFor } from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);
// The apprentice is a student of the school too (class enrolment and membership), so the
// school's own courses are theirs to read.
await db
  .insert(memberships)
  .values({ userId: world.people.apprentice.id, organizationId: world.school.id, role: "apprentice" });

async function essayQuiz(owner: string | null) {
  const course = await createCourse(db, { owner, modules: 1, lessonsPerModule: 1 });
  const { quiz } = await createQuiz(db, course.modules[0]?.id ?? "", {
    questions: [{ key: "bericht", type: "essay", prompt: "Was hast du gelernt?", points: 2 }],
  });
  return { ...quiz, courseTitle: course.course.title };
}

async function submittedEssay(quizId: string) {
  const ctx = await as("apprentice");
  const started = await startAttempt({ ctx, input: { quizId } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  const form = pageForm(slots, 1, { bericht: { text: "Geheimer Text" } }, { revision: 0, intent: "submit" });
  await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });
  return { attemptId: started.attemptId, slot: slots[0]?.slot ?? 0 };
}

const companyQuiz = await essayQuiz(world.company.id);
const schoolQuiz = await essayQuiz(world.school.id);
const libraryQuiz = await essayQuiz(null);
const companyAnswer = await submittedEssay(companyQuiz.id);
const schoolAnswer = await submittedEssay(schoolQuiz.id);
const libraryAnswer = await submittedEssay(libraryQuiz.id);

async function queueIds(person: keyof typeof world.people) {
  return (await gradingQueue(await as(person))).map((row) => row.attemptId);
}

async function expectUntouched(attemptId: string) {
  const [answer] = await db.select().from(attemptAnswers).where(eq(attemptAnswers.attemptId, attemptId));
  expect(answer?.needsGrading).toBe(true);
  expect(answer?.gradedBy ?? null).toBeNull();
}

describe("grading stays with the quiz's organisation", () => {
  test("the school teacher's queue holds the school's and the library's answers, never the company's", async () => {
    const ids = await queueIds("teacher");
    expect(ids).toEqual(expect.arrayContaining([schoolAnswer.attemptId, libraryAnswer.attemptId]));
    expect(ids).not.toContain(companyAnswer.attemptId);
    expect(await gradingQueueCount(await as("teacher"))).toBe(ids.length);
  });

  test("the company trainer's queue holds the company's and the library's answers, never the school's", async () => {
    const ids = await queueIds("trainer");
    expect(ids).toEqual(expect.arrayContaining([companyAnswer.attemptId, libraryAnswer.attemptId]));
    expect(ids).not.toContain(schoolAnswer.attemptId);
    expect(await gradingQueueCount(await as("trainer"))).toBe(ids.length);
  });

  test("the teacher can neither open nor grade an answer to the company's own quiz", async () => {
    const teacher = await as("teacher");
    await expect(essayForGrading(teacher, companyAnswer.attemptId, companyAnswer.slot)).rejects.toThrow(NotFoundError);
    await expect(
      gradeEssay({ ctx: teacher, input: { ...companyAnswer, points: 2, comment: "von außen" } }),
    ).rejects.toThrow(NotFoundError);
    await expectUntouched(companyAnswer.attemptId);
  });

  test("the trainer can neither open nor grade an answer to the school's own quiz", async () => {
    const trainer = await as("trainer");
    await expect(essayForGrading(trainer, schoolAnswer.attemptId, schoolAnswer.slot)).rejects.toThrow(NotFoundError);
    await expect(
      gradeEssay({ ctx: trainer, input: { ...schoolAnswer, points: 2, comment: "von außen" } }),
    ).rejects.toThrow(NotFoundError);
    await expectUntouched(schoolAnswer.attemptId);
  });

  test("each side still grades its own quiz, and both grade the library's", async () => {
    expect((await essayForGrading(await as("trainer"), companyAnswer.attemptId, companyAnswer.slot)).text).toBe(
      "Geheimer Text",
    );
    expect((await essayForGrading(await as("teacher"), schoolAnswer.attemptId, schoolAnswer.slot)).text).toBe(
      "Geheimer Text",
    );
    expect((await essayForGrading(await as("teacher"), libraryAnswer.attemptId, libraryAnswer.slot)).waiting).toBe(
      true,
    );
  });
});

describe("the GIFT export (answer keys) is for the quiz's own staff", () => {
  test("an apprentice of the company who is a trainer elsewhere cannot export the company's quiz", async () => {
    const both = await createMember(db, world.otherCompany.id, "trainer");
    await db.insert(memberships).values({ userId: both.id, organizationId: world.company.id, role: "apprentice" });
    const ctx = await ctxFor(db, both.id);
    await expect(exportQuizAsGift(ctx, companyQuiz.id)).rejects.toThrow(ForbiddenError);
    expect((await quizOverview(ctx, companyQuiz.id)).canExport).toBe(false);
    // Library quizzes hold no organisation's secret: any trainer or teacher may take them to Moodle.
    expect((await exportQuizAsGift(ctx, libraryQuiz.id)).fileName).toMatch(/\.gift$/);
  });

  test("the company's trainer exports the company's quiz", async () => {
    const trainer = await as("trainer");
    expect((await exportQuizAsGift(trainer, companyQuiz.id)).fileName).toMatch(/\.gift$/);
    expect((await quizOverview(trainer, companyQuiz.id)).canExport).toBe(true);
  });
});

describe("a view of an apprentice counts only what the viewer may see", () => {
  test("attempts at another organisation's own quiz are in neither the teacher's nor the trainer's chart", async () => {
    const teacherView = await apprenticeOverview(await as("teacher"), world.school.id, world.people.apprentice.id);
    const trainerView = await apprenticeOverview(await as("trainer"), world.company.id, world.people.apprentice.id);
    const attempts = (view: typeof teacherView) => view.activity.reduce((sum, week) => sum + week.quizzes, 0);
    // Each sees their own organisation's and the library's attempts: own courses stay inside.
    expect(attempts(trainerView)).toBe(2);
    expect(attempts(teacherView)).toBe(2);
    expect(JSON.stringify(trainerView)).not.toContain(schoolQuiz.courseTitle);
    expect(JSON.stringify(teacherView)).not.toContain(companyQuiz.courseTitle);
    expect(JSON.stringify(teacherView)).not.toContain(companyQuiz.id);
  });
});
