import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashOptions, productionHashOptions, verifyPassword } from "#app/modules/auth/password.server.ts";

describe("password hashing cost", () => {
  it("uses OWASP's argon2id minimum outside vitest", () => {
    expect(hashOptions({ NODE_ENV: "production" })).toEqual({
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
      outputLen: 32,
    });
    expect(hashOptions({})).toBe(productionHashOptions);
    expect(hashOptions({ VITEST: "true", NODE_ENV: "production" })).toBe(productionHashOptions);
  });

  it("uses a lower cost under vitest, and those hashes verify with the normal check", async () => {
    const options = hashOptions({ VITEST: "true", NODE_ENV: "test" });
    expect(options.memoryCost).toBeLessThan(productionHashOptions.memoryCost);
    const stored = await hash("geheim-123", options);
    expect(stored).toContain("m=256,t=1");
    expect(await verifyPassword(stored, "geheim-123")).toBe(true);
    expect(await verifyPassword(stored, "falsch")).toBe(false);
  });
});
