import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { membershipRole, organizations } from "./orgs.ts";
import { occupations, schoolClasses } from "./training.ts";

/**
 * A code a trainer, teacher or admin hands over (on paper or as a QR link): apprentices
 * rarely have a company e-mail. Only the SHA-256 of the code is stored.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    codeHash: text().notNull(),
    /** Who the inviter meant it for, so that open invitations can be told apart. */
    label: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    // An apprentice invitation of a company may carry the apprenticeship created on acceptance.
    occupationId: uuid().references(() => occupations.id),
    trainerId: uuid().references(() => users.id, { onDelete: "set null" }),
    startsOn: date({ mode: "string" }),
    plannedEndOn: date({ mode: "string" }),
    // An apprentice invitation of a school may carry the class to enrol in.
    classId: uuid().references(() => schoolClasses.id, { onDelete: "set null" }),
    /** A class code is used by many students until it expires or is revoked; others once. */
    multiUse: boolean().notNull().default(false),
    /** From a class list import: the e-mail the school knows for this student, if any. */
    email: text(),
  },
  (t) => [
    uniqueIndex("invitations_code_hash_key").on(t.codeHash),
    // Serves the list of invitations per organisation, newest first.
    index("invitations_organization_id_idx").on(t.organizationId, t.createdAt),
    check("invitations_code_hash_is_sha256_hex", sql`${t.codeHash} ~ '^[0-9a-f]{64}$'`),
    check("invitations_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
    check("invitations_used_has_time", sql`${t.usedById} is null or ${t.usedAt} is not null`),
    check("invitations_label_not_blank", sql`length(trim(${t.label})) > 0`),
    check(
      "invitations_apprenticeship_complete",
      sql`(${t.occupationId} is null) = (${t.startsOn} is null) and (${t.startsOn} is null) = (${t.plannedEndOn} is null)`,
    ),
    check("invitations_end_after_start", sql`${t.plannedEndOn} is null or ${t.plannedEndOn} > ${t.startsOn}`),
  ],
);
