import { describe, expect, test, vi } from "vitest";
import { installDatabase, openDatabase } from "#db/client.server.ts";
import { loader } from "#app/routes/healthz.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const handle = await openTestDatabase();

describe("/healthz", () => {
  test("answers 200 {status: ok} when the database answers", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  test("answers 503 when the database does not", async () => {
    const broken = await openDatabase({ inMemory: true });
    await broken.close();
    installDatabase(broken);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await loader();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable" });
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      installDatabase(handle);
    }
  });
});
