import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "#app/modules/auth/schemas.ts";

describe("safeRedirectPath", () => {
  test.each([
    ["/account", "/account"],
    ["/orgs/1/invitations?x=1#neu", "/orgs/1/invitations?x=1#neu"],
    ["/kurse/über", "/kurse/%C3%BCber"],
  ])("keeps the own path %j", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  test.each([
    // Browsers drop tabs and line breaks inside URLs: "/\t/evil.test" becomes "//evil.test".
    "/\t/evil.test",
    "/\n/evil.test",
    "/\r/evil.test",
    "/\r\nSet-Cookie: x=1",
    "/\u0000/evil.test",
    "/\u007f/evil.test",
    // Backslashes count as slashes in http(s) URLs.
    "/\\evil.test",
    "/\\/evil.test",
    "/a\\..\\..\\/evil.test",
    // Dot segments that climb into the authority.
    "/a/../..//evil.test",
    "/.//evil.test",
    "//evil.test",
    "https://evil.test/",
    "javascript:alert(1)",
    " /account",
    "account",
    "",
    null,
    undefined,
  ])("refuses %j and falls back to /", (input) => {
    expect(safeRedirectPath(input)).toBe("/");
  });

  test("uses the given fallback", () => {
    expect(safeRedirectPath("//evil.test", "/login")).toBe("/login");
  });
});
