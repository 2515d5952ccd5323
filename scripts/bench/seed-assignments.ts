// Assignments of the large data set: every company gives its apprentices 5–15, every class gets
// 3–8 from its teachers, due between ten weeks ago and six weeks ahead. Whether an apprentice's
// assignment is done follows from the seeded progress, by the app's own rule.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { assignmentRecipients, assignments } from "#db/schema/index.ts";
import { progressCtes } from "#app/modules/assignments/recipient-progress.server.ts";
import { coursesFor, type LibraryCourse } from "./seed-library.ts";
import type { Rng } from "./seed-names.ts";
import type { Apprentice, People, Staff } from "./seed-people.ts";
import { dayMs, insertAll, isoDay } from "./seed-util.ts";

const notes = [
  "",
  "",
  "Bitte bis zur nächsten Berufsschulwoche.",
  "Vor dem Einsatz auf der Baustelle durcharbeiten.",
  "Das brauchen wir für die Zwischenprüfung.",
  "Bei Fragen meldet euch bei mir.",
];

type AssignmentRow = typeof assignments.$inferInsert;

export async function seedAssignments(db: Database, rng: Rng, now: Date, people: People, library: LibraryCourse[]) {
  const rows: AssignmentRow[] = [];
  const recipients: (typeof assignmentRecipients.$inferInsert)[] = [];

  function give(from: { organizationId: string; classId?: string; by: Staff }, group: Apprentice[]) {
    const member = rng.pick(group);
    const course = rng.pick(coursesFor(library, member.occupation));
    const forWhom = group.filter((a) => coursesFor(library, a.occupation).includes(course));
    // Early modules are assigned more often: that is where apprentices begin.
    const m = course.modules[Math.floor(rng.next() ** 1.6 * course.modules.length)];
    if (!m || forWhom.length === 0) return;
    const roll = rng.next();
    const kind = roll < 0.15 ? "course" : roll < 0.55 ? "module" : roll < 0.75 && m.lessons.length ? "lesson" : "quiz";
    const target =
      kind === "course"
        ? {}
        : kind === "module" || (kind === "quiz" && !m.quiz)
          ? { kind: "module" as const, moduleId: m.id }
          : kind === "lesson"
            ? { moduleId: m.id, lessonId: rng.pick(m.lessons) }
            : { moduleId: m.id, quizId: m.quiz?.id };
    const due = now.getTime() + rng.int(-70, 42) * dayMs;
    const createdAt = new Date(Math.min(due - rng.int(14, 42) * dayMs, now.getTime() - 3_600_000));
    const id = randomUUID();
    rows.push({
      id,
      organizationId: from.organizationId,
      classId: from.classId ?? null,
      createdBy: from.by.id,
      kind,
      courseId: course.id,
      ...target,
      dueOn: isoDay(new Date(due)),
      note: rng.pick(notes),
      createdAt,
      updatedAt: createdAt,
      withdrawnAt: rng.chance(0.03) ? new Date(createdAt.getTime() + dayMs) : null,
    });
    for (const a of forWhom) recipients.push({ assignmentId: id, apprenticeId: a.id });
  }

  for (const company of people.companies) {
    const count = company.apprentices.length >= 20 ? 15 : rng.int(5, 15);
    for (let i = 0; i < count; i++) {
      const by = rng.pick(company.trainers);
      const own = company.apprentices.filter((a) => a.trainerId === by.id);
      const year = rng.int(1, 3);
      const roll = rng.next();
      const group =
        roll < 0.45
          ? own
          : roll < 0.75
            ? company.apprentices.filter((a) => a.year === year)
            : Array.from({ length: rng.int(1, 3) }, () => rng.pick(company.apprentices));
      if (group.length > 0) give({ organizationId: company.id, by }, [...new Set(group)]);
    }
  }
  for (const schoolClass of people.classes) {
    if (schoolClass.students.length === 0) continue;
    for (let i = rng.int(3, 8); i > 0; i--) {
      const group = rng.chance(0.9) ? schoolClass.students : schoolClass.students.filter(() => rng.chance(0.3));
      if (group.length === 0) continue;
      const by = rng.pick(schoolClass.teachers);
      give({ organizationId: schoolClass.schoolId, classId: schoolClass.id, by }, group);
    }
  }
  await insertAll(db, assignments, rows);
  await insertAll(db, assignmentRecipients, recipients);

  // Done when every lesson is read and every quiz passed; "done" is stamped at that moment, or
  // when the assignment was given if the work was already complete then.
  await db.execute(sql`${progressCtes(sql`true`)}
    update assignment_recipients ar set completed_at = greatest(p.last_at, a.created_at)
    from progress p, assignments a
    where ar.assignment_id = p.assignment_id and ar.apprentice_id = p.apprentice_id and a.id = ar.assignment_id
      and p.lessons_total + p.quizzes_total > 0
      and p.lessons_done = p.lessons_total and p.quizzes_passed = p.quizzes_total`);
  const [status] = await selectRows<{ done: number; overdue: number; open: number; withdrawn: number }>(
    db,
    sql`select count(*) filter (where ar.completed_at is not null and a.withdrawn_at is null)::int as done,
      count(*) filter (where ar.completed_at is null and a.due_on < ${isoDay(now)} and a.withdrawn_at is null)::int as overdue,
      count(*) filter (where ar.completed_at is null and a.due_on >= ${isoDay(now)} and a.withdrawn_at is null)::int as open,
      count(*) filter (where a.withdrawn_at is not null)::int as withdrawn
      from assignment_recipients ar join assignments a on a.id = ar.assignment_id`,
  );
  return status;
}
