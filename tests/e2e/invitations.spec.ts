import { expect, expectAccessible, test } from "./fixtures.ts";

const CODE_PATTERN = /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/;

test.describe("Einladungen", () => {
  test("Ausbilder lädt ein, die neue Azubi legt ein Konto an, der Code gilt danach nicht mehr", async ({
    page,
    login,
  }) => {
    // Unique per run and worker, so reruns against the same database would not collide.
    const unique = `${Date.now()}${test.info().workerIndex}`;
    const name = `Paula Probe ${unique}`;
    const email = `paula.${unique}@example.com`;

    await login("trainer");
    await page.goto("/");
    await page.getByRole("link", { name: "Azubi einladen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Einladungen" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Für wen ist die Einladung?").fill(name);
    await page.getByLabel("Rolle").selectOption({ label: "Auszubildende/r" });
    await page.getByLabel("Gültig für").selectOption({ label: "14 Tage" });
    // With an apprenticeship contract the new apprentice's home shows the company.
    await page.getByLabel("Ausbildungsberuf").selectOption({ label: "Tischler/-in" });
    await page.getByLabel("Beginn der Ausbildung").fill("2026-08-01");
    await page.getByLabel("Geplantes Ende").fill("2029-07-31");
    await page.getByRole("button", { name: "Einladung erstellen" }).click();

    const codeElement = page.getByTestId("invitation-code");
    // Shown in groups of four, e.g. ABCD-EFGH-JKLM-NPQR, to be read out or copied onto paper.
    await expect(codeElement).toHaveText(CODE_PATTERN);
    const code = (await codeElement.textContent())?.trim() ?? "";
    await expect(page.getByRole("link", { name: new RegExp(`/join/${code}$`) })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Einladung für ${name} ist fertig` })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Abmelden" }).click();
    await expect(page).toHaveURL("/login");
    await expectAccessible(page);

    await page.goto(`/join/${code}`);
    await expect(page.getByRole("heading", { level: 1, name: "Einladung annehmen" })).toBeVisible();
    await expect(page.getByText(/Tischlerei Krüger/)).toBeVisible();
    await expectAccessible(page);
    // The page also has the form for an existing account: fill in the new-account one.
    const newAccount = page.getByRole("form", { name: "Neues Konto anlegen" });
    await newAccount.getByLabel("Dein Name").fill(name);
    await newAccount.getByLabel("E-Mail-Adresse").fill(email);
    await newAccount.getByLabel("Passwort", { exact: true }).fill("mein-neues-passwort-2026");
    await newAccount.getByLabel("Passwort wiederholen").fill("mein-neues-passwort-2026");
    await page.getByRole("button", { name: "Konto anlegen" }).click();

    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: `Hallo, ${name}!` })).toBeVisible();
    const training = page.getByRole("region", { name: "Meine Ausbildung" });
    await expect(training.getByText(/Tischlerei Krüger/)).toBeVisible();
    await expect(training.getByText("Tischler/-in")).toBeVisible();
    await expectAccessible(page);

    // One code, one person: the link is spent now.
    const again = await page.goto(`/join/${code}`);
    expect(again?.status()).toBe(404);
    await expect(page.getByRole("alert")).toContainText("gilt nicht (mehr)");
    await expect(page.getByRole("button", { name: "Konto anlegen" })).toHaveCount(0);
  });

  test("Konto anlegen: Fehler stehen auf Deutsch am jeweiligen Feld", async ({ page, login, context }) => {
    await login("trainer");
    await page.goto("/");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Azubi einladen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Einladungen" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Für wen ist die Einladung?").fill(`Formularprobe ${Date.now()}`);
    await page.getByRole("button", { name: "Einladung erstellen" }).click();
    const code = (await page.getByTestId("invitation-code").textContent())?.trim() ?? "";
    expect(code).toMatch(CODE_PATTERN);
    await expectAccessible(page);

    await context.clearCookies();
    await page.goto(`/join/${code}`);
    const newAccount = page.getByRole("form", { name: "Neues Konto anlegen" });
    await newAccount.getByLabel("Dein Name").fill("Kurt Kurz");
    await newAccount.getByLabel("E-Mail-Adresse").fill("keine-adresse");
    await newAccount.getByLabel("Passwort", { exact: true }).fill("kurz");
    await newAccount.getByLabel("Passwort wiederholen").fill("anders");
    await page.getByRole("button", { name: "Konto anlegen" }).click();

    await expect(page.getByText("Das ist keine gültige E-Mail-Adresse.", { exact: false })).toBeVisible();
    await expect(page.getByText("Das Passwort ist zu kurz.", { exact: false })).toBeVisible();
    await expect(newAccount.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
    // What was typed stays, except the passwords.
    await expect(newAccount.getByLabel("Dein Name")).toHaveValue("Kurt Kurz");
    await expect(newAccount.getByLabel("E-Mail-Adresse")).toHaveValue("keine-adresse");
    await expectAccessible(page);
  });

  test("falscher Code auf /join führt zur Fehlermeldung", async ({ page }) => {
    await page.goto("/join");
    await expect(page.getByRole("heading", { level: 1, name: "Einladungscode eingeben" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Einladungscode").fill("zzzz-zzzz-zzzz-zzzz");
    await page.getByRole("button", { name: "Weiter" }).click();

    await expect(page).toHaveURL("/join/ZZZZZZZZZZZZZZZZ");
    await expect(page.getByRole("alert")).toContainText("Dieser Einladungscode gilt nicht (mehr)");
    await expect(page.getByRole("link", { name: "Code noch einmal eingeben" })).toBeVisible();
    await expectAccessible(page);
  });
});
