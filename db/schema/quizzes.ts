import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  doublePrecision,
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
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { courseModules } from "./courses.ts";
// The type names are the question model's (zod only, no server code).
import { questionTypes } from "../../app/modules/quizzes/question-config.ts";
import { gradeNotices } from "../../app/modules/quizzes/grading/grade-response.ts";

export const quizReviewPolicy = pgEnum("quiz_review_policy", ["after_attempt", "after_pass", "never"]);
export const questionType = pgEnum("question_type", questionTypes);
export const attemptStatus = pgEnum("attempt_status", ["open", "finished"]);

/** The quiz that closes a module; it is visible wherever the module's course is. */
export const quizzes = pgTable(
  "quizzes",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => courseModules.id, { onDelete: "cascade" }),
    title: text().notNull(),
    /** Markdown as written by the author, and its HTML rendered once on write. */
    introMarkdown: text().notNull().default(""),
    introHtml: text().notNull().default(""),
    passPercent: smallint().notNull().default(60),
    /** null = practice mode: unlimited attempts, the best one counts. */
    maxAttempts: smallint(),
    shuffleQuestions: boolean().notNull().default(false),
    shuffleAnswers: boolean().notNull().default(true),
    /** Draw this many questions at random per attempt; null = all. */
    drawCount: smallint(),
    perPage: smallint().notNull().default(3),
    reviewPolicy: quizReviewPolicy().notNull().default("after_attempt"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("quizzes_title_not_blank", sql`length(trim(${t.title})) > 0`),
    check("quizzes_pass_percent_range", sql`${t.passPercent} between 0 and 100`),
    check("quizzes_max_attempts_positive", sql`${t.maxAttempts} is null or ${t.maxAttempts} > 0`),
    check("quizzes_draw_positive", sql`${t.drawCount} is null or ${t.drawCount} > 0`),
    check("quizzes_per_page_range", sql`${t.perPage} between 1 and 50`),
    // One quiz per module; also serves "the quiz of this module".
    unique("quizzes_module_key").on(t.moduleId),
  ],
);

/**
 * A question. `config` holds the type's answer key (see question-config.ts) and is read only by
 * grading and review; the prompt is stored as a document and as HTML rendered once on write.
 */
export const questions = pgTable(
  "questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    quizId: uuid()
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    /** Stable within the quiz: imports update the question with the same key. */
    key: text().notNull(),
    position: integer().notNull(),
    type: questionType().notNull(),
    title: text().notNull(),
    prompt: jsonb().notNull(),
    promptHtml: text().notNull(),
    generalFeedback: jsonb(),
    generalFeedbackHtml: text(),
    /** A media URL (`/media/...`) and what the picture shows, for those who cannot see it. */
    image: text(),
    imageAlt: text(),
    /** Pixel size, so the page keeps its layout while the picture loads. */
    imageWidth: integer(),
    imageHeight: integer(),
    points: doublePrecision().notNull().default(1),
    config: jsonb().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("questions_points_range", sql`${t.points} >= 0 and ${t.points} <= 100`),
    check("questions_config_type", sql`${t.config}->>'type' = ${t.type}::text`),
    check("questions_image_has_alt", sql`${t.image} is null or length(trim(${t.imageAlt})) > 0`),
    // Also serves "the questions of a quiz in order".
    unique("questions_quiz_key_key").on(t.quizId, t.key),
  ],
);

/**
 * One try at a quiz. `revision` is the sequence check: every write names the revision its page
 * showed, and only a write with the current one, on an open attempt, is taken (as in Moodle).
 */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    quizId: uuid()
      .notNull()
      .references(() => quizzes.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    number: smallint().notNull(),
    status: attemptStatus().notNull().default("open"),
    revision: integer().notNull().default(0),
    pageCount: smallint().notNull(),
    points: doublePrecision(),
    maxPoints: doublePrecision().notNull(),
    percent: doublePrecision(),
    /** null while open or while an essay waits for grading. */
    passed: boolean(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    /** When the last mark was set: at submit, or when the last essay was graded. */
    gradedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("quiz_attempts_finished_complete", sql`(${t.status} = 'finished') = (${t.submittedAt} is not null)`),
    unique("quiz_attempts_user_number_key").on(t.quizId, t.userId, t.number),
    // One open attempt per person and quiz, whatever the number of tabs or double submits.
    uniqueIndex("quiz_attempts_one_open_key").on(t.quizId, t.userId).where(sql`${t.status} = 'open'`),
    // Serves "my attempts" and "the best attempt" per person across quizzes.
    index("quiz_attempts_user_quiz_idx").on(t.userId, t.quizId),
  ],
);

/**
 * One question in one attempt ("slot"): where it is shown, in which order its answers appear
 * for this attempt, what was answered and how it was marked.
 */
export const attemptAnswers = pgTable(
  "attempt_answers",
  {
    attemptId: uuid()
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    slot: smallint().notNull(),
    questionId: uuid()
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    page: smallint().notNull(),
    /** Display order for this attempt: indices into the question's choices, items or options. */
    displayOrder: jsonb().notNull().default(sql`'[]'::jsonb`),
    /** In authoring terms (question-config.ts QuestionResponse); null = not answered yet. */
    response: jsonb(),
    /** The question's points when the attempt started. */
    maxPoints: doublePrecision().notNull(),
    fraction: doublePrecision(),
    /**
     * What grading at submit said besides the mark: the author's feedback for what was answered
     * and why a typed number got nothing. The result page shows these and never grades again,
     * so a later change of the answer key leaves the record as it was. null before submit.
     */
    feedback: jsonb().$type<string[]>(),
    notice: text({ enum: gradeNotices }),
    needsGrading: boolean().notNull().default(false),
    graderComment: text(),
    gradedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    gradedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.slot] }),
    check("attempt_answers_notice_known", sql`${t.notice} in ('not-a-number', 'wrong-unit')`),
    // Serves the grading queue: only the few answers that wait for a person are indexed.
    index("attempt_answers_waiting_idx").on(t.attemptId).where(sql`${t.needsGrading}`),
  ],
);
