import { describe, expect, test, vi } from "vitest";
import { handleError } from "#app/entry.server.tsx";

// Remix calls handleError with the error and the loader/action arguments.
function args(path: string, requestId = "req-1") {
  const request = new Request(`http://localhost${path}`, { method: "POST" });
  return { request, params: {}, context: { cspNonce: "n", clientIp: "192.0.2.1", requestId } };
}

/** What Remix hands handleError for a thrown data(..., { status }): an error response (ErrorResponseImpl). */
function thrownResponse(status: number) {
  return { status, statusText: "", internal: false, data: { messageKey: `errors.http.${status}` } };
}

describe("server error log", () => {
  test("an unexpected error is one JSON line with request id, method, path and status", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    handleError(new Error("Datenbank weg"), args("/orgs/1/team?x=1", "abc-123"));
    expect(logged).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(logged.mock.calls[0]?.[0]));
    expect(line).toMatchObject({
      level: "error",
      requestId: "abc-123",
      method: "POST",
      path: "/orgs/1/team",
      status: 500,
    });
    expect(line.error).toContain("Datenbank weg");
  });

  test.each([400, 403, 404, 409, 413, 415, 429])("an expected %i answer is not logged as an error", (status) => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    handleError(thrownResponse(status), args("/login"));
    expect(logged).not.toHaveBeenCalled();
  });
});
