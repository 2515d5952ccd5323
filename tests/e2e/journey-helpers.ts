import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures.ts";
import { journeyURL } from "./journey-url.ts";

export const CODE_PATTERN = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/;

/** The one-time link the operator command line printed before the journey's server started. */
export function operatorLinkFromCli(): string {
  const printed = readFileSync("tests/.tmp/journey/operator-cli.txt", "utf8");
  const link = new RegExp(`${journeyURL}/reset/[A-Z2-7-]+`).exec(printed)?.[0];
  if (!link) throw new Error(`the operator command printed no link:\n${printed}`);
  return link;
}

/** Another person at another device, on the journey's server. */
export async function newDevice(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: journeyURL, locale: "de-DE" });
  return context.newPage();
}

/** Reads the code and link of an invitation the page has just created. */
export async function createdInvitation(page: Page): Promise<{ code: string; link: string }> {
  const code = (await page.getByTestId("invitation-code").textContent())?.trim() ?? "";
  expect(code).toMatch(CODE_PATTERN);
  return { code, link: `${journeyURL}/join/${code}` };
}

/** Redeems an invitation with a new account and lands on the home page. */
export async function joinWithNewAccount(page: Page, link: string, person: Person): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Einladung annehmen" })).toBeVisible();
  const form = page.getByRole("form", { name: "Neues Konto anlegen" });
  await form.getByLabel("Dein Name").fill(person.name);
  await form.getByLabel("E-Mail-Adresse").fill(person.email);
  await form.getByLabel("Passwort", { exact: true }).fill(person.password);
  await form.getByLabel("Passwort wiederholen").fill(person.password);
  await form.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Hallo, ${person.name}!` })).toBeVisible();
}

export type Person = { name: string; email: string; password: string };

/** Signs in on the login page (not through the API: the journey is what people do). */
export async function signIn(page: Page, person: Pick<Person, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(person.email);
  await page.getByLabel("Passwort", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(`${journeyURL}/`);
}

/** Opens an entry of the main navigation. */
export async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name }).click();
}

/** On the operator's page of an organisation: a first invitation with a role; returns its link. */
export async function firstInvitation(page: Page, label: string, role: string): Promise<string> {
  const section = page.getByRole("region", { name: "Erste Einladung" });
  await section.getByLabel("Für wen ist die Einladung?").fill(label);
  await section.getByLabel("Rolle").selectOption({ label: role });
  await section.getByRole("button", { name: "Einladung erstellen" }).click();
  await expect(page.getByRole("heading", { name: `Einladung für ${label} ist fertig` })).toBeVisible();
  await expectAccessible(page);
  return (await createdInvitation(page)).link;
}

/** The operator creates an organisation from /operator and lands on its page. */
export async function createOrganization(
  page: Page,
  organization: { kind: string; name: string; town: string; occupation: string },
): Promise<void> {
  await page.goto("/operator");
  const form = page.getByRole("region", { name: "Neue Organisation" });
  await form.getByLabel("Art").selectOption({ label: organization.kind });
  await form.getByLabel("Name", { exact: true }).fill(organization.name);
  await form.getByLabel("Ort").fill(organization.town);
  await form.getByRole("checkbox", { name: organization.occupation }).check();
  await form.getByRole("button", { name: "Organisation anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: organization.name })).toBeVisible();
  await expectAccessible(page);
}

/** A trainer gives one person the n-th lesson of the form's list; returns the lesson's title. */
export async function assignLesson(page: Page, personName: string, nth: number): Promise<string> {
  await navigate(page, "Mein Team");
  await page.getByRole("link", { name: "Aufgabe vergeben" }).first().click();
  const select = page.getByLabel("Was ist zu tun?");
  const option = select.locator('option[value^="lesson:"]').nth(nth);
  const title = /Lektion: (.+) \(\d+ Min\.\)/.exec((await option.textContent()) ?? "")?.[1] ?? "";
  expect(title).not.toBe("");
  await select.selectOption((await option.getAttribute("value")) ?? "");
  await page.getByLabel("Fällig am").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("checkbox", { name: new RegExp(personName) }).check();
  await page.getByRole("button", { name: "Aufgabe vergeben" }).click();
  await expect(page.getByText("Aufgabe an 1 Person vergeben.")).toBeVisible();
  return title;
}

/** The apprentice opens the task from "Meine Aufgaben" and marks the lesson done. */
export async function completeLesson(page: Page, title: string): Promise<void> {
  await page.goto("/");
  await page.getByRole("region", { name: "Meine Aufgaben" }).getByRole("link", { name: title, exact: true }).click();
  await page.getByRole("button", { name: "Als erledigt markieren" }).click();
  await expect(page.getByRole("button", { name: "Als erledigt markieren" })).toBeHidden();
}
