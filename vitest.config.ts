import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests; the Remix plugin is not needed to call modules and routes.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    environment: "node",
    // Pictures written by import and upload tests go to a temporary folder, never into data/.
    env: { UPLOADS_DIR: path.join(tmpdir(), `werkbank-test-uploads-${process.pid}`) },
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/fail-on-console.ts", "tests/setup/catalogs.ts"],
    // PGlite opens in about a second per file; PostgreSQL migrations run once in global setup.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "reports/vitest.json" },
  },
});
