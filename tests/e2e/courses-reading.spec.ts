import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures.ts";

// Tests share one database during a run: each reading test works on its own library course and
// compares the progress before and after, instead of expecting absolute numbers.

const PROGRESS = /(\d+) von (\d+) Lektionen erledigt/;

/** "N von M Lektionen erledigt" from the course page's progress box. */
async function readProgress(page: Page): Promise<{ done: number; total: number }> {
  const box = page.getByRole("region", { name: "Fortschritt im Kurs" });
  await expect(box).toContainText(PROGRESS);
  const match = PROGRESS.exec((await box.textContent()) ?? "");
  return { done: Number(match?.[1]), total: Number(match?.[2]) };
}

/** A lesson's row in the course page's module list (the module rows hold a heading, lessons do not). */
function lessonRow(page: Page, title: string) {
  return page
    .getByRole("region", { name: "Module" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: title, exact: true }), hasNot: page.getByRole("heading") });
}

/** Posts "Als erledigt markieren" once more, as a double click or a resent form would. */
async function markDoneAgain(page: Page, baseURL: string | undefined, lessonPath: string) {
  const response = await page.request.post(lessonPath, {
    form: { intent: "done" },
    headers: { Origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(response.status(), "the action answers with post/redirect/get").toBe(302);
  expect(response.headers().location).toBe(lessonPath);
}

/**
 * The whole reading flow on one course: catalogue → course → next open lesson → done → back.
 * Works the same with and without JavaScript: every step is a link or a plain form.
 */
async function readAndFinishALesson(page: Page, baseURL: string | undefined, courseTitle: string) {
  await page.goto("/courses");
  await expect(page.getByRole("heading", { level: 1, name: "Kurse" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: courseTitle, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();
  const coursePath = new URL(page.url()).pathname;
  expect(coursePath).toMatch(/^\/courses\/[0-9a-f-]{36}$/);
  const before = await readProgress(page);
  expect(before.total, "a library course has lessons").toBeGreaterThan(0);
  expect(before.done, "at least one lesson is still open").toBeLessThan(before.total);
  await expectAccessible(page);

  // The big button leads to the next open lesson ("Kurs beginnen" or "Weiter, wo du aufgehört hast").
  await page
    .getByRole("region", { name: "Fortschritt im Kurs" })
    .getByRole("link", { name: /^(Kurs beginnen|Weiter, wo du aufgehört hast)$/ })
    .click();
  await expect(page).toHaveURL(/\/lessons\/[0-9a-f-]{36}$/);
  const lessonPath = new URL(page.url()).pathname;
  const lessonTitle = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
  expect(lessonTitle).not.toBe("");
  await expect(page.getByText(/^Lektion \d+ von \d+ · Lesezeit ca\. \d+ Min\.$/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Als erledigt markieren" }).click();
  await expect(page.getByText("Erledigt – gut gemacht!")).toBeVisible();
  await expect(page).toHaveURL(lessonPath);
  await expect(page.getByRole("button", { name: "Als erledigt markieren" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Doch nicht erledigt" })).toBeVisible();
  await expectAccessible(page);

  // Marking it done a second and third time changes nothing.
  await markDoneAgain(page, baseURL, lessonPath);
  await markDoneAgain(page, baseURL, lessonPath);
  await page.reload();
  await expect(page.getByText("Erledigt – gut gemacht!")).toBeVisible();

  await page.getByRole("navigation", { name: "Zur Kursübersicht" }).getByRole("link", { name: courseTitle }).click();
  await expect(page).toHaveURL(coursePath);
  await expect(page.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();
  const after = await readProgress(page);
  expect(after).toEqual({ done: before.done + 1, total: before.total });
  await expect(lessonRow(page, lessonTitle)).toContainText("✓ erledigt");
  await expectAccessible(page);
}

test.describe("Kurse lesen", () => {
  test("Azubi liest eine Lektion, markiert sie als erledigt, und der Kurs zählt sie genau einmal", async ({
    page,
    login,
    baseURL,
  }) => {
    await login("apprentice");
    await readAndFinishALesson(page, baseURL, "Holz- und Werkstoffkunde");
  });

  test("„Doch nicht erledigt“ nimmt den Haken wieder weg", async ({ page, login }) => {
    await login("apprentice");
    await page.goto("/courses");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Digitale Werkzeuge im Handwerksbetrieb", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Digitale Werkzeuge im Handwerksbetrieb" })).toBeVisible();
    const before = await readProgress(page);
    await expectAccessible(page);
    await page.getByRole("region", { name: "Fortschritt im Kurs" }).getByRole("link").click();
    await expect(page).toHaveURL(/\/lessons\/[0-9a-f-]{36}$/);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Als erledigt markieren" }).click();
    await expect(page.getByText("Erledigt – gut gemacht!")).toBeVisible();
    await page.getByRole("button", { name: "Doch nicht erledigt" }).click();
    await expect(page.getByRole("button", { name: "Als erledigt markieren" })).toBeVisible();
    await expect(page.getByText("Erledigt – gut gemacht!")).toHaveCount(0);
    await expectAccessible(page);

    await page
      .getByRole("navigation", { name: "Zur Kursübersicht" })
      .getByRole("link", { name: "Digitale Werkzeuge im Handwerksbetrieb" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Digitale Werkzeuge im Handwerksbetrieb" })).toBeVisible();
    expect(await readProgress(page)).toEqual(before);
    await expectAccessible(page);
  });
});

test.describe("Kurse lesen ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Lektion als erledigt markieren geht mit reinem HTML-Formular, auch doppelt gesendet nur einmal", async ({
    page,
    login,
    baseURL,
  }) => {
    // Without scripts every axe scan loads the page again in a second browser context.
    test.slow();
    await login("apprentice");
    await readAndFinishALesson(page, baseURL, "Arbeitssicherheit und Unfallverhütung in Werkstatt und Baustelle");
  });

  test("Katalog filtern nach Beruf und Ausbildungsjahr (GET-Formular)", async ({ page, login }) => {
    await login("apprentice");
    await page.goto("/courses");
    await expect(page.getByRole("link", { name: "Holz- und Werkstoffkunde", exact: true })).toBeVisible();
    await expectAccessible(page);

    const filter = page.getByRole("group", { name: "Kurse filtern" });
    await filter.getByLabel("Beruf").selectOption({ label: "Elektroniker/-in (Energie- und Gebäudetechnik)" });
    await filter.getByLabel("Ausbildungsjahr").selectOption({ label: "1. Ausbildungsjahr" });
    await filter.getByRole("button", { name: "Filtern" }).click();

    await expect(page).toHaveURL(/\/courses\?occupation=elektroniker&year=1$/);
    await expect(
      page.getByRole("link", { name: "Elektrische Grundlagen und die fünf Sicherheitsregeln", exact: true }),
    ).toBeVisible();
    // Courses for all trades stay in; the joinery course goes.
    await expect(
      page.getByRole("link", { name: "Arbeitssicherheit und Unfallverhütung in Werkstatt und Baustelle", exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Holz- und Werkstoffkunde", exact: true })).toHaveCount(0);
    // The form shows what it filters by.
    await expect(filter.getByLabel("Beruf")).toHaveValue("elektroniker");
    await expect(filter.getByLabel("Ausbildungsjahr")).toHaveValue("1");
    await expectAccessible(page);

    // The year alone: Holz- und Werkstoffkunde is for years 1 and 2, Digitale Werkzeuge up to 3.
    await filter.getByLabel("Beruf").selectOption({ label: "Tischler/-in" });
    await filter.getByLabel("Ausbildungsjahr").selectOption({ label: "3. Ausbildungsjahr" });
    await filter.getByRole("button", { name: "Filtern" }).click();
    await expect(page).toHaveURL(/\/courses\?occupation=tischler&year=3$/);
    await expect(page.getByRole("link", { name: "Digitale Werkzeuge im Handwerksbetrieb", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Holz- und Werkstoffkunde", exact: true })).toHaveCount(0);
    await expect(
      page.getByRole("link", { name: "Elektrische Grundlagen und die fünf Sicherheitsregeln", exact: true }),
    ).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Filter zurücksetzen" }).click();
    await expect(page).toHaveURL(/\/courses$/);
    await expect(page.getByRole("link", { name: "Holz- und Werkstoffkunde", exact: true })).toBeVisible();
    await expect(
      page.getByRole("link", { name: "Elektrische Grundlagen und die fünf Sicherheitsregeln", exact: true }),
    ).toBeVisible();
    await expect(page.getByLabel("Beruf")).toHaveValue("");
  });
});
