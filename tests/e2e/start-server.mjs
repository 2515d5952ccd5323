// Starts the production build for Playwright on a brand-new embedded database, so every run
// begins from the same freshly seeded demo data (and with empty login rate-limit counters).
// Playwright runs this with the repository root as working directory.
import { rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve("tests/.tmp/e2e-data");
rmSync(dataDir, { recursive: true, force: true });

process.env.NODE_ENV = "production";
process.env.DATA_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT ?? "3210";
process.env.SEED_DEMO = "auto";
// Invitation links point here (production warns when APP_URL is unset).
process.env.APP_URL = `http://localhost:${process.env.PORT}`;
// A DATABASE_URL from the developer's shell would point the tests at a real server.
delete process.env.DATABASE_URL;

// Imported only after the environment is set: the server reads it at start-up.
await import("../../server/index.js");
