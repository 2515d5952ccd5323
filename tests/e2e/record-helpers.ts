import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures.ts";

/** Home → "Berichtsheft" → "Diese Woche öffnen", scanning each page on the way. */
export async function openThisWeek(page: Page) {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Berichtsheft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Berichtsheft" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Diese Woche öffnen" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Berichtsheft KW \d+\/\d{4}$/ })).toBeVisible();
}

/** The last (always empty) line of a section of the week form. */
export function emptyLine(page: Page, section: string) {
  return page
    .getByRole("group", { name: section })
    .getByRole("textbox", { name: /^Eintrag \d+$/ })
    .last();
}

/** A line of the week form holding exactly this text. */
export function lineWithText(page: Page, text: string) {
  return page.locator(`input[name="line.text"][value="${text}"]`);
}
