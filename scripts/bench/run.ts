// npm run bench [-- --seconds 10 --connections 10 --rounds 3 --skip-build --print-only --database-url URL]
// Builds the app, serves it on a fresh embedded database with the demo and the library, and measures
// how many requests a second the lesson page serves next to a hello-world server and a trivial page.
// Writes the figures into docs/performance.md (unless --print-only). See that file for how to read them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { jsReport, printJsReport } from "./js-size.ts";
import { type LoadOptions, type LoadResult, measure, median } from "./load.ts";
import { isLocalDatabaseUrl } from "#db/seed/local-database.ts";
import { startServer } from "./processes.ts";
import { machine, jsTable, loadTable, naiveEstimate, renderText, type Row, settings, writeFigures } from "./report.ts";
import { measureRender, typicalLesson } from "./render.ts";
import { getPage, linkTo, logIn, modulePreloads } from "./session.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    "skip-build": { type: "boolean", default: false },
    "print-only": { type: "boolean", default: false },
    // An empty, disposable PostgreSQL database on this machine instead of the embedded one.
    "database-url": { type: "string" },
  },
});
const databaseUrl = values["database-url"];
if (databaseUrl && !isLocalDatabaseUrl(databaseUrl)) {
  console.error("--database-url: only a database on this machine (it receives the demo).");
  process.exit(2);
}
const options: LoadOptions = {
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  warmupSeconds: 3,
};
const rounds = Math.max(1, Number(values.rounds));
const helloPort = 3298;
const appPort = 3299;
const date = new Date().toISOString().slice(0, 10);
const machineText = machine(); // before anything of ours loads the machine

if (!values["skip-build"]) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const js = jsReport("build");
printJsReport(js);
const lesson = await typicalLesson(path.resolve("content"));

const progress = (text: string) => console.log(`… ${text}`);

async function measureHelloWorld(): Promise<LoadResult> {
  const server = await startServer({ args: ["scripts/bench/hello-server.js"], port: helloPort });
  try {
    progress(`hello-world (pid ${server.pid})`);
    return await measure(`${server.origin}/`, {}, options);
  } finally {
    await server.stop();
  }
}

/** The app on a throw-away embedded database: start-up loads the library and the demo into it. */
/** A server database gets the demo and the library the way an operator would load them. */
function prepareServerDatabase(url: string) {
  for (const script of [["scripts/db-seed.ts", "--demo"], ["scripts/content-import.ts"]]) {
    const run = spawnSync(process.execPath, ["--import", "tsx", ...script], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
    });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

async function measureApp() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "werkbank-bench-"));
  if (databaseUrl) prepareServerDatabase(databaseUrl);
  const app = await startServer({
    args: ["server/index.js"],
    port: appPort,
    env: { NODE_ENV: "production", DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    readyPath: "/healthz",
  });
  try {
    progress(`app (pid ${app.pid}), data in ${dataDir}`);
    const cookie = await logIn(app.origin);
    const course = linkTo(await getPage(app.origin, cookie, "/courses"), "/courses/", lesson.courseTitle);
    const lessonPath = linkTo(await getPage(app.origin, cookie, course), "/lessons/", lesson.title);
    // The page must ask for exactly the scripts js-size counted, or that count is wrong.
    const preloads = modulePreloads(await getPage(app.origin, cookie, lessonPath)).sort();
    const counted = js.lesson.files.map((f) => `/${f.file}`).sort();
    if (preloads.join() !== counted.join())
      console.warn(`The lesson page preloads ${preloads.join(", ")}, js-size counted ${counted.join(", ")}`);

    // /account needs nothing but the session: the floor of any page of the app.
    const pages = { trivial: "/account", lesson: lessonPath, courses: "/courses" };
    const runs = { trivial: [] as LoadResult[], lesson: [] as LoadResult[], courses: [] as LoadResult[] };
    // Rounds take turns between the pages, so a slow spell on a shared machine hits all of them.
    for (let round = 1; round <= rounds; round++) {
      for (const name of ["trivial", "lesson", "courses"] as const) {
        progress(`round ${round}/${rounds} ${pages[name]}`);
        runs[name].push(await measure(`${app.origin}${pages[name]}`, { cookie }, options));
      }
    }
    return { lessonPath, runs };
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const hello = await measureHelloWorld();
const { lessonPath, runs } = await measureApp();
const [trivial, lessonPage, courses] = [median(runs.trivial), median(runs.lesson), median(runs.courses)];
const roundRatios = runs.lesson.map((run, i) =>
  (run.requestsPerSec / (runs.trivial[i]?.requestsPerSec ?? 1)).toFixed(2),
);
progress("renderLessonHtml in this process");
const render = measureRender(lesson.document);

const naive = naiveEstimate(lessonPage.requestsPerSec, render);
const rows: Row[] = [
  { page: "hello-world (bare `node:http`)", result: hello },
  { page: "trivial page `/account`", result: trivial },
  { page: `lesson page \`${lessonPath.replace(/[0-9a-f-]{36}$/, "<id>")}\``, result: lessonPage },
  { page: "lesson rendered per request (estimate)", result: { requestsPerSec: naive } },
  { page: "catalogue `/courses`", result: courses },
];
const figures = [
  `Measured ${date} on ${machineText}.`,
  settings(options, rounds),
  databaseUrl
    ? "Database: the PostgreSQL server on this machine."
    : "Database: the embedded PGlite (the default of `npm start`).",
  "",
  loadTable(rows, hello.requestsPerSec),
  "",
  `Lesson page / trivial page: **${(lessonPage.requestsPerSec / trivial.requestsPerSec).toFixed(2)}**`,
  `(per round: ${roundRatios.join(", ")});`,
  `rendered per request it would be about ${(naive / trivial.requestsPerSec).toFixed(2)}.`,
  renderText(lesson, render, trivial.requestsPerSec),
  "",
  jsTable(js),
].join("\n");

console.log(`\n${figures}\n`);
if (!values["print-only"]) {
  writeFigures("docs/performance.md", figures);
  console.log("Figures written to docs/performance.md");
}
process.exit(js.ok ? 0 : 1);
