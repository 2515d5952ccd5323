import { describe, expect, test } from "vitest";
import { isLocalDatabaseUrl } from "#db/seed/local-database.ts";

describe("isLocalDatabaseUrl", () => {
  test.each([
    ["postgres://postgres@127.0.0.1:5432/werkbank", true],
    ["postgres://localhost/werkbank", true],
    ["postgresql://app@[::1]:5432/werkbank", true],
    ["postgres:///werkbank?host=/var/run/postgresql", true],
    ["postgres://app@db.schule-altmark.de/werkbank", false],
    ["postgres://app@10.0.0.5/werkbank", false],
    ["postgres://localhost.evil.example/werkbank", false],
    ["not a url", false],
  ])("%s → %s", (url, local) => {
    expect(isLocalDatabaseUrl(url)).toBe(local);
  });
});
