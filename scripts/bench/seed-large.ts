// The bench's large, realistic data set (see docs/performance.md): reference data, then people,
// lesson progress, quiz attempts and assignments on top of the imported library. Every seeded
// user has the same password, hashed once. Returns the logins the bench measures with.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { upsertReferenceData } from "#db/seed/reference-data.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { seedAssignments } from "./seed-assignments.ts";
import { readLibrary } from "./seed-library.ts";
import { seededRandom } from "./seed-names.ts";
import { seedPeople } from "./seed-people.ts";
import { seedProgress } from "./seed-progress.ts";
import { seedRecords } from "./seed-records.ts";
import { type QuizTaker, seedQuizzes } from "./seed-quizzes.ts";
import { countRows } from "./seed-util.ts";

export const benchPassword = "werkbank-bench";

export type BenchLogins = {
  /** An apprentice of the biggest company with the most assignments: lesson page and home. */
  apprentice: string;
  /** A trainer of the company with the most apprentices, and that company. */
  trainer: string;
  companyId: string;
  companyApprentices: number;
  /** The teacher with exactly three classes, and their school. */
  teacher: string;
  schoolId: string;
  classStudents: number;
  /** A submitted Berichtsheft week of the company, as its trainer reviews it. */
  recordWeekPath: string;
  /** One open attempt each, for the quiz answer POST. */
  takers: QuizTaker[];
};

export type SeedReport = {
  logins: BenchLogins;
  counts: Record<string, number>;
  assignmentStatus: Record<string, number> | undefined;
  seconds: number;
};

export async function seedLarge(db: Database, options: { takers: number; now?: Date }): Promise<SeedReport> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const rng = seededRandom(20_261_127);
  await upsertReferenceData(db);
  const passwordHash = await hashPassword(benchPassword);
  const library = await readLibrary(db);
  const people = await seedPeople(db, rng, now, passwordHash);
  const progress = await seedProgress(db, rng, now, people.apprentices, library);

  const biggest = [...people.companies].sort((a, b) => b.apprentices.length - a.apprentices.length)[0];
  if (!biggest) throw new Error("no companies seeded");
  // Quiz takers come from the small companies, so the measured people's pages stay as seeded.
  const takers = people.apprentices
    .filter((a) => a.companyId !== biggest.id && a.engagement >= 0.3)
    .slice(0, options.takers);
  const seededTakers = await seedQuizzes(db, rng, now, { ...people, library, progress, takers });
  const assignmentStatus = await seedAssignments(db, rng, now, people, library);
  const records = await seedRecords(db, { now, companyId: biggest.id });

  const [busiest] = await selectRows<{ email: string }>(
    db,
    sql`select u.email from assignment_recipients ar join users u on u.id = ar.apprentice_id
      where ar.apprentice_id in (${sql.join(
        biggest.apprentices.map((a) => sql`${a.id}`),
        sql`, `,
      )})
      group by u.email order by count(*) desc, u.email limit 1`,
  );
  // Fresh planner statistics, as autovacuum would have them on a database that grew over months.
  await db.execute(sql`analyze`);
  const teacherClasses = people.classes.filter((c) => c.teachers.some((t) => t.id === people.teacher.id));
  const logins: BenchLogins = {
    apprentice: busiest?.email ?? (biggest.apprentices[0]?.email as string),
    trainer: biggest.trainers[0]?.email as string,
    companyId: biggest.id,
    companyApprentices: biggest.apprentices.length,
    teacher: people.teacher.email,
    schoolId: people.teacher.schoolId,
    classStudents: teacherClasses.reduce((sum, c) => sum + c.students.length, 0),
    recordWeekPath: records.path,
    takers: seededTakers,
  };
  return {
    logins,
    counts: await countRows(db),
    assignmentStatus,
    seconds: (performance.now() - started) / 1000,
  };
}
