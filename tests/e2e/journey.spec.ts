import { expect, expectAccessible, test } from "./fixtures.ts";
import {
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
const LESSON_OPTION = /Lektion: (.+) \(\d+ Min\.\)/;

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

  await test.step("Die Lehrkraft legt eine Klasse an; die Auszubildende tritt mit ihrem Konto bei", async () => {
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
    await teacherPage.getByRole("button", { name: "Neuen Klassencode erstellen" }).click();
    const { link } = await createdInvitation(teacherPage);

    await apprenticePage.goto(link);
    await expect(apprenticePage.getByText(/BbS Nordaltmark/)).toBeVisible();
    await apprenticePage.getByRole("button", { name: "Einladung annehmen" }).click();
    await expect(apprenticePage.getByRole("heading", { level: 1, name: `Hallo, ${apprentice.name}!` })).toBeVisible();
  });

  await test.step("Der Ausbilder gibt eine Lektion auf, die Auszubildende erledigt sie, die Lehrkraft sieht es", async () => {
    await navigate(trainerPage, "Mein Team");
    await trainerPage.getByRole("link", { name: "Aufgabe vergeben" }).first().click();
    const select = trainerPage.getByLabel("Was ist zu tun?");
    const option = select.locator('option[value^="lesson:"]').first();
    const lessonTitle = LESSON_OPTION.exec((await option.textContent()) ?? "")?.[1] ?? "";
    await select.selectOption((await option.getAttribute("value")) ?? "");
    await trainerPage.getByLabel("Fällig am").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await trainerPage.getByRole("checkbox", { name: new RegExp(apprentice.name) }).check();
    await trainerPage.getByRole("button", { name: "Aufgabe vergeben" }).click();
    await expect(trainerPage.getByText("Aufgabe an 1 Person vergeben.")).toBeVisible();

    await apprenticePage.goto("/");
    const tasks = apprenticePage.getByRole("region", { name: "Meine Aufgaben" });
    await tasks.getByRole("link", { name: lessonTitle, exact: true }).click();
    await apprenticePage.getByRole("button", { name: "Als erledigt markieren" }).click();
    await expect(apprenticePage.getByRole("button", { name: "Als erledigt markieren" })).toBeHidden();

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
});
