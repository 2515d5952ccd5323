import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import type { RecordContent, RecordOrigin } from "./record-content.ts";
import { apprenticeships } from "./training.ts";

/** Where a week stands: the apprentice writes a draft, submits it, a trainer approves it. */
export const recordWeekStatus = pgEnum("record_week_status", ["draft", "submitted", "approved"]);

/** What happened to a week, kept for good: the week's history (Verlauf). */
export const recordEventAction = pgEnum("record_event_action", ["submitted", "returned", "approved", "reopened"]);

/**
 * One sheet of an apprentice's Ausbildungsnachweis: a calendar week of one apprenticeship. The
 * content is one JSON document (validated by zod at the boundary) so that a trigger can refuse
 * any change of an approved week in one comparison and the hash covers exactly what was approved.
 */
export const recordWeeks = pgTable(
  "record_weeks",
  {
    id: uuid().primaryKey().defaultRandom(),
    apprenticeshipId: uuid()
      .notNull()
      .references(() => apprenticeships.id, { onDelete: "cascade" }),
    /** The Monday of the week. */
    weekStart: date({ mode: "string" }).notNull(),
    status: recordWeekStatus().notNull().default("draft"),
    content: jsonb().$type<RecordContent>().notNull(),
    /** Proposals the apprentice dropped ("lesson:<id>"): not offered again. */
    dismissed: jsonb().$type<string[]>().notNull().default([]),
    /** Counts saves: an autosave that answers an older revision does not overwrite a newer one. */
    revision: integer().notNull().default(1),
    /** The trainer's comment when the week was last returned; cleared on the next submit. */
    returnComment: text(),
    submittedAt: timestamp({ withTimezone: true }),
    approvedAt: timestamp({ withTimezone: true }),
    approvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** SHA-256 (hex) of the approval, see record_events; null unless approved. */
    contentHash: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Set for a week imported from another Werkbank (change of company): the header it was
     * approved with there. Such a week is approved and stays as it came.
     */
    origin: jsonb().$type<RecordOrigin>(),
  },
  (t) => [
    unique("record_weeks_apprenticeship_week_key").on(t.apprenticeshipId, t.weekStart),
    // Serves the trainer's queue ("waiting for approval") and the counts per apprentice.
    index("record_weeks_status_idx").on(t.status, t.apprenticeshipId),
    check("record_weeks_starts_monday", sql`extract(isodow from ${t.weekStart}) = 1`),
    check(
      "record_weeks_approval_complete",
      sql`(${t.status} = 'approved') = (${t.approvedAt} is not null and ${t.contentHash} is not null)`,
    ),
    check("record_weeks_submitted_dated", sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
  ],
);

/**
 * The week's history, append-only (a trigger refuses UPDATE and DELETE). An approval carries the
 * chain: `snapshot` is the canonical approved sheet, `contentHash` = SHA-256 of the previous
 * approval's hash and the snapshot. `chainId` is the apprenticeship the chain was made in; it
 * stays the same when a record moves to another Werkbank by export and import.
 */
export const recordEvents = pgTable(
  "record_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    weekId: uuid()
      .notNull()
      .references(() => recordWeeks.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Who acted; the name is kept too, so the history reads the same after an account is gone. */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    actorName: text().notNull(),
    action: recordEventAction().notNull(),
    /** The reason to return or reopen (required there). */
    comment: text(),
    chainId: uuid(),
    /** Position in the chain, from 1: lets the verification walk it in one ordered read. */
    chainPosition: integer(),
    previousHash: text(),
    contentHash: text(),
    snapshot: jsonb(),
  },
  (t) => [
    index("record_events_week_idx").on(t.weekId, t.at),
    unique("record_events_chain_position_key").on(t.chainId, t.chainPosition),
    check(
      "record_events_approval_chained",
      sql`(${t.action} = 'approved') = (${t.contentHash} is not null and ${t.snapshot} is not null and ${t.chainId} is not null and ${t.chainPosition} is not null)`,
    ),
    check(
      "record_events_reason_given",
      sql`${t.action} not in ('returned', 'reopened') or length(trim(coalesce(${t.comment}, ''))) > 0`,
    ),
  ],
);
