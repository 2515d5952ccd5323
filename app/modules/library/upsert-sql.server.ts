import { sql } from "drizzle-orm";

/** Upsert helpers: imports only write when something really changed, so re-imports are quiet. */

/** `SET col = excluded.col` for each column (snake_case names as in the table). */
export function excludedOf(columns: string[]) {
  return Object.fromEntries(columns.map((column) => [snakeToCamel(column), sql.raw(`excluded.${column}`)]));
}

export function changed(table: string, columns: string[]) {
  const current = columns.map((c) => `"${table}"."${c}"`).join(", ");
  const incoming = columns.map((c) => `excluded.${c}`).join(", ");
  return sql.raw(`(${current}) is distinct from (${incoming})`);
}

function snakeToCamel(name: string) {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
