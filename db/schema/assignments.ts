import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { courseModules, courses, lessons } from "./courses.ts";
import { organizations } from "./orgs.ts";
import { quizzes } from "./quizzes.ts";
import { schoolClasses } from "./training.ts";

export const assignmentKind = pgEnum("assignment_kind", ["course", "module", "lesson", "quiz"]);

/**
 * "Aufgabe": a trainer or teacher asks apprentices to finish a course, module, lesson or quiz by a
 * date. `courseId` is always set (the course the work belongs to); the column named by `kind`
 * says what exactly. Withdrawn assignments stay for the record but are shown nowhere.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The company or school that gave the assignment; its trainers or teachers manage it. */
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Set when a teacher assigned to (part of) a class: the class view shows it. */
    classId: uuid().references(() => schoolClasses.id, { onDelete: "set null" }),
    /** Given to the whole class: students who join the class later get it too (if not yet due). */
    wholeClass: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    kind: assignmentKind().notNull(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    moduleId: uuid().references(() => courseModules.id, { onDelete: "cascade" }),
    lessonId: uuid().references(() => lessons.id, { onDelete: "cascade" }),
    quizId: uuid().references(() => quizzes.id, { onDelete: "cascade" }),
    dueOn: date({ mode: "string" }).notNull(),
    note: text().notNull().default(""),
    /** Minted when the form is shown: a double submit finds the first row instead of adding one. */
    submissionId: uuid().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check(
      "assignments_target_matches_kind",
      sql`(${t.kind} = 'course' and ${t.moduleId} is null and ${t.lessonId} is null and ${t.quizId} is null)
       or (${t.kind} = 'module' and ${t.moduleId} is not null and ${t.lessonId} is null and ${t.quizId} is null)
       or (${t.kind} = 'lesson' and ${t.lessonId} is not null and ${t.quizId} is null)
       or (${t.kind} = 'quiz' and ${t.quizId} is not null and ${t.lessonId} is null)`,
    ),
    check("assignments_note_length", sql`length(${t.note}) <= 1000`),
    // Serves the trainer's dashboard and the organisation's assignment list (live ones only).
    index("assignments_organization_due_idx").on(t.organizationId, t.dueOn).where(sql`${t.withdrawnAt} is null`),
    // Serves the teacher's class view: the assignments given to one class.
    index("assignments_class_idx").on(t.classId).where(sql`${t.withdrawnAt} is null`),
  ],
);

/**
 * Who an assignment is for. `completedAt` is written by the progress events (lesson done, quiz
 * passed, essay graded) the moment the work is complete, and stays: adding a lesson to a course
 * later does not turn finished work back into open work.
 */
export const assignmentRecipients = pgTable(
  "assignment_recipients",
  {
    assignmentId: uuid()
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    apprenticeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    completedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.assignmentId, t.apprenticeId] }),
    // Serves the apprentice's "Meine Aufgaben" and the completion update after each progress event.
    index("assignment_recipients_apprentice_idx").on(t.apprenticeId),
  ],
);
