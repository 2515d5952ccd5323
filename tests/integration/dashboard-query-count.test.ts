/**
 * Every number on a dashboard comes from a fixed number of SQL statements: the trainer's team
 * dashboard, the teacher's class view, the per-apprentice page and "Meine Aufgaben" are counted
 * at 1, 50 and 500 apprentices, and the count must not grow with size. So are the Berichtsheft
 * counts (team, trainer's home) and the approval queue, with three years of weekly sheets each.
 */
import { afterAll, expect, test } from "vitest";
import { openDatabase } from "#db/client.server.ts";
import { apprenticeOverview } from "#app/modules/assignments/apprentice-overview.server.ts";
import { classView } from "#app/modules/assignments/class-view.server.ts";
import { defaultClassViewFilter } from "#app/modules/assignments/class-view-query.ts";
import { myAssignments } from "#app/modules/assignments/my-assignments.server.ts";
import { teamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { homeFor } from "#app/modules/home/home.server.ts";
import { approvalQueue } from "#app/modules/records/queue.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { createCohort } from "#tests/factories/cohort.ts";
import { createRecordHistory } from "#tests/factories/record-history.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { createQuiz } from "#tests/factories/quizzes.ts";

const RECORD_WEEKS = 156;
let statements = 0;
const url = process.env.TEST_DATABASE_URL;
const { db, close } = await openDatabase(url ? { url } : { inMemory: true }, {
  logger: { logQuery: () => void statements++ },
});
afterAll(close);

/** How many statements `run` sends, and what it returns. */
async function counted<T>(run: () => Promise<T>): Promise<{ count: number; result: T }> {
  statements = 0;
  const result = await run();
  return { count: statements, result };
}

const course = await createCourse(db, { owner: null, modules: 2, lessonsPerModule: 4 });
const firstModule = course.modules[0];
if (!firstModule) throw new Error("no module");
const { quiz } = await createQuiz(db, firstModule.id, {
  questions: [
    { key: "holz", type: "truefalse", prompt: "Holz arbeitet.", answer: true },
    { key: "bericht", type: "essay", prompt: "Was hast du gelernt?" },
  ],
});

test("the dashboards send as many statements for 500 apprentices as for one", { timeout: 120_000 }, async () => {
  const counts: Record<string, number[]> = {
    team: [],
    classes: [],
    apprentice: [],
    mine: [],
    recordQueue: [],
    trainerHome: [],
  };
  for (const size of [1, 50, 500]) {
    const cohort = await createCohort(db, {
      size,
      courseId: course.course.id,
      moduleId: firstModule.id,
      lessonIds: course.lessonIds,
      quizId: quiz.id,
    });
    const someone = cohort.apprenticeIds[cohort.apprenticeIds.length - 1] ?? "";
    const [trainer, teacher, apprentice] = await Promise.all([
      ctxFor(db, cohort.trainer.id),
      ctxFor(db, cohort.teacher.id),
      ctxFor(db, someone),
    ]);

    // Three years of weekly sheets each: at 500 apprentices about 78,000 weeks.
    await createRecordHistory(db, {
      companyId: cohort.company.id,
      trainerId: cohort.trainer.id,
      apprenticeIds: cohort.apprenticeIds,
      weeks: RECORD_WEEKS,
      today: todayInGermany(new Date()),
    });

    const team = await counted(() => teamDashboard(trainer, cohort.company.id));
    expect(team.result.apprentices).toHaveLength(size);
    expect(team.result.apprentices.every((a) => a.record?.waiting === 2)).toBe(true);
    expect(team.result.summary.recordsWaiting).toBe(2 * size);
    const queue = await counted(() => approvalQueue(trainer));
    expect(queue.result).toHaveLength(Math.min(2 * size, 200));
    const home = await counted(() => homeFor(trainer));
    expect(home.result.teams[0]?.records.waiting).toBe(2 * size);
    expect(team.result.assignments).toHaveLength(4);
    expect(team.result.assignments.every((a) => a.recipients === size)).toBe(true);

    const classes = await counted(() => classView(teacher, cohort.school.id, defaultClassViewFilter));
    expect(classes.result.classes).toHaveLength(3);
    expect(classes.result.classes.reduce((sum, c) => sum + c.studentCount, 0)).toBe(size);

    const page = await counted(() => apprenticeOverview(trainer, cohort.company.id, someone));
    const mine = await counted(() => myAssignments(apprentice));
    // The company's four plus the three of the apprentice's class.
    expect(mine.result).toHaveLength(7);

    counts.team?.push(team.count);
    counts.recordQueue?.push(queue.count);
    counts.trainerHome?.push(home.count);
    counts.classes?.push(classes.count);
    counts.apprentice?.push(page.count);
    counts.mine?.push(mine.count);
  }
  console.info(`statements at 1, 50, 500 apprentices: ${JSON.stringify(counts)}`);
  for (const [view, perSize] of Object.entries(counts)) {
    expect(new Set(perSize).size, `${view}: ${perSize.join(", ")}`).toBe(1);
  }
});
