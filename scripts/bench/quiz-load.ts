// The quiz answer POST under load: what the attempt page's autosave sends (a fetcher POST of the
// page's form to `/attempts/<id>.data`, Remix single fetch). Every save must name the attempt's
// current revision or is refused as stale (409), so each request takes an attempt no other
// request is using, sends its revision and takes the new one from the answer.
import autocannon from "autocannon";
import type { LoadOptions, LoadResult } from "./load.ts";
import type { QuizTaker } from "./seed-quizzes.ts";

export type Taker = QuizTaker & { cookie: string; revision: number };
export type SaveResult = LoadResult & { saves: number; refused: number };

/**
 * The revision in an uncompressed single-fetch answer `[{"_1":2},"data",{"_3":4,"_5":6},"status","saved","revision",7]`:
 * turbo-stream flattens values into one array and objects name keys and values by index.
 */
export function savedRevision(body: string): number | null {
  try {
    const flat = JSON.parse(body.split("\n")[0] ?? "") as unknown[];
    const key = `_${flat.indexOf("revision")}`;
    if (!flat.includes("saved")) return null;
    for (const entry of flat) {
      if (entry && typeof entry === "object" && key in entry) {
        const value = flat[(entry as Record<string, number>)[key] ?? -1];
        return typeof value === "number" ? value : null;
      }
    }
  } catch {
    // Not a single-fetch answer (an error page): not a save.
  }
  return null;
}

/** The revision the attempt page shows now (its hidden form field). */
export async function currentRevision(origin: string, taker: Taker): Promise<number> {
  const response = await fetch(`${origin}/attempts/${taker.attemptId}?page=1`, { headers: { Cookie: taker.cookie } });
  const html = await response.text();
  const input = html.match(/<input[^>]*name="revision"[^>]*>/)?.[0] ?? "";
  const value = input.match(/value="(\d+)"/)?.[1];
  if (response.status !== 200 || value === undefined)
    throw new Error(`GET /attempts/${taker.attemptId} answered ${response.status} without a revision`);
  return Number(value);
}

/** Requests still on the way when autocannon stops were saved anyway: start each run from the truth. */
async function refresh(origin: string, takers: Taker[]) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (const taker of takers) taker.revision = await currentRevision(origin, taker);
}

function run(origin: string, takers: Taker[], seconds: number, connections: number) {
  const free = [...takers];
  const counts = { saves: 0, refused: 0 };
  const request: autocannon.Request = {
    method: "POST",
    setupRequest: (req, context) => {
      const taker = free.shift();
      if (!taker) throw new Error("Every quiz taker is busy: seed more takers than connections");
      (context as { taker?: Taker }).taker = taker;
      const form = new URLSearchParams([
        ...taker.fields,
        ["intent", "autosave"],
        ["revision", String(taker.revision)],
        ["page", "1"],
      ]);
      return {
        ...req,
        path: `/attempts/${taker.attemptId}.data?page=1`,
        headers: { ...req.headers, cookie: taker.cookie },
        body: form.toString(),
      };
    },
    onResponse: (status, body, context) => {
      const taker = (context as { taker?: Taker }).taker;
      if (!taker) return;
      if (status === 200) {
        // The answer is brotli-compressed like any streamed answer, and autocannon hands the body
        // over as text, so it is readable only uncompressed; the app answers 200 only to a save
        // it took, which counts the revision up by one (the stale and finished answers are 409).
        counts.saves++;
        taker.revision = savedRevision(body) ?? taker.revision + 1;
        free.push(taker);
        return;
      }
      // Refused (stale, or not saved at all): look the revision up, then use the attempt again.
      counts.refused++;
      currentRevision(origin, taker).then(
        (value) => {
          taker.revision = value;
          free.push(taker);
        },
        () => {},
      );
    },
  };
  return autocannon({
    url: origin,
    connections,
    duration: seconds,
    // What the browser's fetcher sends, with the Origin header the cross-site check asks for.
    headers: {
      accept: "*/*",
      "accept-encoding": "gzip, deflate, br",
      "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
      origin,
    },
    requests: [request],
  }).then((result) => ({ result, counts }));
}

/**
 * Saves per second, counting only saves the app took (a refused save does not count, and more
 * than 1 % refused fails the bench). Latencies are autocannon's over all answers.
 */
export async function measureQuizSaves(origin: string, takers: Taker[], options: LoadOptions): Promise<SaveResult> {
  if (takers.length < options.connections * 2)
    throw new Error(`${takers.length} quiz takers for ${options.connections} connections: need twice as many`);
  await refresh(origin, takers);
  await run(origin, takers, options.warmupSeconds, options.connections);
  await refresh(origin, takers);
  const before = takers.reduce((sum, t) => sum + t.revision, 0);
  const { result, counts } = await run(origin, takers, options.seconds, options.connections);
  // The attempts' revisions say how many saves the app took (a few more: answers cut off at the end).
  await refresh(origin, takers);
  const taken = takers.reduce((sum, t) => sum + t.revision, 0) - before;
  const answers = counts.saves + counts.refused;
  if (
    result.errors > 0 ||
    result.timeouts > 0 ||
    counts.saves === 0 ||
    counts.refused > answers / 100 ||
    taken < counts.saves
  )
    throw new Error(
      `quiz answer POST: ${counts.saves} saves answered, ${taken} taken, ${counts.refused} refused, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return {
    requestsPerSec: counts.saves / result.duration,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    ...counts,
  };
}
