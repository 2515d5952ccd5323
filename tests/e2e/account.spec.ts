import { expect, expectAccessible, openAs, test } from "./fixtures.ts";

// A person of their own (invited here), so that renaming them disturbs no other spec.
test.use({ viewport: { width: 360, height: 740 } });

test("Mein Konto auf dem Handy: Name ändern, Fehler behalten das Getippte, andere Geräte abmelden", async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  const unique = `${Date.now()}${test.info().workerIndex}`;
  const person = {
    name: `Konto Probe ${unique}`,
    email: `konto.${unique}@example.com`,
    password: "ein-gutes-passwort-26",
  };
  await login("trainer");
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Azubi einladen" }).click();
  await page.getByLabel("Für wen ist die Einladung?").fill(person.name);
  await page.getByRole("button", { name: "Einladung erstellen" }).click();
  const code = ((await page.getByTestId("invitation-code").textContent()) ?? "").trim();
  await expectAccessible(page);
  await page.context().clearCookies();

  await page.goto(`/join/${code}`);
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Neues Konto anlegen" });
  await form.getByLabel("Dein Name").fill(person.name);
  await form.getByLabel("E-Mail-Adresse").fill(person.email);
  await form.getByLabel("Passwort", { exact: true }).fill(person.password);
  await form.getByLabel("Passwort wiederholen").fill(person.password);
  await form.getByRole("button", { name: "Konto anlegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Hallo, ${person.name}!` })).toBeVisible();
  await expectAccessible(page);

  // A second device with the same account.
  const phone = await openAs(browser, baseURL, person.email, person.password);

  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Mein Konto" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mein Konto" })).toBeVisible();
  const profile = page.getByRole("region", { name: "Meine Daten" });
  await profile.getByLabel("Name").fill(`${person.name} Neu`);
  await profile.getByLabel("Aktuelles Passwort").fill("falsch-falsch-falsch");
  await profile.getByRole("button", { name: "Daten speichern" }).click();
  await expect(profile.getByText("Das aktuelle Passwort stimmt nicht.")).toBeVisible();
  await expect(profile.getByLabel("Name")).toHaveValue(`${person.name} Neu`);
  await expectAccessible(page);
  await profile.getByLabel("Aktuelles Passwort").fill(person.password);
  await profile.getByRole("button", { name: "Daten speichern" }).click();
  await expect(page.getByText("Deine Daten sind gespeichert.")).toBeVisible();
  await expect(profile.getByLabel("Name")).toHaveValue(`${person.name} Neu`);

  const devices = page.getByRole("region", { name: "Angemeldete Geräte" });
  await expect(devices.getByText("dieses Gerät")).toBeVisible();
  await expect(devices.getByRole("button", { name: /angemeldet seit .* abmelden$/ })).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
  await devices.getByRole("button", { name: "Alle anderen abmelden" }).click();
  await expect(page.getByText("Alle anderen Geräte sind abgemeldet.")).toBeVisible();
  await expectAccessible(page);

  await phone.goto("/");
  await expect(phone).toHaveURL(/\/login/);
  await phone.context().close();
});
