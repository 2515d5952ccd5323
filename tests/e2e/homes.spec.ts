import { expect, expectAccessible, test } from "./fixtures.ts";

test.describe("Startseite je Rolle", () => {
  test("Azubi: Meine Ausbildung mit Betrieb, Beruf und Berufsschulklasse", async ({ page, login }) => {
    await login("apprentice");
    await page.goto("/");
    const training = page.getByRole("region", { name: "Meine Ausbildung" });
    await expect(training.getByText("Tischlerei Krüger", { exact: false })).toBeVisible();
    await expect(training.getByText("Tischler/-in")).toBeVisible();
    await expect(training.getByText(/Berufsbildende Schule Altmark/)).toBeVisible();
    await expectAccessible(page);
  });

  test("Ausbilder: Mein Team mit den eigenen Azubis und „Azubi einladen“", async ({ page, login }) => {
    await login("trainer");
    await page.goto("/");
    const team = page.getByRole("region", { name: "Mein Team – Tischlerei Krüger" });
    await expect(team.getByText("Lena Schulz")).toBeVisible();
    await expect(team.getByRole("link", { name: "Azubi einladen" })).toHaveAttribute(
      "href",
      /^\/orgs\/[0-9a-f-]{36}\/invitations$/,
    );
    // Apprentices of the other company stay out of this team.
    await expect(team.getByText("Emre Yılmaz")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("Ausbilder Elektro: sieht nur das eigene Team", async ({ page, login }) => {
    await login("trainerElectrical");
    await page.goto("/");
    const team = page.getByRole("region", { name: "Mein Team – Elektro Neumann GmbH" });
    await expect(team.getByText("Emre Yılmaz")).toBeVisible();
    await expect(team.getByText("Lena Schulz")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("Lehrkraft: die Klasse HW 26 hat Azubis aus beiden Betrieben", async ({ page, login }) => {
    await login("teacher");
    await page.goto("/");
    const classes = page.getByRole("region", { name: "Meine Klassen – Berufsbildende Schule Altmark" });
    await expect(classes).toBeVisible();
    const hw26 = classes.locator("details").filter({ hasText: "HW 26 (Holz und Elektro)" });
    // Classes are closed disclosures; open this one the way a user would.
    await hw26.getByText("HW 26 (Holz und Elektro)").click();
    await expect(hw26.getByText("Jonas Becker")).toBeVisible();
    await expect(hw26.getByText("Emre Yılmaz")).toBeVisible();
    await expect(hw26.getByText("Tischlerei Krüger")).toBeVisible();
    await expect(hw26.getByText("Elektro Neumann GmbH")).toBeVisible();
    await expectAccessible(page);
  });

  test("Verwaltung: Mitglieder und Einladungen der Tischlerei, die Personen auf eigener Seite", async ({
    page,
    login,
  }) => {
    await login("admin");
    await page.goto("/");
    const admin = page.getByRole("region", { name: "Verwaltung – Tischlerei Krüger" });
    await expect(admin.getByText(/^Mitglieder \(\d+\)$/)).toBeVisible();
    await expect(admin.getByRole("link", { name: "Einladungen verwalten" })).toBeVisible();
    await expectAccessible(page);
    await admin.getByRole("link", { name: "Personen verwalten" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Personen" })).toBeVisible();
    await expect(page.getByText("Lena Schulz").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("Mein Konto zeigt die eigenen Daten und prüft das aktuelle Passwort", async ({ page, login }) => {
    await login("apprentice");
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Mein Konto" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Meine Daten" }).getByLabel("E-Mail-Adresse")).toHaveValue(
      "azubi@example.com",
    );
    await expectAccessible(page);

    // A wrong current password changes nothing (other tests share this account's password).
    const password = page.getByRole("region", { name: "Passwort ändern" });
    await password.getByLabel("Aktuelles Passwort").fill("nicht-das-richtige");
    await password.getByLabel("Neues Passwort", { exact: true }).fill("ein-ganz-neues-passwort");
    await password.getByLabel("Neues Passwort wiederholen").fill("ein-ganz-neues-passwort");
    await password.getByRole("button", { name: "Passwort ändern" }).click();
    await expect(page.getByText("Das aktuelle Passwort stimmt nicht.")).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Passwort ändern" }).getByLabel("Aktuelles Passwort"),
    ).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });
});

test.describe("Zugriffsschutz und Fehlerseiten", () => {
  test("fremde Einladungsseite: Azubi bekommt 403, Ausbilder eines anderen Betriebs 404", async ({
    page,
    context,
    login,
  }) => {
    await login("trainer");
    await page.goto("/");
    await expectAccessible(page);
    const invitationsPath = await page.getByRole("link", { name: "Azubi einladen" }).getAttribute("href");
    expect(invitationsPath).toMatch(/^\/orgs\/[0-9a-f-]{36}\/invitations$/);
    const path = invitationsPath ?? "";

    // A member without the permission is told so ...
    await context.clearCookies();
    await login("apprentice");
    const forbidden = await page.goto(path);
    expect(forbidden?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Kein Zugriff" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Einladung erstellen" })).toHaveCount(0);
    await expectAccessible(page);

    // ... while for outsiders the organisation does not even exist.
    await context.clearCookies();
    await login("trainerElectrical");
    const notFound = await page.goto(path);
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
    await expectAccessible(page);
  });

  test("unbekannte Adresse zeigt die 404-Seite", async ({ page }) => {
    const response = await page.goto("/gibt-es-nicht");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Zur Startseite" })).toBeVisible();
    await expectAccessible(page);
  });
});
