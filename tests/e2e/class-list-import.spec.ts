import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./fixtures.ts";

const CODE_PATTERN = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/;

test.describe("Klassenliste importieren", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("Lehrkraft fügt eine Liste mit Fehler ein, importiert die gültigen Zeilen und lädt das PDF", async ({
    page,
    login,
  }) => {
    const unique = `${Date.now()}${test.info().workerIndex}`;
    await login("teacher");
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Meine Klassen" }).first().click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Klassen verwalten" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "TI 25" }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Klassenliste importieren" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Klassenliste für TI 25" })).toBeVisible();
    await expectAccessible(page);

    const list = `Nachname;Vorname;E-Mail\nYılmaz${unique};Ayşe;\nKaya;;\nWeiß${unique};Łukasz;lukasz.${unique}@example.com\n`;
    await page.getByLabel("Oder die Liste hier einfügen").fill(list);
    await page.getByRole("button", { name: "Prüfen und importieren" }).click();
    await expect(page.getByText("Zeile 3: Der Vorname fehlt.")).toBeVisible();
    await expect(page.getByLabel("Oder die Liste hier einfügen")).toHaveValue(list);
    await expectAccessible(page);
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noScroll, "no sideways scrolling at 360 px").toBe(true);

    await page.getByRole("button", { name: "Nur die gültigen Zeilen importieren (2)" }).click();
    await expect(page.getByRole("heading", { name: "Einladungen für TI 25" })).toBeVisible();
    const cards = page.locator(".student-card");
    await expect(cards).toHaveCount(2);
    await expect(cards.first()).toContainText(`Yılmaz${unique}, Ayşe`);
    await expect(cards.first().locator(".invitation-code")).toHaveText(CODE_PATTERN);
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Als PDF herunterladen" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("Zugangscodes TI 25.pdf");
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
