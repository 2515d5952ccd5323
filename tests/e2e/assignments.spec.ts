import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, openAs, test } from "./fixtures.ts";
import { answerAllPages, expectFullMarks, readQuiz, startAttempt } from "./quiz-helpers.ts";

// The trainer Thomas gives Jonas (his apprentice, used by no other spec for learning) a lesson and
// a quiz of a module no other spec touches; Jonas does both; Thomas sees it on his dashboard.
const LESSON = "Persönliche Schutzausrüstung und Sicherheitsschuhe";
const QUIZ_FOLDER = "arbeitssicherheit/03-schutzausruestung-und-zeichen";
const JONAS = "jonas.becker@example.com";

/** Gives Jonas one task through the form; returns the task's page. */
async function giveTask(page: Page, option: string | RegExp, dueOn: string, note: string) {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Mein Team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Mein Team/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Aufgabe vergeben" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Aufgabe vergeben" })).toBeVisible();
  await expectAccessible(page);
  const select = page.getByLabel("Was ist zu tun?");
  const value = await select.locator("option").filter({ hasText: option }).first().getAttribute("value");
  await select.selectOption(value ?? "");
  await page.getByLabel("Fällig am").fill(dueOn);
  await page.getByLabel("Hinweis (freiwillig)").fill(note);
  await page.getByRole("checkbox", { name: /Jonas Becker/ }).check();
  await page.getByRole("button", { name: "Aufgabe vergeben" }).click();
  await expect(page.getByText("Aufgabe an 1 Person vergeben.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Jonas Becker" })).toContainText("Offen");
  await expectAccessible(page);
  return new URL(page.url()).pathname;
}

/** Jonas's task entry on his home page, found by its title. */
function task(page: Page, title: string) {
  return page
    .getByRole("region", { name: "Meine Aufgaben" })
    .getByRole("listitem")
    .filter({
      has: page.getByRole("heading", { name: title }),
    });
}

test.describe("Aufgaben", () => {
  test("Ausbilder vergibt Lektion und Quiz, der Azubi erledigt beides, das Team-Dashboard zeigt es mit Ergebnis", async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const quiz = readQuiz(QUIZ_FOLDER);
    await login("trainer");
    // A date a few days ahead, in the form the date input takes.
    const dueOn = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await giveTask(page, `Lektion: ${LESSON}`, dueOn, "Bitte vor Montag lesen.");
    await giveTask(page, quiz.title, dueOn, "");

    // Jonas sees both, with the note, and works through them.
    const jonas = await openAs(browser, baseURL, JONAS);
    await jonas.goto("/");
    await expect(task(jonas, LESSON)).toContainText("Offen");
    await expect(task(jonas, LESSON)).toContainText("Bitte vor Montag lesen.");
    await expect(task(jonas, quiz.title)).toContainText("Offen");
    await expectAccessible(jonas);

    await task(jonas, LESSON).getByRole("link", { name: LESSON, exact: true }).click();
    await expect(jonas.getByRole("heading", { level: 1, name: LESSON })).toBeVisible();
    await jonas.getByRole("button", { name: "Als erledigt markieren" }).click();
    await expect(jonas.getByRole("button", { name: "Als erledigt markieren" })).toBeHidden();

    await jonas.goto("/");
    // Finished work is folded away under "1 erledigte Aufgabe".
    await jonas.getByText("1 erledigte Aufgabe").click();
    await expect(task(jonas, LESSON)).toContainText("Erledigt");
    await task(jonas, quiz.title).getByRole("link", { name: quiz.title }).first().click();
    await expect(jonas.getByRole("heading", { level: 1, name: quiz.title })).toBeVisible();
    await startAttempt(jonas);
    await answerAllPages(jonas, quiz);
    await jonas.getByRole("button", { name: "Abgeben", exact: true }).click();
    await expectFullMarks(jonas, quiz);

    await jonas.goto("/");
    await jonas.getByText("2 erledigte Aufgaben").click();
    await expect(task(jonas, quiz.title)).toContainText("Erledigt");
    await expect(task(jonas, quiz.title)).toContainText("100 %");
    await expectAccessible(jonas);
    await jonas.context().close();

    // Thomas's dashboard: Jonas's row shows both tasks done, the quiz with its score.
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Mein Team" }).click();
    const matrix = page
      .getByRole("table")
      .filter({ has: page.getByRole("columnheader", { name: new RegExp(quiz.title) }) });
    await expect(matrix).toBeVisible();
    const row = matrix.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Jonas Becker/ }) });
    const headers = await matrix.getByRole("columnheader").allTextContents();
    const quizColumn = headers.findIndex((text) => text.includes(quiz.title));
    const lessonColumn = headers.findIndex((text) => text.includes(LESSON));
    expect(quizColumn).toBeGreaterThan(0);
    expect(lessonColumn).toBeGreaterThan(0);
    const cells = row.locator("th, td");
    await expect(cells.nth(quizColumn)).toContainText("Erledigt");
    await expect(cells.nth(quizColumn)).toContainText("100 %");
    await expect(cells.nth(lessonColumn)).toContainText("Erledigt");
    await expectAccessible(page);
  });

  test("Lehrkraft sieht ihre Klasse über zwei Betriebe und lädt sie als CSV herunter", async ({ page, login }) => {
    await login("teacher");
    await page.goto("/");
    await expectAccessible(page);
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Meine Klassen" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /Meine Klassen/ })).toBeVisible();
    const hw26 = page.locator("section").filter({ has: page.getByRole("heading", { name: /HW 26/ }) });
    await expect(hw26.getByRole("rowheader", { name: /Jonas Becker/ })).toBeVisible();
    await expect(hw26.getByRole("rowheader", { name: /Emre Yılmaz/ })).toBeVisible();
    await expect(hw26).toContainText("Tischlerei Krüger");
    await expect(hw26).toContainText("Elektro Neumann GmbH");
    await expectAccessible(page);

    // The filter, folded until used: a name search leaves one student of the class.
    await page.locator("summary", { hasText: "Ansicht filtern" }).click();
    await page.getByLabel("Name oder Betrieb").fill("Emre");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page).toHaveURL(/q=Emre/);
    await expect(hw26.getByRole("rowheader", { name: /Emre Yılmaz/ })).toBeVisible();
    await expect(hw26.getByRole("rowheader", { name: /Jonas Becker/ })).toBeHidden();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Filter zurücksetzen" }).first().click();
    await expect(hw26.getByRole("rowheader", { name: /Jonas Becker/ })).toBeVisible();

    const download = page.waitForEvent("download");
    await hw26.getByRole("link", { name: /CSV/ }).click();
    const file = await (await download).path();
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const [header, ...rows] = text.split("\r\n").filter(Boolean);
    expect(header?.split(";").slice(0, 2)).toEqual(["Name", "Betrieb"]);
    expect(rows.some((r) => r.startsWith("Jonas Becker;Tischlerei Krüger"))).toBe(true);
    expect(rows.some((r) => r.startsWith("Emre Yılmaz;Elektro Neumann GmbH"))).toBe(true);
  });

  test("Ein Ausbilder sieht die Klassenübersicht der Schule nicht", async ({ page, login }) => {
    await login("teacher");
    await page.goto("/");
    await expectAccessible(page);
    const href = await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Meine Klassen" })
      .getAttribute("href");
    await page.context().clearCookies();
    await login("trainer");
    const response = await page.goto(href ?? "/");
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
  });
});
