import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures.ts";
import { emptyLine, lineWithText, openThisWeek } from "./record-helpers.ts";

// Jonas keeps this week's draft: with JavaScript it saves itself while he types; without, the
// plain form saves, and a wrong number is named in German while everything typed stays.
const JONAS = "jonas.becker@example.com";

async function logInAsJonas(page: Page, baseURL: string | undefined) {
  const response = await page.request.post("/login", {
    form: { email: JONAS, password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { Origin: baseURL ?? "" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

test.describe("Berichtsheft-Entwurf mit JavaScript", () => {
  test("speichert sich beim Tippen, und nach dem Neuladen steht alles noch da", async ({ page, baseURL }) => {
    await logInAsJonas(page, baseURL);
    await openThisWeek(page);
    await expectAccessible(page);
    const line = `Kantenanleimer eingerichtet ${Date.now()}`;
    await emptyLine(page, "Betriebliche Tätigkeiten").fill(line);
    await expect(page.getByText(/^Gespeichert um \d{2}:\d{2}$/)).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await expect(lineWithText(page, line)).toHaveCount(1);
    await expectAccessible(page);
  });
});

test.describe("Berichtsheft-Entwurf ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("eine falsche Stundenzahl wird genannt, nichts Getipptes geht verloren, dann wird gespeichert", async ({
    page,
    baseURL,
  }) => {
    await logInAsJonas(page, baseURL);
    await openThisWeek(page);
    const line = `Schubkästen eingepasst ${Date.now()}`;
    await emptyLine(page, "Betriebliche Tätigkeiten").fill(line);
    await page.getByLabel(/^Stunden am Montag/).fill("acht");
    await page.getByRole("button", { name: "Speichern" }).first().click();
    await expect(page.getByText("Bitte die markierten Felder korrigieren.", { exact: false })).toBeVisible();
    await expect(page.getByText("Bitte Stunden als Zahl von 0 bis 24", { exact: false }).first()).toBeVisible();
    await expect(page.getByLabel(/^Stunden am Montag/)).toHaveValue("acht");
    await expect(lineWithText(page, line)).toHaveCount(1);
    await expectAccessible(page);

    await page.getByLabel(/^Stunden am Montag/).fill("7,5");
    await page.getByRole("button", { name: "Speichern" }).first().click();
    await expect(page.getByText("Gespeichert.", { exact: true })).toBeVisible();
    await expect(page.getByLabel(/^Stunden am Montag/)).toHaveValue("7,5");
    await expect(lineWithText(page, line)).toHaveCount(1);
    await expectAccessible(page);
  });
});
