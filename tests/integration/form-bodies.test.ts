import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { maxMediaBytes } from "#app/modules/media/media-types.ts";
import { action as accountAction } from "#app/routes/account.tsx";
import { action as imageAction } from "#app/routes/edit.lessons.$lessonId_.images.ts";
import { action as joinAction } from "#app/routes/join.$code.tsx";
import { action as languageAction } from "#app/routes/language.ts";
import { action as loginAction } from "#app/routes/login.tsx";
import { createCourse } from "#tests/factories/courses.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";
import { bodyLimits } from "../../server/body-limit.js";

const { db } = await openTestDatabase();

const urlencoded = { "content-type": "application/x-www-form-urlencoded" };

describe("every action reads its body through readForm", () => {
  test("no route reads request.formData() or parses multipart by itself", () => {
    const routes = path.resolve("app/routes");
    const offenders = readdirSync(routes).filter((file) =>
      /request\.formData\(\)|unstable_parseMultipartFormData/.test(readFileSync(path.join(routes, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});

describe("bodies that are not a form", () => {
  test.each([
    ["application/json", '{"email":"a@example.com"}'],
    ["text/plain", "email=a@example.com"],
    ["application/xml", "<login/>"],
  ])("%s gets 415 with a German message, not a 500", async (contentType, body) => {
    const result = await callRoute(loginAction, { path: "/login", body, headers: { "content-type": contentType } });
    expect(result.status).toBe(415);
    expect(result.data).toEqual({ messageKey: "errors.http.415" });
  });

  test("a body without any Content-Type gets 415", async () => {
    const result = await callRoute(languageAction, { path: "/language", body: new Uint8Array([1, 2, 3]) });
    expect(result.status).toBe(415);
  });

  test("a broken multipart body gets 400", async () => {
    const result = await callRoute(loginAction, {
      path: "/login",
      body: "--x\r\nkaputt",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(result.status).toBe(400);
    expect(result.data).toEqual({ messageKey: "errors.http.400" });
  });

  test("a signed-in page's action answers the same", async () => {
    const user = await createUser(db);
    const result = await callRoute(accountAction, {
      path: "/account",
      cookie: await sessionCookieFor(db, user.id),
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(result.status).toBe(415);
  });
});

describe("body size", () => {
  test("a form over the limit gets 413 while it is read", async () => {
    const body = `email=${"a".repeat(bodyLimits.form)}`;
    const result = await callRoute(loginAction, { path: "/login", body, headers: urlencoded });
    expect(result.status).toBe(413);
    expect(result.data).toEqual({ messageKey: "errors.http.413" });
  });

  test("a declared Content-Length over the limit gets 413 before reading", async () => {
    const result = await callRoute(joinAction, {
      path: "/join/ABCD",
      params: { code: "ABCD" },
      body: "name=x",
      headers: { ...urlencoded, "content-length": String(200 * 1024 * 1024) },
    });
    expect(result.status).toBe(413);
  });
});

describe("what a refused form sends back", () => {
  test("login: only the form's own fields, never the password, never anything else", async () => {
    const user = await createUser(db);
    const result = await callRoute(loginAction, {
      path: "/login",
      form: { email: user.email, password: "falsch-falsch", redirectTo: "/account", junk: "x".repeat(100_000) },
    });
    expect(result.status).toBe(400);
    expect((result.data as { values: unknown }).values).toEqual({ email: user.email, redirectTo: "/account" });
  });

  test("a valid login still works", async () => {
    const user = await createUser(db);
    const result = await callRoute(loginAction, {
      path: "/login",
      form: { email: user.email, password: TEST_PASSWORD, junk: "x" },
    });
    expect(result.status).toBe(302);
  });

  test("joining: name and e-mail come back, passwords and unknown fields do not", async () => {
    const result = await callRoute(joinAction, {
      path: "/join/ABCD",
      params: { code: "ABCD" },
      form: {
        name: "Lena",
        email: "kein-email",
        password: "geheim-geheim-geheim",
        confirmPassword: "geheim-geheim-geheim",
        extra: "y".repeat(50_000),
      },
    });
    expect(result.status).toBe(400);
    expect((result.data as { values: unknown }).values).toEqual({ name: "Lena", email: "kein-email" });
  });
});

const world = await createWorld(db);
const course = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
const lessonId = course.lessonIds[0] ?? "";

describe("uploads", () => {
  const upload = async (body: BodyInit, contentType = "multipart/form-data; boundary=x") =>
    callRoute(imageAction, {
      path: `/edit/lessons/${lessonId}/images`,
      params: { lessonId },
      cookie: await sessionCookieFor(db, world.people.trainer.id),
      body,
      headers: { "content-type": contentType },
    });

  test("a broken multipart body is a 400, not 'too large'", async () => {
    const result = await upload("--x\r\nkaputt");
    expect(result.status).toBe(400);
  });

  test("a picture over the file limit is a 413", async () => {
    const form = new FormData();
    form.set("image", new Blob([new Uint8Array(maxMediaBytes + 1)], { type: "image/png" }), "gross.png");
    const encoded = new Response(form);
    const result = await upload(await encoded.arrayBuffer(), encoded.headers.get("content-type") ?? "");
    expect(result.status).toBe(413);
  });
});
