import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const locales = ["de", "en"] as const;

/** Instance-wide roles, outside every organisation: the alliance's office that runs Werkbank. */
export const platformRoles = ["operator"] as const;

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    locale: text({ enum: locales }).notNull().default("de"),
    disabled: boolean().notNull().default(false),
    /** "operator" for the people who run the instance; null for everyone else. */
    platformRole: text({ enum: platformRoles }),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("users_platform_role_known", sql`${t.platformRole} is null or ${t.platformRole} in ('operator')`),
    // E-mail addresses are unique regardless of case: "Lisa@Example.com" is "lisa@example.com".
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check("users_email_shape", sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
    check("users_name_not_blank", sql`length(trim(${t.name})) > 0`),
    check("users_locale_known", sql`${t.locale} in ('de', 'en')`),
  ],
);

/** Only the SHA-256 of the session token is stored: a leaked table does not let anyone in. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** When the session was last seen (updated at most every few minutes), and in which browser. */
    lastUsedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
  },
  (t) => [
    // Serves "log out everywhere" on password change.
    index("sessions_user_id_idx").on(t.userId),
    check("sessions_id_is_sha256_hex", sql`${t.id} ~ '^[0-9a-f]{64}$'`),
    check("sessions_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * Counters for brute-force limits (app/modules/auth/rate-limit.server.ts). Kept in PostgreSQL,
 * not in memory, so that several app processes share one count. `count` counts tries in the
 * window that began at `windowStart`; a try is counted before it is checked and given back when
 * it succeeds. `blockedUntil` is set by growing waits (login per account and address).
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull(),
    blockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("rate_limits_count_not_negative", sql`${t.count} >= 0`),
    // Serves the clean-up of expired windows.
    index("rate_limits_window_start_idx").on(t.windowStart),
  ],
);

export const passwordCodePurposes = ["reset", "first_password"] as const;

/**
 * One-time codes that let a person set a new password without e-mail: a reset handed over by a
 * trainer or admin, or the first password of an operator created on the command line. Only the
 * SHA-256 of the code is stored, like invitations; a code is used once and expires.
 */
export const passwordCodes = pgTable(
  "password_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text({ enum: passwordCodePurposes }).notNull(),
    codeHash: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("password_codes_code_hash_key").on(t.codeHash),
    // Serves "the open codes of this person" (a new code replaces the old ones).
    index("password_codes_user_id_idx").on(t.userId),
    check("password_codes_code_hash_is_sha256_hex", sql`${t.codeHash} ~ '^[0-9a-f]{64}$'`),
    check("password_codes_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
    check("password_codes_purpose_known", sql`${t.purpose} in ('reset', 'first_password')`),
  ],
);
