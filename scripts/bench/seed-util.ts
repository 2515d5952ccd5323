import { sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";

/**
 * Inserts rows in chunks: one statement may carry at most 65,535 parameters, and a few thousand
 * rows a statement is as fast as it gets on both drivers.
 */
export async function insertAll<T extends PgTable>(db: Database, table: T, rows: PgInsertValue<T>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(30_000 / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size));
}

export const dayMs = 86_400_000;

/** ISO calendar day (UTC) of a moment. */
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * dayMs);

/** A working-hours moment on the day of `at` (07:00–19:59 UTC), so timestamps do not cluster at midnight. */
export function duringWork(at: Date, fraction: number): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day + (7 + fraction * 13) * 3_600_000);
}

export const seededTables = [
  "organizations",
  "users",
  "memberships",
  "apprenticeships",
  "school_classes",
  "class_enrollments",
  "class_teachers",
  "courses",
  "lessons",
  "lesson_progress",
  "quiz_attempts",
  "attempt_answers",
  "assignments",
  "assignment_recipients",
  "record_weeks",
] as const;

/** Rows per table, counted in the database (what the pages really read). */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const parts = seededTables.map((table) => `select '${table}' as name, count(*)::int as n from ${table}`);
  const rows = await selectRows<{ name: string; n: number }>(db, sql.raw(parts.join(" union all ")));
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}
