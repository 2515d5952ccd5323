// @ts-check
// One JSON object per line: easy to read for people and for log collectors alike.

/**
 * Logs a server error with what is needed to find the request again (the same id the client got
 * in X-Request-Id).
 * @param {{ requestId?: string, method: string, path: string, status: number, error: unknown }} entry
 */
export function logServerError({ requestId, method, path, status, error }) {
  const text = error instanceof Error ? (error.stack ?? error.message) : describeValue(error);
  console.error(
    JSON.stringify({ time: new Date().toISOString(), level: "error", requestId, method, path, status, error: text }),
  );
}

/** @param {unknown} value */
function describeValue(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
