import { describe, expect, test } from "vitest";
import { parseEnv } from "#app/utils/env.server.ts";

describe("parseEnv", () => {
  test("runs with no variables at all: embedded database under data/, port 3000", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      DATA_DIR: "data",
      DATABASE_URL: undefined,
      TRUST_PROXY: false,
      SEED_DEMO: "auto",
    });
  });

  test("reads the documented variables", () => {
    const env = parseEnv({
      PORT: "8080",
      DATA_DIR: "/srv/werkbank",
      DATABASE_URL: "postgres://app@db.internal:5432/werkbank",
      TRUST_PROXY: "true",
      SEED_DEMO: "never",
    });
    expect(env).toMatchObject({ PORT: 8080, DATA_DIR: "/srv/werkbank", TRUST_PROXY: true, SEED_DEMO: "never" });
    expect(env.DATABASE_URL).toBe("postgres://app@db.internal:5432/werkbank");
  });

  test("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  test("stops with a message naming each bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
});
