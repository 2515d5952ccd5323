import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { classTeachers } from "#db/schema/index.ts";
import { selectRows } from "#db/rows.server.ts";
import { createClass, createMember, createOrganization } from "./index.ts";

/**
 * A company and a school sharing `size` apprentices, with assignments, progress and quiz
 * attempts for all of them, written set-based so 500 apprentices take a moment, not minutes.
 * The school has three classes (the apprentices split between them) taught by one teacher.
 */
export async function createCohort(
  db: Database,
  options: { size: number; courseId: string; moduleId: string; lessonIds: string[]; quizId: string },
) {
  const company = await createOrganization(db, "company");
  const school = await createOrganization(db, "school");
  const trainer = await createMember(db, company.id, "trainer");
  const teacher = await createMember(db, school.id, "teacher");
  const tag = randomUUID().slice(0, 8);
  const apprentices = await selectRows<{ id: string }>(
    db,
    sql`insert into users (name, email, password_hash)
        select 'Azubi ' || lpad(i::text, 4, '0'), 'kohorte-' || ${tag} || '-' || i || '@example.test', 'kein-login'
        from generate_series(1, ${options.size}) as i
        returning id`,
  );
  const ids = apprentices.map((a) => a.id);
  // One array parameter (Drizzle would spread a JS array into a list of parameters).
  const uuidArray = `{${ids.join(",")}}`;
  const lessonArray = `{${options.lessonIds.join(",")}}`;
  await db.execute(sql`insert into memberships (user_id, organization_id, role)
    select unnest(${uuidArray}::uuid[]), ${company.id}, 'apprentice'`);
  const classes = [];
  for (let c = 0; c < 3; c++) {
    const members = ids.filter((_, i) => i % 3 === c);
    classes.push(await createClass(db, school.id, members));
  }
  await db.insert(classTeachers).values(classes.map((c) => ({ classId: c.id, teacherId: teacher.id })));

  type Target = { kind: string; moduleId?: string; lessonId?: string | null; quizId?: string };
  const give = async (organizationId: string, by: string, target: Target, classId: string | null) => {
    const [row] = await selectRows<{ id: string }>(
      db,
      sql`insert into assignments (organization_id, class_id, created_by, kind, course_id, module_id, lesson_id, quiz_id, due_on)
          values (${organizationId}, ${classId}, ${by}, ${target.kind}, ${options.courseId}, ${target.moduleId ?? null},
                  ${target.lessonId ?? null}, ${target.quizId ?? null}, current_date + 7)
          returning id`,
    );
    if (!row) throw new Error("no assignment");
    const recipients = classId
      ? sql`select ${row.id}::uuid, apprentice_id from class_enrollments where class_id = ${classId}`
      : sql`select ${row.id}::uuid, unnest(${uuidArray}::uuid[])`;
    await db.execute(sql`insert into assignment_recipients (assignment_id, apprentice_id) ${recipients}`);
  };
  const targets: Target[] = [
    { kind: "course" },
    { kind: "module", moduleId: options.moduleId },
    { kind: "lesson", moduleId: options.moduleId, lessonId: options.lessonIds[0] ?? null },
    { kind: "quiz", moduleId: options.moduleId, quizId: options.quizId },
  ];
  for (const target of targets) await give(company.id, trainer.id, target, null);
  for (const schoolClass of classes) {
    for (const target of targets.slice(1)) await give(school.id, teacher.id, target, schoolClass.id);
  }
  // Every apprentice read some lessons; every second one has a finished attempt, every fifth an open one.
  await db.execute(sql`insert into lesson_progress (user_id, lesson_id, completed_at)
    select u.id, l.id, now() - (random() * interval '60 days')
    from unnest(${uuidArray}::uuid[]) with ordinality as u(id, n)
    join unnest(${lessonArray}::uuid[]) with ordinality as l(id, k) on l.k <= 1 + u.n % ${options.lessonIds.length}`);
  await db.execute(sql`insert into quiz_attempts
      (quiz_id, user_id, number, status, page_count, points, max_points, percent, passed, started_at, updated_at, submitted_at, graded_at)
    select ${options.quizId}, u.id, 1, 'finished', 1, (u.n % 2), 1, (u.n % 2) * 100, u.n % 2 = 1, now(), now(), now(), now()
    from unnest(${uuidArray}::uuid[]) with ordinality as u(id, n) where u.n % 2 = 0 or u.n % 4 = 1`);
  await db.execute(sql`insert into quiz_attempts (quiz_id, user_id, number, status, page_count, max_points)
    select ${options.quizId}, u.id, 2, 'open', 1, 1
    from unnest(${uuidArray}::uuid[]) with ordinality as u(id, n) where u.n % 5 = 0`);
  return { company, school, trainer, teacher, classes, apprenticeIds: ids };
}
