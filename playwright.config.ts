import { existsSync } from "node:fs";
import { defineConfig, type ReporterDescription } from "@playwright/test";
import { journeyPort, journeyURL } from "./tests/e2e/journey-url.ts";

// The build happens before (`npm run test:e2e`); this config only starts the built server.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

// Playwright's own browser download does not work offline: use the distribution's Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install it with \`apt-get install -y chromium\` ` +
      "(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary. " +
      "Do not run `npx playwright install`: it needs internet access.",
  );
}

const reporter: ReporterDescription[] = [["list"]];
// CI reads the passed/failed counts from this file.
if (process.env.CI) reporter.push(["json", { outputFile: "reports/playwright.json" }]);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One embedded database (PGlite is single-connection) and two CPU cores: more workers only queue.
  workers: 2,
  reporter,
  // Several axe scans per test, two workers on two cores: a long flow takes half a minute on its
  // own and over a minute beside another (measured in CI); the limit only matters when one hangs.
  timeout: 120_000,
  use: {
    baseURL,
    locale: "de-DE",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      // No internet here: without the networking flags Chromium keeps dialling Google services.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node tests/e2e/start-server.mjs",
      url: `${baseURL}/healthz`,
      env: { E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    // The set-up journey (journey.spec.ts) runs on its own server over an empty database.
    {
      command: "node tests/e2e/start-empty-server.mjs",
      url: `${journeyURL}/healthz`,
      env: { E2E_JOURNEY_PORT: String(journeyPort) },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
