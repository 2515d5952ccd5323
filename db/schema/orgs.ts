import { sql } from "drizzle-orm";
import { check, index, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

export const organizationKind = pgEnum("organization_kind", ["company", "school", "training_centre"]);
export const membershipRole = pgEnum("membership_role", ["apprentice", "trainer", "teacher", "admin"]);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: organizationKind().notNull(),
    name: text().notNull(),
    town: text().notNull(),
    /** Bundesland (ISO 3166-2:DE without "DE-"): whose public holidays the Berichtsheft fills in. */
    state: text().notNull().default("ST"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set by an operator: nobody acts in the organisation any more; nothing is deleted. */
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check("organizations_name_not_blank", sql`length(trim(${t.name})) > 0`),
    check(
      "organizations_state_known",
      sql`${t.state} in ('BW','BY','BE','BB','HB','HH','HE','MV','NI','NW','RP','SL','SN','ST','SH','TH')`,
    ),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    role: membershipRole().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A leaver: no access to the organisation from this moment; their records stay. */
    deactivatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("memberships_user_org_role_key").on(t.userId, t.organizationId, t.role),
    // Serves "who belongs to this organisation" (team and member lists).
    index("memberships_organization_id_idx").on(t.organizationId, t.role),
  ],
);

/** Who did what, where it matters for trust: invitations, password changes. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    action: text().notNull(),
    targetId: uuid(),
    /** What changed, e.g. { from: "apprentice", to: "trainer" }; never learning data. */
    details: jsonb().$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index("audit_events_organization_id_idx").on(t.organizationId, t.at)],
);
