import { describe, expect, test } from "vitest";
import { parseEnv } from "#app/utils/env.server.ts";

describe("parseEnv", () => {
  test("runs with no variables at all: embedded database under data/, port 3000", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      DATA_DIR: "data",
      DATABASE_URL: undefined,
      DATABASE_POOL_MAX: 10,
      DATABASE_POOL_MODE: "direct",
      MIGRATE_ON_START: true,
      TRUST_PROXY: 0,
      APP_URL: "http://localhost:3000",
      SEED_DEMO: "auto",
    });
  });

  test("reads the pool and migration settings of a deployment with several processes", () => {
    const env = parseEnv({ DATABASE_POOL_MAX: "4", DATABASE_POOL_MODE: "pgbouncer", MIGRATE_ON_START: "FALSE" });
    expect(env).toMatchObject({ DATABASE_POOL_MAX: 4, DATABASE_POOL_MODE: "pgbouncer", MIGRATE_ON_START: false });
    expect(() => parseEnv({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => parseEnv({ DATABASE_POOL_MODE: "session" })).toThrow(/DATABASE_POOL_MODE/);
    expect(() => parseEnv({ MIGRATE_ON_START: "nein" })).toThrow(/MIGRATE_ON_START/);
  });

  test("reads the documented variables", () => {
    const env = parseEnv({
      PORT: "8080",
      DATA_DIR: "/srv/werkbank",
      DATABASE_URL: "postgres://app@db.internal:5432/werkbank",
      TRUST_PROXY: "1",
      APP_URL: "https://werkbank.example.org",
      SEED_DEMO: "never",
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATA_DIR: "/srv/werkbank",
      TRUST_PROXY: 1,
      APP_URL: "https://werkbank.example.org",
      SEED_DEMO: "never",
    });
    expect(env.DATABASE_URL).toBe("postgres://app@db.internal:5432/werkbank");
  });

  test("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  test("stops with a message naming each bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });
});

describe("TRUST_PROXY", () => {
  test.each([
    ["", 0],
    ["false", 0],
    ["0", 0],
    ["1", 1],
    [" 2 ", 2],
    ["10.0.0.1", ["10.0.0.1"]],
    ["loopback, 10.0.0.0/8, fd00::/8", ["loopback", "10.0.0.0/8", "fd00::/8"]],
  ])("%j means %j", (value, expected) => {
    expect(parseEnv({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  test("refuses true: trusting every hop lets clients choose the address the login limits count", () => {
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY[\s\S]*Zahl der Proxys/);
  });

  test.each(["yes", "-1", "1.5", "10.0.0.0/33", "proxy.example.org", "10.0.0.1,,"])("refuses %j", (value) => {
    expect(() => parseEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe("APP_URL", () => {
  test("defaults to localhost on the configured port", () => {
    expect(parseEnv({ PORT: "3399" }).APP_URL).toBe("http://localhost:3399");
  });

  test("keeps only scheme, host and port", () => {
    expect(parseEnv({ APP_URL: "https://werkbank.example.org/" }).APP_URL).toBe("https://werkbank.example.org");
    expect(parseEnv({ APP_URL: "http://10.0.0.5:8080" }).APP_URL).toBe("http://10.0.0.5:8080");
  });

  test.each(["werkbank.example.org", "ftp://werkbank.example.org", "https://werkbank.example.org/app", "/join"])(
    "refuses %j",
    (value) => {
      expect(() => parseEnv({ APP_URL: value })).toThrow(/APP_URL/);
    },
  );
});
