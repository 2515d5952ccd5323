import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file: it diffs db/schema against the committed
// migrations. No database connection is needed for that.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
