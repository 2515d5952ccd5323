// Starts the production build for the set-up journey (journey.spec.ts) on an EMPTY database with no
// demo, the way a real installation begins: first the operator command line creates the first
// operator (its output, with the one-time link, goes to a file the spec reads), then the server
// starts. On CI the database is a fresh one on the PostgreSQL server (beside TEST_DATABASE_URL's);
// without a server it is a fresh embedded database. The command line runs before the server because
// the embedded database admits one process at a time.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_JOURNEY_PORT ?? "3211";
const appUrl = `http://localhost:${port}`;
const workDir = path.resolve("tests/.tmp/journey");
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, NODE_ENV: "production", PORT: port, APP_URL: appUrl, SEED_DEMO: "never" };
delete env.DATABASE_URL;
env.DATA_DIR = path.join(workDir, "data");

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "werkbank"}_journey`;
  const admin = postgres({ ...connectionOf(url), database: "postgres", onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
}

/**
 * Runs one of the project's command-line scripts against the journey's database.
 * @param {string} file
 * @param {string[]} args
 */
function script(file, ...args) {
  const run = spawnSync(process.execPath, ["--import", "tsx", file, ...args], { env, encoding: "utf8" });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  return `${run.stdout}${run.stderr}`;
}

// As "Running for real" in the README says: the course library, then the first operator.
script("scripts/content-import.ts");
const printed = script("scripts/operator-create.ts", "--email", "buero@altmark.example", "--name", "Anna Berger");
writeFileSync(path.join(workDir, "operator-cli.txt"), printed);

Object.assign(process.env, env);
if (!env.DATABASE_URL) delete process.env.DATABASE_URL;
// Imported only after the environment is set: the server reads it at start-up.
await import("../../server/index.js");

/** @param {URL} url */
function connectionOf(url) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username || "postgres"),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}
