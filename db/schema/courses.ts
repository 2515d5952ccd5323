import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { organizations } from "./orgs.ts";

export const courseStatus = pgEnum("course_status", ["draft", "published", "archived"]);

const slugCheck = (column: AnyPgColumn) => sql`${column} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`;

/**
 * A course. `ownerOrganizationId` null means the shared library imported from `content/`:
 * read-only in the app, visible to everyone signed in.
 */
export const courses = pgTable(
  "courses",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    ownerOrganizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    title: text().notNull(),
    summary: text().notNull().default(""),
    /** Occupation codes, or "all" for every trade. */
    occupations: text().array().notNull().default(sql`'{}'::text[]`),
    trainingYears: smallint().array().notNull().default(sql`'{}'::smallint[]`),
    learningFields: text().array().notNull().default(sql`'{}'::text[]`),
    /** A media URL (`/media/...`). */
    coverImage: text(),
    status: courseStatus().notNull().default("draft"),
    /** The library course this one was copied from ("Als Vorlage übernehmen"). */
    copiedFromId: uuid().references((): AnyPgColumn => courses.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("courses_slug_format", slugCheck(t.slug)),
    check("courses_title_not_blank", sql`length(trim(${t.title})) > 0`),
    // Library slugs are the import identity; an organisation's slugs are unique within it.
    uniqueIndex("courses_library_slug_key").on(t.slug).where(sql`${t.ownerOrganizationId} is null`),
    uniqueIndex("courses_owner_slug_key")
      .on(t.ownerOrganizationId, t.slug)
      .where(sql`${t.ownerOrganizationId} is not null`),
  ],
);

export const courseModules = pgTable(
  "course_modules",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("course_modules_slug_format", slugCheck(t.slug)),
    check("course_modules_title_not_blank", sql`length(trim(${t.title})) > 0`),
    // Also serves "the modules of a course in order".
    unique("course_modules_course_slug_key").on(t.courseId, t.slug),
  ],
);

/**
 * A lesson keeps the author's working copy (`draftBody`) apart from what readers see. Publishing
 * copies the draft and renders its HTML once (`publishedHtml`), so the reader never renders JSON.
 */
export const lessons = pgTable(
  "lessons",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    slug: text().notNull(),
    position: integer().notNull(),
    title: text().notNull(),
    minutes: smallint().notNull(),
    draftBody: jsonb().notNull(),
    publishedTitle: text(),
    publishedBody: jsonb(),
    publishedHtml: text(),
    /** 0 = never published; each publish of a changed body counts up. */
    publishedVersion: integer().notNull().default(0),
    publishedAt: timestamp({ withTimezone: true }),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("lessons_slug_format", slugCheck(t.slug)),
    check("lessons_title_not_blank", sql`length(trim(${t.title})) > 0`),
    check("lessons_minutes_range", sql`${t.minutes} between 1 and 240`),
    check("lessons_published_complete", sql`(${t.publishedVersion} = 0) = (${t.publishedHtml} is null)`),
    // Also serves "the lessons of a module in order".
    unique("lessons_module_slug_key").on(t.moduleId, t.slug),
  ],
);

/** One row per finished lesson: written once, so a double submit cannot count twice. */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    // Serves "the most recently finished lesson" ("Weiter, wo du aufgehört hast").
    index("lesson_progress_user_completed_idx").on(t.userId, t.completedAt),
  ],
);

/**
 * Uploaded and imported pictures. Files live content-addressed on disk (`sha256.ext`); the row
 * says who may see them. A null owner means library media, visible to everyone signed in.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    fileName: text().notNull(),
    ownerOrganizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    width: integer(),
    height: integer(),
    uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("media_files_name_format", sql`${t.fileName} ~ '^[0-9a-f]{64}\\.(svg|png|jpg|webp|gif)$'`),
    // The same picture may belong to several organisations; serves the access check by name.
    unique("media_files_name_owner_key").on(t.fileName, t.ownerOrganizationId).nullsNotDistinct(),
  ],
);
