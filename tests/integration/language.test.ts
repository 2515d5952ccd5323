import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "#db/schema/index.ts";
import { action } from "#app/routes/language.ts";
import { createUser, sessionCookieFor } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();

describe("POST /language", () => {
  test("stores the choice on the account and in a cookie, and goes back to the page", async () => {
    const user = await createUser(db);
    const result = await callRoute(action, {
      path: "/language",
      cookie: await sessionCookieFor(db, user.id),
      form: { locale: "en", redirectTo: "/account" },
    });
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/account");
    expect(result.headers.get("set-cookie")).toMatch(/^werkbank_lang=en;/);
    const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(row?.locale).toBe("en");
  });

  test("ignores an unknown language and a foreign redirect target", async () => {
    const user = await createUser(db);
    const result = await callRoute(action, {
      path: "/language",
      cookie: await sessionCookieFor(db, user.id),
      form: { locale: "xx", redirectTo: "https://evil.example/" },
    });
    expect(result.headers.get("location")).toBe("/");
    expect(result.headers.get("set-cookie")).toBeNull();
    const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id));
    expect(row?.locale).toBe("de");
  });
});
