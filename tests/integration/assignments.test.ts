import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { assignmentRecipients, assignments } from "#db/schema/index.ts";
import { createAssignment } from "#app/modules/assignments/create-assignment.server.ts";
import { myAssignments } from "#app/modules/assignments/my-assignments.server.ts";
import { updateAssignment } from "#app/modules/assignments/update-assignment.server.ts";
import { withdrawAssignment } from "#app/modules/assignments/withdraw-assignment.server.ts";
import { markLessonDone } from "#app/modules/courses/mark-lesson.server.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { assign } from "#tests/factories/assignments.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createMember, ctxFor, sessionCookieFor } from "#tests/factories/index.ts";
import { callRoute } from "#tests/setup/route-call.ts";
import { translate } from "#app/i18n/translate.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const { trainer, apprentice, otherApprentice, otherTrainer, teacher } = world.people;
const as = (person: keyof typeof world.people) => ctxFor(db, world.people[person].id);
const course = await createCourse(db, { owner: null, modules: 2, lessonsPerModule: 2 });
const [firstModule, secondModule] = course.modules as [(typeof course.modules)[0], (typeof course.modules)[0]];
const { quiz } = await createQuiz(db, firstModule.id, {
  passPercent: 50,
  questions: [{ key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true }],
});
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function passQuiz(person: "apprentice" | "otherApprentice", value: boolean) {
  const ctx = await as(person);
  const started = await startAttempt({ ctx, input: { quizId: quiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  const slots = await attemptSlots(db, started.attemptId);
  const form = pageForm(slots, 1, { holz: { value } }, { revision: 0, intent: "submit" });
  await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });
}

const mine = async (person: "apprentice" | "otherApprentice" = "apprentice") => myAssignments(await as(person));

describe("giving assignments", () => {
  test("status follows progress: open, in progress, done when the lesson and the quiz are done", async () => {
    const lessonId = secondModule.lessonIds[0] ?? "";
    const lessonTask = await assign(db, {
      by: trainer.id,
      organizationId: world.company.id,
      target: { kind: "lesson", id: lessonId },
      apprenticeIds: [apprentice.id],
      dueOn: day(3),
      note: "Bis Freitag bitte",
    });
    const moduleTask = await assign(db, {
      by: trainer.id,
      organizationId: world.company.id,
      target: { kind: "module", id: firstModule.id },
      apprenticeIds: [apprentice.id],
      dueOn: day(5),
    });
    let list = await mine();
    expect(list.find((a) => a.id === lessonTask)).toMatchObject({
      status: "open",
      itemsTotal: 1,
      note: "Bis Freitag bitte",
    });
    expect(list.find((a) => a.id === moduleTask)).toMatchObject({
      status: "open",
      itemsTotal: 3,
      next: { kind: "lesson", href: `/lessons/${firstModule.lessonIds[0]}` },
    });

    await markLessonDone({ ctx: await as("apprentice"), input: { lessonId } });
    await markLessonDone({ ctx: await as("apprentice"), input: { lessonId: firstModule.lessonIds[0] ?? "" } });
    list = await mine();
    expect(list.find((a) => a.id === lessonTask)?.status).toBe("done");
    expect(list.find((a) => a.id === moduleTask)).toMatchObject({ status: "inProgress", itemsDone: 1 });

    await markLessonDone({ ctx: await as("apprentice"), input: { lessonId: firstModule.lessonIds[1] ?? "" } });
    await passQuiz("apprentice", false);
    list = await mine();
    expect(list.find((a) => a.id === moduleTask)).toMatchObject({
      status: "inProgress",
      itemsDone: 2,
      scorePercent: 0,
      next: { kind: "quiz" },
    });
    await passQuiz("apprentice", true);
    list = await mine();
    expect(list.find((a) => a.id === moduleTask)).toMatchObject({ status: "done", scorePercent: 100, next: null });
  });

  test("work done before the assignment counts at once; overdue work sorts first", async () => {
    const done = await assign(db, {
      by: trainer.id,
      organizationId: world.company.id,
      target: { kind: "quiz", id: quiz.id },
      apprenticeIds: [apprentice.id],
    });
    const late = await assign(db, {
      by: trainer.id,
      organizationId: world.company.id,
      target: { kind: "lesson", id: secondModule.lessonIds[1] ?? "" },
      apprenticeIds: [apprentice.id],
      dueOn: day(1),
      now: new Date(Date.now() - 5 * 86_400_000),
    });
    // Seen two days after the due date.
    const list = await myAssignments(await ctxFor(db, apprentice.id, new Date(Date.now() + 2 * 86_400_000)));
    expect(list.find((a) => a.id === done)?.status).toBe("done");
    expect(list[0]).toMatchObject({ id: late, status: "overdue" });
  });

  test("an apprentice sees only their own assignments", async () => {
    const theirs = await assign(db, {
      by: otherTrainer.id,
      organizationId: world.otherCompany.id,
      target: { kind: "course", id: course.course.id },
      apprenticeIds: [otherApprentice.id],
    });
    expect((await mine()).map((a) => a.id)).not.toContain(theirs);
    expect((await mine("otherApprentice")).map((a) => a.id)).toContain(theirs);
  });

  test("a trainer cannot assign to another company's apprentice, nor an apprentice assign at all", async () => {
    const input = {
      organizationId: world.company.id,
      submissionId: randomUUID(),
      target: { kind: "course" as const, id: course.course.id },
      dueOn: day(7),
      note: "",
      apprenticeIds: [otherApprentice.id],
      scope: "class" as const,
    };
    const result = await createAssignment({ ctx: await as("trainer"), input });
    expect(result).toEqual({ ok: false, fieldErrors: { apprenticeIds: ["errors.assignment.recipientsUnknown"] } });
    await expect(
      createAssignment({ ctx: await as("apprentice"), input: { ...input, apprenticeIds: [apprentice.id] } }),
    ).rejects.toThrow();
    await expect(
      createAssignment({
        ctx: await as("otherTrainer"),
        input: { ...input, apprenticeIds: [apprentice.id] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a due date in the past and an unknown target are refused with field errors", async () => {
    const base = {
      organizationId: world.company.id,
      submissionId: randomUUID(),
      note: "",
      apprenticeIds: [apprentice.id],
      scope: "class" as const,
    };
    expect(
      await createAssignment({
        ctx: await as("trainer"),
        input: { ...base, target: { kind: "course", id: course.course.id }, dueOn: day(-1) },
      }),
    ).toEqual({ ok: false, fieldErrors: { dueOn: ["errors.assignment.dueOnPast"] } });
    expect(
      await createAssignment({
        ctx: await as("trainer"),
        input: { ...base, target: { kind: "quiz", id: randomUUID() }, dueOn: day(1) },
      }),
    ).toEqual({ ok: false, fieldErrors: { target: ["errors.assignment.targetRequired"] } });
  });

  test("a double submit gives one assignment, also when both arrive at once", async () => {
    const input = {
      organizationId: world.company.id,
      submissionId: randomUUID(),
      target: { kind: "course" as const, id: course.course.id },
      dueOn: day(7),
      note: "",
      apprenticeIds: [apprentice.id],
      scope: "class" as const,
    };
    const ctx = await as("trainer");
    const results = await Promise.all([1, 2, 3].map(() => createAssignment({ ctx, input })));
    const ids = new Set(results.map((r) => (r.ok ? r.id : "refused")));
    expect(ids.size).toBe(1);
    const rows = await db.select().from(assignments).where(eq(assignments.submissionId, input.submissionId));
    expect(rows).toHaveLength(1);
  });

  test("a teacher assigns to a whole class across two companies, or to chosen students", async () => {
    const whole = await assign(db, {
      by: teacher.id,
      organizationId: world.school.id,
      target: { kind: "course", id: course.course.id },
      classId: world.schoolClass.id,
    });
    const chosen = await assign(db, {
      by: teacher.id,
      organizationId: world.school.id,
      target: { kind: "lesson", id: firstModule.lessonIds[0] ?? "" },
      classId: world.schoolClass.id,
      apprenticeIds: [otherApprentice.id],
    });
    const recipients = async (id: string) =>
      (await db.select().from(assignmentRecipients).where(eq(assignmentRecipients.assignmentId, id)))
        .map((r) => r.apprenticeId)
        .sort();
    expect(await recipients(whole)).toEqual([apprentice.id, otherApprentice.id].sort());
    expect(await recipients(chosen)).toEqual([otherApprentice.id]);
    await expect(
      assign(db, {
        by: world.people.otherTeacher.id,
        organizationId: world.otherSchool.id,
        target: { kind: "course", id: course.course.id },
        classId: world.schoolClass.id,
      }),
    ).rejects.toThrow(/classEmpty|classRequired/);
  });
});

describe("changing and withdrawing", () => {
  test("the trainer moves the due date, changes people; another company gets not found; withdrawn is gone", async () => {
    const id = await assign(db, {
      by: trainer.id,
      organizationId: world.company.id,
      target: { kind: "course", id: course.course.id },
      apprenticeIds: [apprentice.id],
      dueOn: day(2),
    });
    const update = {
      assignmentId: id,
      dueOn: day(9),
      note: "Neu",
      apprenticeIds: [apprentice.id],
      scope: "class" as const,
    };
    await expect(updateAssignment({ ctx: await as("otherTrainer"), input: update })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      withdrawAssignment({ ctx: await as("otherTrainer"), input: { assignmentId: id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await updateAssignment({ ctx: await as("trainer"), input: update })).toEqual({ ok: true, id });
    expect((await mine()).find((a) => a.id === id)).toMatchObject({ dueOn: day(9), note: "Neu" });

    await withdrawAssignment({ ctx: await as("trainer"), input: { assignmentId: id } });
    expect((await mine()).map((a) => a.id)).not.toContain(id);
    const [row] = await db
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, id)));
    expect(row?.withdrawnAt).not.toBeNull();
    await expect(updateAssignment({ ctx: await as("trainer"), input: update })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the form", () => {
  test("a refused form answers in German error keys and keeps every typed value, ticked people too", async () => {
    const { action } = await import("#app/routes/orgs.$orgId.assignments.new.tsx");
    const colleague = await createMember(db, world.company.id, "apprentice");
    const result = await callRoute(action as Parameters<typeof callRoute>[0], {
      path: `/orgs/${world.company.id}/assignments/new`,
      params: { orgId: world.company.id },
      cookie: await sessionCookieFor(db, trainer.id),
      form: {
        submissionId: randomUUID(),
        target: `lesson:${firstModule.lessonIds[0]}`,
        dueOn: day(-3),
        note: "Bitte bis Montag",
        apprenticeIds: [apprentice.id, colleague.id],
      },
    });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      fieldErrors: { dueOn: ["errors.assignment.dueOnPast"] },
      values: {
        target: `lesson:${firstModule.lessonIds[0]}`,
        dueOn: day(-3),
        note: "Bitte bis Montag",
        apprenticeIds: `${apprentice.id},${colleague.id}`,
      },
    });
    expect(translate("de", "errors.assignment.dueOnPast")).toMatch(/Vergangenheit/);
  });
});

describe("old finished work", () => {
  test("leaves the dashboard and the apprentice's list four weeks after its due date; unfinished work stays", async () => {
    const { teamDashboard } = await import("#app/modules/assignments/team-dashboard.server.ts");
    const [lessonA, lessonB] = [course.lessonIds[2] ?? "", course.lessonIds[3] ?? ""];
    const longAgo = new Date(Date.now() - 60 * 86_400_000);
    const given = (lessonId: string) =>
      assign(db, {
        by: trainer.id,
        organizationId: world.company.id,
        target: { kind: "lesson", id: lessonId },
        apprenticeIds: [apprentice.id],
        dueOn: day(-50),
        now: longAgo,
      });
    const finished = await given(lessonA);
    const forgotten = await given(lessonB);
    await markLessonDone({
      ctx: await ctxFor(db, apprentice.id, new Date(Date.now() - 55 * 86_400_000)),
      input: { lessonId: lessonA },
    });

    const dashboard = await teamDashboard(await as("trainer"), world.company.id);
    const columns = dashboard.assignments.map((a) => a.id);
    expect(columns).not.toContain(finished);
    expect(columns).toContain(forgotten);
    const tasks = await mine();
    expect(tasks.map((a) => a.id)).not.toContain(finished);
    expect(tasks.find((a) => a.id === forgotten)?.status).toBe("overdue");
  });
});

describe("joining a class later", () => {
  test("a new student gets the class's whole-class work that is not yet due, not chosen-only or overdue work", async () => {
    const { createInvitation } = await import("#app/modules/orgs/create-invitation.server.ts");
    const { acceptInvitation } = await import("#app/modules/orgs/accept-invitation.server.ts");
    const schoolClass = world.schoolClass.id;
    const wholeClass = await assign(db, {
      by: teacher.id,
      organizationId: world.school.id,
      target: { kind: "module", id: secondModule.id },
      classId: schoolClass,
      dueOn: day(10),
    });
    const chosenOnly = await assign(db, {
      by: teacher.id,
      organizationId: world.school.id,
      target: { kind: "lesson", id: secondModule.lessonIds[0] ?? "" },
      classId: schoolClass,
      apprenticeIds: [apprentice.id],
      dueOn: day(10),
    });
    const alreadyOverdue = await assign(db, {
      by: teacher.id,
      organizationId: world.school.id,
      target: { kind: "course", id: course.course.id },
      classId: schoolClass,
      dueOn: day(-2),
      now: new Date(Date.now() - 9 * 86_400_000),
    });
    const { code } = await createInvitation({
      ctx: await as("teacher"),
      input: { label: "Neu", role: "apprentice", validDays: 7, organizationId: world.school.id, classId: schoolClass },
    });
    const joined = await acceptInvitation({
      ctx: { db, actor: null, now: new Date() },
      input: {
        code,
        account: { name: "Neue Schülerin", email: `neu-${randomUUID()}@example.test`, password: "ein langes passwort" },
        clientAddress: `203.0.113.${randomUUID()}`,
      },
    });
    if (!joined.ok) throw new Error(joined.reason);
    const theirs = (await myAssignments(await ctxFor(db, joined.userId))).map((a) => a.id);
    expect(theirs).toContain(wholeClass);
    expect(theirs).not.toContain(chosenOnly);
    expect(theirs).not.toContain(alreadyOverdue);
  });
});

describe("a quiz with a free-text answer", () => {
  test("waits for a grade, and the assignment completes itself when the trainer grades it to a pass", async () => {
    const { gradeEssay } = await import("#app/modules/quizzes/grade-essay.server.ts");
    const essayCourse = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 1 });
    const { quiz: essayQuiz } = await createQuiz(db, essayCourse.modules[0]?.id ?? "", {
      passPercent: 50,
      questions: [{ key: "bericht", type: "essay", prompt: "Was hast du gelernt?", points: 2 }],
    });
    const id = await assign(db, {
      by: trainer.id,
      organizationId: world.company.id,
      target: { kind: "quiz", id: essayQuiz.id },
      apprenticeIds: [apprentice.id],
    });
    const ctx = await as("apprentice");
    const started = await startAttempt({ ctx, input: { quizId: essayQuiz.id } });
    if (!("attemptId" in started)) throw new Error(started.status);
    const slots = await attemptSlots(db, started.attemptId);
    const form = pageForm(slots, 1, { bericht: { text: "Zinken sägen" } }, { revision: 0, intent: "submit" });
    await submitAttempt({ ctx, input: { attemptId: started.attemptId, revision: 0, page: 1, form } });
    expect((await mine()).find((a) => a.id === id)).toMatchObject({ status: "inProgress", pendingGrading: true });

    const slot = slots.find((s) => s.key === "bericht")?.slot ?? 0;
    await gradeEssay({
      ctx: await as("trainer"),
      input: { attemptId: started.attemptId, slot, points: 2, comment: "Gut" },
    });
    expect((await mine()).find((a) => a.id === id)).toMatchObject({
      status: "done",
      pendingGrading: false,
      scorePercent: 100,
    });
  });
});
