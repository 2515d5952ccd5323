import autocannon from "autocannon";

export type LoadResult = { requestsPerSec: number; p50: number; p975: number; p99: number };
export type LoadOptions = { seconds: number; connections: number; warmupSeconds: number };

// What a browser sends: the app compresses its answers, so compression is part of the cost.
const browserHeaders = { accept: "text/html", "accept-encoding": "gzip, deflate, br" };

function run(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  return autocannon({ url, connections, duration: seconds, headers: { ...browserHeaders, ...headers } });
}

/**
 * Hammers one URL with autocannon after a warm-up (JIT, caches, PGlite's buffers). Any answer but
 * 2xx would measure the wrong page (an expired session redirects), so it fails the bench.
 */
export async function measure(url: string, headers: Record<string, string>, options: LoadOptions) {
  await run(url, headers, options.warmupSeconds, options.connections);
  const result = await run(url, headers, options.seconds, options.connections);
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
  } satisfies LoadResult;
}

/** The run with the median requests/s (its latencies with it): one slow or fast run does not decide. */
export function median(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error("No runs to take the median of");
  return middle;
}
