import { expect, expectAccessible, test } from "./fixtures.ts";
import {
  assignLesson,
  CODE_PATTERN,
  completeLesson,
  createdInvitation,
  createOrganization,
  firstInvitation,
  joinWithNewAccount,
  navigate,
  newDevice,
  operatorLinkFromCli,
  type Person,
  signIn,
} from "./journey-helpers.ts";
import { journeyURL } from "./journey-url.ts";

// From an empty database to a working company and school class, as the people would do it: the
// server behind journeyURL started with no demo, after the operator command line (see
// start-empty-server.mjs). One test, because each step needs what the one before made.
// A step that waits for something that never comes fails in a minute, not at the test limit.
test.use({ baseURL: journeyURL, actionTimeout: 60_000 });

const trainer: Person = {
  name: "Jan Fuchs",
  email: "jan.fuchs@tischlerei-fuchs.example",
  password: "hobelbank-und-leim-26",
};
const teacher: Person = {
  name: "Ute Lehmann",
  email: "u.lehmann@bbs-nordaltmark.example",
  password: "kreide-tafel-pause-26",
};
const apprentice: Person = { name: "Mila Sommer", email: "mila.sommer@example.org", password: "zapfen-und-schlitz-26" };
const newTrainer: Person = {
  name: "Karl Arendt",
  email: "karl@holzbau-arendsee.example",
  password: "dachstuhl-aus-fichte-26",
};

test("Vom leeren Server zur Klasse: Betrieb und Schule einrichten, lernen, Passwort zurücksetzen, Betrieb wechseln", async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  const links: Record<string, string> = {};

  await test.step("Die Betreiberin setzt ihr Passwort mit dem Link von der Kommandozeile", async () => {
    await page.goto(operatorLinkFromCli());
    await expect(page.getByRole("heading", { level: 1, name: /Neues Passwort/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Neues Passwort", { exact: true }).fill("altmark-werkbank-buero-26");
    await page.getByLabel("Neues Passwort wiederholen").fill("altmark-werkbank-buero-26");
    await page.getByRole("button", { name: "Passwort speichern und anmelden" }).click();
    await expect(page).toHaveURL(`${journeyURL}/`);
    await expectAccessible(page);
    await navigate(page, "Organisationen");
    await expect(page.getByRole("heading", { level: 1, name: "Plattformbetrieb: Organisationen" })).toBeVisible();
    await expect(page.getByText("Noch keine Organisation.")).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("Sie legt zwei Betriebe und eine Schule an, mit je der ersten Einladung", async () => {
    await createOrganization(page, {
      kind: "Betrieb",
      name: "Tischlerei Fuchs",
      town: "Osterburg",
      occupation: "Tischler/-in",
    });
    links.trainer = await firstInvitation(page, trainer.name, "Ausbilder/in");
    await createOrganization(page, {
      kind: "Berufsschule",
      name: "BbS Nordaltmark",
      town: "Salzwedel",
      occupation: "Tischler/-in",
    });
    links.teacher = await firstInvitation(page, teacher.name, "Lehrkraft");
    await createOrganization(page, {
      kind: "Betrieb",
      name: "Holzbau Arendsee",
      town: "Arendsee",
      occupation: "Tischler/-in",
    });
    links.newTrainer = await firstInvitation(page, newTrainer.name, "Ausbilder/in");
  });

  const trainerPage = await newDevice(browser);
  const apprenticePage = await newDevice(browser);
  const teacherPage = await newDevice(browser);

  await test.step("Der Ausbilder kommt hinein und lädt seine Auszubildende ein, die ein Konto anlegt", async () => {
    await joinWithNewAccount(trainerPage, links.trainer ?? "", trainer);
    await navigate(trainerPage, "Einladungen");
    await trainerPage.getByLabel("Für wen ist die Einladung?").fill(apprentice.name);
    await trainerPage.getByLabel("Rolle").selectOption({ label: "Auszubildende/r" });
    await trainerPage.getByLabel("Ausbildungsberuf").selectOption({ label: "Tischler/-in" });
    await trainerPage.getByLabel("Beginn der Ausbildung").fill("2026-08-01");
    await trainerPage.getByLabel("Geplantes Ende").fill("2029-07-31");
    await trainerPage.getByRole("button", { name: "Einladung erstellen" }).click();
    const { link } = await createdInvitation(trainerPage);
    await joinWithNewAccount(apprenticePage, link, apprentice);
    const training = apprenticePage.getByRole("region", { name: "Meine Ausbildung" });
    await expect(training.getByText(/Tischlerei Fuchs/)).toBeVisible();
  });

  await test.step("Die Lehrkraft legt eine Klasse an und importiert die Klassenliste; die Auszubildende tritt mit ihrem Code bei", async () => {
    await joinWithNewAccount(teacherPage, links.teacher ?? "", teacher);
    await navigate(teacherPage, "Meine Klassen");
    await teacherPage.getByRole("link", { name: "Klassen verwalten" }).click();
    const form = teacherPage.getByRole("region", { name: "Neue Klasse" });
    await form.getByLabel("Name der Klasse").fill("TI26a");
    await form.getByLabel("Ausbildungsberuf").selectOption({ label: "Tischler/-in" });
    await form.getByLabel("Ausbildungsjahr").selectOption("1");
    await form.getByLabel("Schuljahr").fill("2026/27");
    await form.getByRole("button", { name: "Klasse anlegen" }).click();
    await expect(teacherPage.getByRole("heading", { level: 1, name: "Klasse TI26a" })).toBeVisible();
    await expectAccessible(teacherPage);
    // The class list as German Excel saves it: UTF-8 with BOM, semicolons, CRLF.
    await teacherPage.getByRole("link", { name: "Klassenliste importieren" }).click();
    await teacherPage.getByLabel("CSV-Datei").setInputFiles({
      name: "TI26a.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        `\uFEFFNachname;Vorname;E-Mail\r\nSommer;Mila;${apprentice.email}\r\nYılmaz;Deniz;\r\nWeiß;Jonas;jonas.weiss@example.org\r\n`,
      ),
    });
    await teacherPage.getByRole("button", { name: "Prüfen und importieren" }).click();
    await expect(teacherPage.getByRole("heading", { name: "Einladungen für TI26a" })).toBeVisible();
    await expect(teacherPage.locator(".student-card")).toHaveCount(3);
    await expectAccessible(teacherPage);
    const card = teacherPage.locator(".student-card").filter({ hasText: "Sommer, Mila" });
    const code = ((await card.locator(".invitation-code").textContent()) ?? "").trim();
    expect(code).toMatch(CODE_PATTERN);

    // Mila already has an account (her company's): signed in, she takes her code with it.
    await apprenticePage.goto(`/join/${code}`);
    await expect(apprenticePage.getByText(/BbS Nordaltmark/)).toBeVisible();
    await apprenticePage.getByRole("button", { name: "Einladung annehmen" }).click();
    await expect(apprenticePage.getByRole("heading", { level: 1, name: `Hallo, ${apprentice.name}!` })).toBeVisible();
  });

  await test.step("Der Ausbilder gibt eine Lektion auf, die Auszubildende erledigt sie, die Lehrkraft sieht es", async () => {
    const lesson = await assignLesson(trainerPage, apprentice.name, 0);
    await completeLesson(apprenticePage, lesson);

    await navigate(teacherPage, "Meine Klassen");
    const row = teacherPage.getByRole("rowheader", { name: new RegExp(apprentice.name) });
    await expect(row).toBeVisible();
    await expectAccessible(teacherPage);
  });

  await test.step("Der Ausbilder erstellt einen Passwort-Code; die Auszubildende meldet sich mit dem neuen Passwort an", async () => {
    await navigate(trainerPage, "Personen");
    await trainerPage.getByRole("button", { name: `Passwort-Code für ${apprentice.name} erstellen` }).click();
    const code = (await trainerPage.getByTestId("reset-code").textContent())?.trim() ?? "";
    await expectAccessible(trainerPage);
    const forgetful = await newDevice(browser);
    await forgetful.goto(`/reset/${code}`);
    await forgetful.getByLabel("Neues Passwort", { exact: true }).fill("neues-passwort-fuer-mila");
    await forgetful.getByLabel("Neues Passwort wiederholen").fill("neues-passwort-fuer-mila");
    await forgetful.getByRole("button", { name: "Passwort speichern und anmelden" }).click();
    await expect(forgetful.getByRole("heading", { level: 1, name: `Hallo, ${apprentice.name}!` })).toBeVisible();
    // Every earlier session ended with the reset: her old device has to sign in again.
    await apprenticePage.goto("/");
    await expect(apprenticePage).toHaveURL(/\/login/);
    apprentice.password = "neues-passwort-fuer-mila";
    await signIn(apprenticePage, apprentice);
    await forgetful.context().close();
  });

  await test.step("Betriebswechsel: der alte Betrieb beendet die Ausbildung, der neue lädt ein; der alte Ausbilder sieht nichts Neues", async () => {
    await navigate(trainerPage, "Mein Team");
    await trainerPage.getByRole("link", { name: apprentice.name }).first().click();
    await trainerPage.waitForURL(/\/apprentices\//);
    await expect(trainerPage.getByRole("heading", { level: 1, name: apprentice.name })).toBeVisible();
    await expectAccessible(trainerPage);
    const oldOverview = new URL(trainerPage.url()).pathname;

    await navigate(trainerPage, "Personen");
    await trainerPage.getByText("Ausbildung hier beenden (Betriebswechsel oder Abbruch)").click();
    await expectAccessible(trainerPage);
    await trainerPage.getByRole("button", { name: `Ausbildung von ${apprentice.name} beenden und abmelden` }).click();
    await expect(trainerPage.getByText("Die Ausbildung ist beendet")).toBeVisible();

    const newTrainerPage = await newDevice(browser);
    await joinWithNewAccount(newTrainerPage, links.newTrainer ?? "", newTrainer);
    await navigate(newTrainerPage, "Einladungen");
    await newTrainerPage.getByLabel("Für wen ist die Einladung?").fill(apprentice.name);
    await newTrainerPage.getByLabel("Rolle").selectOption({ label: "Auszubildende/r" });
    await newTrainerPage.getByLabel("Ausbildungsberuf").selectOption({ label: "Tischler/-in" });
    await newTrainerPage.getByLabel("Beginn der Ausbildung").fill(new Date().toISOString().slice(0, 10));
    await newTrainerPage.getByLabel("Geplantes Ende").fill("2029-07-31");
    await newTrainerPage.getByRole("button", { name: "Einladung erstellen" }).click();
    const { link } = await createdInvitation(newTrainerPage);
    await apprenticePage.goto(link);
    await apprenticePage.getByRole("button", { name: "Einladung annehmen" }).click();
    const training = apprenticePage.getByRole("region", { name: "Meine Ausbildung" });
    await expect(training.getByText(/Holzbau Arendsee/)).toBeVisible();
    await expectAccessible(apprenticePage);

    const newLesson = await assignLesson(newTrainerPage, apprentice.name, 1);
    await completeLesson(apprenticePage, newLesson);

    // The old trainer: Mila is off the team, her page is gone for him, and nothing new shows.
    await navigate(trainerPage, "Mein Team");
    await expect(trainerPage.getByRole("heading", { level: 1, name: /Mein Team/ })).toBeVisible();
    await expect(trainerPage.getByText(apprentice.name)).toHaveCount(0);
    await expect(trainerPage.getByText(newLesson)).toHaveCount(0);
    const gone = await trainerPage.goto(oldOverview);
    expect(gone?.status()).toBe(404);
    // The new trainer sees her and the new work.
    await navigate(newTrainerPage, "Mein Team");
    await expect(newTrainerPage.getByRole("link", { name: apprentice.name }).first()).toBeVisible();
    await expectAccessible(newTrainerPage);
  });
});
