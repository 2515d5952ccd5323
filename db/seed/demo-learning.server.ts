import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import {
  assignmentRecipients,
  assignments,
  classTeachers,
  courseModules,
  courses,
  lessonProgress,
  lessons,
  organizations,
  quizzes,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import { completeFinishedAssignments } from "#app/modules/assignments/recipient-progress.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { demoAccounts } from "./demo-accounts.ts";

const day = 86_400_000;

/**
 * Learning in the demo, so every home and dashboard has something to show: some finished lessons
 * over the past weeks, and assignments from the trainers and the teacher (one overdue, one done,
 * the rest open). Needs the library: it runs after the import and skips what is missing.
 */
export async function seedDemoLearning(db: Database, now: Date): Promise<void> {
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(users.email, [
        demoAccounts.apprentice,
        demoAccounts.apprenticeElectrical,
        demoAccounts.trainer,
        demoAccounts.trainerElectrical,
        demoAccounts.teacher,
        "jonas.becker@example.com",
        "mia.hoffmann@example.com",
      ]),
    );
  const person = (email: string) => people.find((p) => p.email === email)?.id;
  const [lena, emre, thomas, frank, katrin, jonas, mia] = [
    person(demoAccounts.apprentice),
    person(demoAccounts.apprenticeElectrical),
    person(demoAccounts.trainer),
    person(demoAccounts.trainerElectrical),
    person(demoAccounts.teacher),
    person("jonas.becker@example.com"),
    person("mia.hoffmann@example.com"),
  ];
  if (!lena || !emre || !thomas || !frank || !katrin || !jonas || !mia) return;

  const moduleRows = await db
    .select({
      courseSlug: courses.slug,
      courseId: courses.id,
      position: courseModules.position,
      moduleId: courseModules.id,
      quizId: quizzes.id,
      lessonIds: sql<
        string[]
      >`array(select ${lessons.id} from ${lessons} where ${lessons.moduleId} = ${courseModules.id} and ${lessons.archivedAt} is null order by ${lessons.position})`,
    })
    .from(courseModules)
    .innerJoin(courses, eq(courses.id, courseModules.courseId))
    .leftJoin(quizzes, eq(quizzes.moduleId, courseModules.id))
    .where(sql`${courses.ownerOrganizationId} is null`);
  const module = (slug: string, position: number) =>
    moduleRows.find((m) => m.courseSlug === slug && m.position === position);
  const safety1 = module("arbeitssicherheit", 1);
  const safety2 = module("arbeitssicherheit", 2);
  const wood1 = module("holz-werkstoffkunde", 1);
  const maths1 = module("aufmass-materialberechnung", 1);
  const electric1 = module("elektrische-grundlagen", 1);
  const electric3 = module("elektrische-grundlagen", 3);
  if (!safety1 || !safety2 || !wood1 || !maths1 || !electric1 || !electric3) return;

  const orgs = await db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  const classes = await db
    .select({ id: schoolClasses.id, name: schoolClasses.name, schoolId: schoolClasses.schoolId })
    .from(schoolClasses);
  const classId = (name: string) => classes.find((c) => c.name === name);
  const [hw26, ti25] = [classId("HW 26 (Holz und Elektro)"), classId("TI 25")];
  const joinery = orgs.find((o) => o.name === "Tischlerei Krüger")?.id;
  const electrical = orgs.find((o) => o.name === "Elektro Neumann GmbH")?.id;
  if (!hw26 || !ti25 || !joinery || !electrical) return;

  const date = (offset: number) => todayInGermany(new Date(now.getTime() + offset * day));
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);

  await db.transaction(async (tx) => {
    await tx.insert(classTeachers).values([
      { classId: hw26.id, teacherId: katrin },
      { classId: ti25.id, teacherId: katrin },
    ]);
    // Lena read the first safety module over three weeks; Mia all of it and more; Jonas started.
    const progress = [
      ...safety1.lessonIds.map((lessonId, i) => ({ userId: lena, lessonId, completedAt: at(20 - i * 6) })),
      ...wood1.lessonIds.slice(0, 1).map((lessonId) => ({ userId: lena, lessonId, completedAt: at(3) })),
      ...safety2.lessonIds.slice(0, 1).map((lessonId) => ({ userId: lena, lessonId, completedAt: at(2) })),
      ...[...safety1.lessonIds, ...safety2.lessonIds].map((lessonId, i) => ({
        userId: mia,
        lessonId,
        completedAt: at(30 - i * 3),
      })),
      ...safety2.lessonIds.slice(0, 1).map((lessonId) => ({ userId: jonas, lessonId, completedAt: at(1) })),
      ...electric1.lessonIds.slice(0, 2).map((lessonId, i) => ({ userId: emre, lessonId, completedAt: at(9 - i * 4) })),
    ];
    await tx.insert(lessonProgress).values(progress).onConflictDoNothing();

    const given = [
      {
        organizationId: joinery,
        createdBy: thomas,
        kind: "module" as const,
        courseId: safety2.courseId,
        moduleId: safety2.moduleId,
        dueOn: date(6),
        note: "Bitte vor dem Einsatz auf der Baustelle in Tangermünde durcharbeiten.",
        to: [lena, jonas, mia],
      },
      {
        organizationId: joinery,
        createdBy: thomas,
        kind: "quiz" as const,
        courseId: wood1.courseId,
        moduleId: wood1.moduleId,
        quizId: wood1.quizId,
        dueOn: date(-2),
        note: "",
        to: [lena],
      },
      {
        organizationId: joinery,
        createdBy: thomas,
        kind: "lesson" as const,
        courseId: safety1.courseId,
        moduleId: safety1.moduleId,
        lessonId: safety1.lessonIds[0],
        dueOn: date(-10),
        note: "",
        to: [lena],
      },
      {
        organizationId: hw26.schoolId,
        classId: ti25.id,
        wholeClass: true,
        createdBy: katrin,
        kind: "module" as const,
        courseId: maths1.courseId,
        moduleId: maths1.moduleId,
        dueOn: date(10),
        note: "Zur Vorbereitung auf die Klassenarbeit.",
        to: [lena],
      },
      {
        organizationId: hw26.schoolId,
        classId: hw26.id,
        wholeClass: true,
        createdBy: katrin,
        kind: "module" as const,
        courseId: electric1.courseId,
        moduleId: electric1.moduleId,
        dueOn: date(4),
        note: "",
        to: [jonas, emre],
      },
      {
        organizationId: electrical,
        createdBy: frank,
        kind: "module" as const,
        courseId: electric3.courseId,
        moduleId: electric3.moduleId,
        dueOn: date(14),
        note: "Vor der ersten Baustelle mit Spannung.",
        to: [emre],
      },
    ];
    for (const { to, ...values } of given) {
      const [row] = await tx
        .insert(assignments)
        .values({ ...values, createdAt: at(12), updatedAt: at(12) })
        .returning({ id: assignments.id });
      if (!row) continue;
      await tx.insert(assignmentRecipients).values(to.map((apprenticeId) => ({ assignmentId: row.id, apprenticeId })));
    }
    await completeFinishedAssignments(tx, sql`true`, now);
  });
}
