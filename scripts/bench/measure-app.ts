// The app's pages under load, each as the person who uses it: rounds take turns between the
// pages, so a slow spell on a shared machine hits all of them. A page that does not exist (404)
// is reported and left out, so the others can still be measured while it is being built.
import type { Chunkset } from "./js-size.ts";
import { type LoadOptions, type LoadResult, measure } from "./load.ts";
import { measureQuizSaves, type SaveResult, type Taker } from "./quiz-load.ts";
import { benchPassword, type BenchLogins } from "./seed-large.ts";
import { getPage, linkTo, logIn, modulePreloads } from "./session.ts";

export const pageNames = [
  "trivial",
  "lesson",
  "courses",
  "home",
  "team",
  "classes",
  "recordQueue",
  "recordWeek",
  "quiz",
] as const;
export type PageName = (typeof pageNames)[number];
export type Page = { name: PageName; path: string; cookie: string; missing?: number };
export type AppRuns = { pages: Page[]; runs: Map<PageName, LoadResult[]>; quiz: SaveResult[] };

const progress = (text: string) => console.log(`… ${text}`);

async function status(origin: string, cookie: string, path: string): Promise<number> {
  const response = await fetch(`${origin}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return response.status;
}

/** Logs everyone in and finds the pages: the lesson through the catalogue, as a reader would. */
async function findPages(
  origin: string,
  logins: BenchLogins,
  lesson: { courseTitle: string; title: string },
  js: Chunkset,
): Promise<{ pages: Page[]; takers: Taker[] }> {
  const as = (email: string) => logIn(origin, { email, password: benchPassword });
  const apprentice = await as(logins.apprentice);
  const trainer = await as(logins.trainer);
  const teacher = await as(logins.teacher);
  const course = linkTo(await getPage(origin, apprentice, "/courses"), "/courses/", lesson.courseTitle);
  const lessonPath = linkTo(await getPage(origin, apprentice, course), "/lessons/", lesson.title);
  // The page must ask for exactly the scripts js-size counted, or that count is wrong.
  const preloads = modulePreloads(await getPage(origin, apprentice, lessonPath)).sort();
  const counted = js.files.map((f) => `/${f.file}`).sort();
  if (preloads.join() !== counted.join())
    console.warn(`The lesson page preloads ${preloads.join(", ")}, js-size counted ${counted.join(", ")}`);

  const takers: Taker[] = [];
  for (const taker of logins.takers) takers.push({ ...taker, cookie: await as(taker.email), revision: 0 });
  const first = takers[0];
  const pages: Page[] = [
    // /account needs nothing but the session: the floor of any page of the app.
    { name: "trivial", path: "/account", cookie: apprentice },
    { name: "lesson", path: lessonPath, cookie: apprentice },
    { name: "courses", path: "/courses", cookie: apprentice },
    { name: "home", path: "/", cookie: apprentice },
    { name: "team", path: `/orgs/${logins.companyId}/team`, cookie: trainer },
    { name: "classes", path: `/orgs/${logins.schoolId}/classes`, cookie: teacher },
    { name: "recordQueue", path: "/records", cookie: trainer },
    { name: "recordWeek", path: logins.recordWeekPath, cookie: trainer },
    { name: "quiz", path: `/attempts/${first?.attemptId}`, cookie: first?.cookie ?? "" },
  ];
  for (const page of pages) {
    const code = await status(origin, page.cookie, page.path);
    if (code === 404) {
      console.warn(`${page.path} answers 404: not measured`);
      page.missing = code;
    } else if (code !== 200) throw new Error(`GET ${page.path} answered HTTP ${code}`);
  }
  return { pages, takers };
}

export async function measureApp(
  origin: string,
  input: {
    logins: BenchLogins;
    lesson: { courseTitle: string; title: string };
    js: Chunkset;
    options: LoadOptions;
    rounds: number;
  },
): Promise<AppRuns> {
  const { pages, takers } = await findPages(origin, input.logins, input.lesson, input.js);
  const runs = new Map<PageName, LoadResult[]>();
  const quiz: SaveResult[] = [];
  for (let round = 1; round <= input.rounds; round++) {
    for (const page of pages.filter((p) => !p.missing)) {
      if (page.name === "quiz") {
        progress(`round ${round}/${input.rounds} POST /attempts/<id> (autosave, ${takers.length} attempts)`);
        quiz.push(await measureQuizSaves(origin, takers, input.options));
        continue;
      }
      progress(`round ${round}/${input.rounds} ${page.path}`);
      const result = await measure(`${origin}${page.path}`, { cookie: page.cookie }, input.options);
      runs.set(page.name, [...(runs.get(page.name) ?? []), result]);
    }
  }
  return { pages, runs, quiz };
}
