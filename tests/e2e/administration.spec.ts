import { expect, expectAccessible, test } from "./fixtures.ts";
import type { Page } from "@playwright/test";

/** A 360 px phone: nothing may scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(width, `page ${page.url()} is wider than the phone`).toBeLessThanOrEqual(360);
}

/** The teacher's way to "Klassen verwalten": home, "Meine Klassen", the button; each page scanned. */
async function openClassManagement(page: Page) {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Meine Klassen" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Klassen verwalten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klassen verwalten" })).toBeVisible();
  await expectAccessible(page);
}

test.describe("Verwaltung", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("Admin sieht Personen und Änderungsprotokoll auf dem Handy", async ({ page, login }) => {
    await login("admin");
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Personen verwalten" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Personen" })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await page.getByRole("link", { name: "Änderungsprotokoll" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Änderungsprotokoll" })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
  });

  test("Lehrkraft legt eine Klasse an", async ({ page, login }) => {
    const name = `E2E ${Date.now()}${test.info().workerIndex}`;
    await login("teacher");
    await openClassManagement(page);
    await expectNoSidewaysScroll(page);

    await page.getByLabel("Name der Klasse").fill(name);
    await page.getByLabel("Schuljahr").fill("2026");
    await page.getByRole("button", { name: "Klasse anlegen" }).click();
    // A wrong school year: a German error, and the name typed stays.
    await expect(page.getByText("Bitte schreib das Schuljahr so: 2026/27.")).toBeVisible();
    await expect(page.getByLabel("Name der Klasse")).toHaveValue(name);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.getByLabel("Schuljahr").fill("2026/27");
    await page.getByRole("button", { name: "Klasse anlegen" }).click();
    await expect(page).toHaveURL(/\/classes\/manage\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    const renamed = `${name} neu`;
    await page.getByLabel("Name der Klasse").fill(renamed);
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(renamed);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Neuen Klassencode erstellen" }).click();
    await expect(page.getByText(/Ein Klassencode gilt noch bis/)).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await page.getByRole("button", { name: `Klasse ${renamed} archivieren` }).click();
    await expect(page.getByText("archiviert", { exact: false }).first()).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("Verwaltung ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Lehrkraft legt ohne JavaScript eine Klasse an", async ({ page, login }) => {
    const name = `E2E ohne JS ${Date.now()}${test.info().workerIndex}`;
    await login("teacher");
    await openClassManagement(page);
    await page.getByLabel("Name der Klasse").fill(name);
    await page.getByLabel("Schuljahr").fill("2026/27");
    await page.getByRole("button", { name: "Klasse anlegen" }).click();
    await expect(page).toHaveURL(/\/classes\/manage\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await expectAccessible(page);
  });
});
