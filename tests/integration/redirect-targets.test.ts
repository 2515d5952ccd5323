import { describe, expect, test } from "vitest";
import { action as languageAction } from "#app/routes/language.ts";
import { action as loginAction } from "#app/routes/login.tsx";
import { createUser, TEST_PASSWORD } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();

// Every redirect target that comes from the request must stay on this site.
const foreignTargets = ["/\t/evil.test", "/\r/evil.test", "/\n/evil.test", "/\\evil.test", "/a/../..//evil.test"];

describe("redirect targets taken from the request", () => {
  test.each(foreignTargets)("after login, %j leads home, not away", async (redirectTo) => {
    const user = await createUser(db);
    const result = await callRoute(loginAction, {
      path: "/login",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo },
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/");
  });

  test("after login, an own page is kept", async () => {
    const user = await createUser(db);
    const result = await callRoute(loginAction, {
      path: "/login",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/account?tab=1" },
    });
    expect(result.headers.get("location")).toBe("/account?tab=1");
  });

  test.each(foreignTargets)("the language switch sends %j home", async (redirectTo) => {
    const result = await callRoute(languageAction, { path: "/language", form: { locale: "en", redirectTo } });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/");
  });
});
