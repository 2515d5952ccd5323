import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { organizations } from "./orgs.ts";

export const recordRhythm = pgEnum("record_rhythm", ["weekly", "daily"]);

/** Ausbildungsberufe, e.g. code "tischler" for Tischler/-in. */
export const occupations = pgTable(
  "occupations",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    /** Regular length of the apprenticeship in months (36 or 42 in most trades). */
    durationMonths: smallint().notNull(),
  },
  (t) => [
    check("occupations_code_slug", sql`${t.code} ~ '^[a-z0-9-]+$'`),
    check("occupations_duration_sane", sql`${t.durationMonths} between 12 and 48`),
  ],
);

/** The contract between an apprentice and a company (Ausbildungsverhältnis). */
export const apprenticeships = pgTable(
  "apprenticeships",
  {
    id: uuid().primaryKey().defaultRandom(),
    apprenticeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    companyId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Null until the company names a responsible trainer. */
    trainerId: uuid().references(() => users.id, { onDelete: "set null" }),
    occupationId: uuid()
      .notNull()
      .references(() => occupations.id),
    startsOn: date({ mode: "string" }).notNull(),
    plannedEndOn: date({ mode: "string" }).notNull(),
    /** Set when the apprenticeship ended before (or on) the planned end: early end, change of company. */
    actualEndOn: date({ mode: "string" }),
    /**
     * The apprentice's date of birth as the contract states it: only to warn when a minor's
     * record shows more hours than the JArbSchG allows (§ 8). Optional.
     */
    birthDate: date({ mode: "string" }),
    /** The contract's rhythm for the Ausbildungsnachweis: one sheet a week, lines per day or not. */
    recordRhythm: recordRhythm().notNull().default("weekly"),
  },
  (t) => [
    // Serves the trainer's team list and the company's apprentice list.
    index("apprenticeships_company_id_idx").on(t.companyId),
    index("apprenticeships_trainer_id_idx").on(t.trainerId),
    index("apprenticeships_apprentice_id_idx").on(t.apprenticeId),
    check("apprenticeships_end_after_start", sql`${t.plannedEndOn} > ${t.startsOn}`),
    check("apprenticeships_actual_end_from_start", sql`${t.actualEndOn} is null or ${t.actualEndOn} >= ${t.startsOn}`),
  ],
);

export const schoolClasses = pgTable(
  "school_classes",
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    occupationId: uuid().references(() => occupations.id),
    /** Ausbildungsjahr of the class (1 to 4). */
    trainingYear: smallint().notNull(),
    /** Schuljahr, e.g. "2026/27". */
    schoolYear: text(),
    /** An archived class is kept with its history but offered nowhere. */
    archivedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("school_classes_school_name_key").on(t.schoolId, t.name),
    check("school_classes_training_year_range", sql`${t.trainingYear} between 1 and 4`),
    check("school_classes_name_not_blank", sql`length(trim(${t.name})) > 0`),
    check("school_classes_school_year_shape", sql`${t.schoolYear} is null or ${t.schoolYear} ~ '^[0-9]{4}/[0-9]{2}$'`),
  ],
);

export const classEnrollments = pgTable(
  "class_enrollments",
  {
    classId: uuid()
      .notNull()
      .references(() => schoolClasses.id, { onDelete: "cascade" }),
    apprenticeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.apprenticeId] }),
    // Serves "which classes is this apprentice in" on the apprentice's home.
    index("class_enrollments_apprentice_id_idx").on(t.apprenticeId),
  ],
);

/** Which teachers teach a class: "Meine Klassen" starts with these. */
export const classTeachers = pgTable(
  "class_teachers",
  {
    classId: uuid()
      .notNull()
      .references(() => schoolClasses.id, { onDelete: "cascade" }),
    teacherId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.teacherId] }),
    // Serves "the classes I teach" on the teacher's home and class view.
    index("class_teachers_teacher_id_idx").on(t.teacherId),
  ],
);

/** The occupations a company trains or a school teaches (Ausbildungsberufe). */
export const organizationOccupations = pgTable(
  "organization_occupations",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    occupationId: uuid()
      .notNull()
      .references(() => occupations.id),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.occupationId] })],
);
