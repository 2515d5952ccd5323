// npm run bench [-- --seconds 10 --connections 10 --rounds 3 --skip-build --print-only --embedded --postgres-url URL
//   --keep-database]
// Builds the app, creates a database of its own (on the local PostgreSQL server, or --embedded PGlite),
// seeds a large realistic data set, serves it with the production server and measures the pages
// people use most next to a bare hello-world server. Writes the figures into docs/performance.md
// (unless --print-only) and drops the database. See that file for how to read them.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { type BenchDatabase, createBenchDatabase, importLibrary } from "./bench-db.ts";
import { jsReport, printJsReport } from "./js-size.ts";
import { type LoadOptions, type LoadResult, measure, median } from "./load.ts";
import { type AppRuns, measureApp, type PageName } from "./measure-app.ts";
import { onInterrupt, startServer } from "./processes.ts";
import {
  dataSetText,
  jsTable,
  loadTable,
  machine,
  naiveEstimate,
  renderText,
  type Row,
  settings,
  writeFigures,
} from "./report.ts";
import { measureRender, typicalLesson } from "./render.ts";
import { type SeedReport, seedLarge } from "./seed-large.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    "skip-build": { type: "boolean", default: false },
    "print-only": { type: "boolean", default: false },
    // PGlite in a temporary folder instead of a new database on the PostgreSQL server.
    embedded: { type: "boolean", default: false },
    // The local server the bench creates its database on (and drops it from afterwards).
    "postgres-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    // Leave the seeded database (and its folder) behind, e.g. for EXPLAIN ANALYZE; drop it by hand.
    "keep-database": { type: "boolean", default: false },
  },
});
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
const progress = (text: string) => console.log(`… ${text}`);

if (!values["skip-build"]) {
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const js = jsReport("build");
printJsReport(js);
const lesson = await typicalLesson(path.resolve("content"));

async function measureHelloWorld(): Promise<LoadResult> {
  const server = await startServer({ args: ["scripts/bench/hello-server.js"], port: helloPort });
  try {
    progress(`hello-world (pid ${server.pid})`);
    return await measure(`${server.origin}/`, {}, options);
  } finally {
    await server.stop();
  }
}

/** Library (by the operator's import script) and the large data set, before the app opens the database. */
async function seed(database: BenchDatabase): Promise<SeedReport> {
  importLibrary(database);
  progress("seeding the large data set");
  const handle = await database.open();
  try {
    // Twice as many open attempts as connections: an attempt waits while its revision is looked up.
    return await seedLarge(handle.db, { takers: options.connections * 2 + 4 });
  } finally {
    await handle.close();
  }
}

async function benchApp(): Promise<{ seeded: SeedReport; app: AppRuns; database: string }> {
  const database = await createBenchDatabase({ embedded: values.embedded, serverUrl: values["postgres-url"] });
  const keep = values["keep-database"];
  if (!keep) onInterrupt(database.drop);
  progress(`database: ${database.url ?? database.dataDir}`);
  try {
    const seeded = await seed(database);
    console.log(dataSetText(seeded));
    const server = await startServer({
      args: ["server/index.js"],
      port: appPort,
      env: { NODE_ENV: "production", SEED_DEMO: "never", DATABASE_URL: "", ...database.env },
      readyPath: "/healthz",
    });
    try {
      progress(`app (pid ${server.pid})`);
      const app = await measureApp(server.origin, { logins: seeded.logins, lesson, js: js.lesson, options, rounds });
      return { seeded, app, database: database.description };
    } finally {
      await server.stop();
    }
  } finally {
    if (keep) progress(`database kept: ${database.url ?? database.dataDir} (and ${database.dataDir})`);
    else {
      await database.drop();
      progress("database dropped");
    }
  }
}

const hello = await measureHelloWorld();
const { seeded, app, database } = await benchApp();
const result = (name: PageName) => {
  const runs = name === "quiz" ? app.quiz : app.runs.get(name);
  return runs?.length ? median(runs) : undefined;
};
const trivial = result("trivial");
const lessonPage = result("lesson");
if (!trivial || !lessonPage) throw new Error("/account and the lesson page must be measured");
const roundRatios = (app.runs.get("lesson") ?? []).map((run, i) =>
  (run.requestsPerSec / (app.runs.get("trivial")?.[i]?.requestsPerSec ?? 1)).toFixed(2),
);
progress("renderLessonHtml in this process");
const render = measureRender(lesson.document);
const naive = naiveEstimate(lessonPage.requestsPerSec, render);

const { logins } = seeded;
const labels: Record<PageName, string> = {
  trivial: "trivial page `/account`",
  lesson: "lesson page `/lessons/<id>`",
  courses: "catalogue `/courses`",
  home: "apprentice home `/`",
  team: `trainer dashboard \`/orgs/<id>/team\` (${logins.companyApprentices} apprentices)`,
  classes: `teacher's classes \`/orgs/<id>/classes\` (3 classes, ${logins.classStudents} students)`,
  recordQueue: "Berichtsheft approval queue `/records` (trainer)",
  recordWeek: "Berichtsheft week under review `/records/<id>/<week>` (trainer)",
  quiz: "quiz answer POST `/attempts/<id>` (autosave)",
};
const rows: Row[] = [{ page: "hello-world (bare `node:http`)", result: hello }];
const missing: string[] = [];
for (const page of app.pages) {
  const measured = result(page.name);
  if (measured) rows.push({ page: labels[page.name], result: measured });
  else missing.push(page.path);
  if (page.name === "lesson")
    rows.push({ page: "lesson rendered per request (estimate)", result: { requestsPerSec: naive } });
}
const quizNote = app.quiz.length
  ? `The quiz row counts only saves the app took (${app.quiz.map((q) => `${q.saves} saved, ${q.refused} refused`).join("; ")} per round).`
  : "";

const figures = [
  `Measured ${date} on ${machineText}.`,
  settings(options, rounds),
  `Database: ${database}.`,
  "",
  dataSetText(seeded),
  "",
  loadTable(rows, hello.requestsPerSec),
  "",
  `Lesson page / trivial page: **${(lessonPage.requestsPerSec / trivial.requestsPerSec).toFixed(2)}**`,
  `(per round: ${roundRatios.join(", ")});`,
  `rendered per request it would be about ${(naive / trivial.requestsPerSec).toFixed(2)}.`,
  renderText(lesson, render, trivial.requestsPerSec),
  ...(quizNote ? [quizNote] : []),
  "",
  jsTable(js),
].join("\n");

console.log(`\n${figures}\n`);
if (missing.length > 0) {
  console.error(`Not measured (404): ${missing.join(", ")}. docs/performance.md is left unchanged.`);
  process.exit(1);
}
if (!values["print-only"]) {
  writeFigures("docs/performance.md", figures);
  console.log("Figures written to docs/performance.md");
}
process.exit(js.ok ? 0 : 1);
