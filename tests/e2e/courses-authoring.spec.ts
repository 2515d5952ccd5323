import type { Page } from "@playwright/test";
import { demoAccounts, expect, expectAccessible, openAs, test } from "./fixtures.ts";

/** Unique per run and worker, so titles never collide with another test's course. */
function unique(): string {
  return `${Date.now()}${test.info().workerIndex}`;
}

/** "Kurse bearbeiten" → new course → first module → first lesson: ends in the lesson editor. */
async function createCourseWithLesson(page: Page, titles: { course: string; module: string; lesson: string }) {
  await page.goto("/");
  await expectAccessible(page);
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Kurse bearbeiten" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Kurse bearbeiten" })).toBeVisible();
  await expect(page.getByText("Eigene Kurse von Tischlerei Krüger.", { exact: false })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Titel des Kurses").fill(titles.course);
  await page.getByRole("button", { name: "Kurs anlegen" }).click();
  await expect(page).toHaveURL(/\/edit\/courses\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: titles.course })).toBeVisible();
  await expect(page.getByText("Noch keine Module. Leg das erste Modul an.")).toBeVisible();
  const coursePath = new URL(page.url()).pathname;
  await expectAccessible(page);

  await page.getByLabel("Titel des Moduls").fill(titles.module);
  await page.getByRole("button", { name: "Modul hinzufügen" }).click();
  await expect(page.getByText(titles.module, { exact: true })).toBeVisible();
  await expect(page.getByText("Noch keine Module.", { exact: false })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Titel der Lektion").fill(titles.lesson);
  await page.getByLabel("Lesezeit in Minuten").fill("6");
  await page.getByRole("button", { name: "Lektion hinzufügen" }).click();
  await expect(page).toHaveURL(/\/edit\/lessons\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Lektion bearbeiten" })).toBeVisible();
  await expect(page.getByText(`${titles.course} › ${titles.module}`)).toBeVisible();
  await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(titles.lesson);
  await expect(page.getByLabel("Lesezeit in Minuten")).toHaveValue("6");
  await expect(page.getByText("Noch nie veröffentlicht.")).toBeVisible();
  return { coursePath, lessonId: new URL(page.url()).pathname.split("/").at(-1) ?? "" };
}

test.describe("Kurse erstellen", () => {
  test("Ausbilder schreibt und veröffentlicht eine Lektion; nur die Azubis des eigenen Betriebs lesen sie", async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    // Three people and a dozen pages, each scanned with axe: more than the default 30 s on a busy machine.
    test.slow();
    const id = unique();
    const titles = { course: `Die Hobelbank ${id}`, module: "Pflege und Wartung", lesson: "Hobelbank ölen" };
    await login("trainer");
    const { coursePath, lessonId } = await createCourseWithLesson(page, titles);
    const lessonPath = `/lessons/${lessonId}`;

    // The rich-text editor replaces the Markdown field once the page's scripts run.
    const toolbar = page.getByRole("toolbar", { name: "Textwerkzeuge" });
    await expect(toolbar).toBeVisible();
    const editor = page.getByRole("textbox", { name: "Text der Lektion" });
    await expect(editor).toHaveAttribute("contenteditable", "true");

    await editor.click();
    await toolbar.getByRole("button", { name: "Überschrift", exact: true }).click();
    await expect(toolbar.getByRole("button", { name: "Überschrift", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.keyboard.type("Warum ölen?");
    await page.keyboard.press("Enter");
    await expect(toolbar.getByRole("button", { name: "Überschrift", exact: true })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await page.keyboard.type("Öl schützt die Platte vor Leim und Feuchtigkeit.");
    await page.keyboard.press("Enter");
    await toolbar.getByRole("button", { name: "Sicherheitshinweis" }).click();
    await expect(toolbar.getByRole("button", { name: "Sicherheitshinweis" })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.type("Ölige Lappen können sich selbst entzünden. Ausgebreitet trocknen lassen.");

    await expect(editor.getByRole("heading", { level: 2, name: "Warum ölen?" })).toBeVisible();
    await expect(editor.locator("blockquote")).toHaveText(
      "Ölige Lappen können sich selbst entzünden. Ausgebreitet trocknen lassen.",
    );
    await expectAccessible(page);

    // A refused save (minutes = 0, past the browser's own min="1" check) keeps what was written.
    const minutes = page.getByLabel("Lesezeit in Minuten");
    await minutes.fill("0");
    await minutes.evaluate((input) => input.removeAttribute("min"));
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(page.getByText("Bitte gib die Lesezeit als ganze Minuten zwischen 1 und 120 ein.")).toBeVisible();
    await expect(minutes).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Noch nie veröffentlicht.")).toBeVisible();
    await expect(editor.getByRole("heading", { level: 2, name: "Warum ölen?" })).toBeVisible();
    await expect(editor.locator("blockquote")).toContainText("Ölige Lappen");
    await expectAccessible(page);
    await minutes.fill("6");

    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(page.getByRole("status")).toHaveText("Veröffentlicht. Lernende sehen jetzt diese Fassung.");
    await expect(page.getByText("Veröffentlicht (Fassung 1), keine offenen Änderungen.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ansehen wie Lernende" })).toHaveAttribute("href", lessonPath);
    await expectAccessible(page);

    // The lesson is published, but the course is still a draft: the company's apprentices do not see it yet.
    const lena = await openAs(browser, baseURL, demoAccounts.apprentice);
    const hidden = await lena.goto(lessonPath);
    expect(hidden?.status()).toBe(404);
    await expect(lena.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();

    await page.getByRole("link", { name: "Zurück zum Kurs" }).click();
    await expect(page).toHaveURL(coursePath);
    await expect(page.getByRole("link", { name: `${titles.lesson} bearbeiten` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: titles.course })).toBeVisible();
    await expect(page.locator(".page-header .lead")).toHaveText("Entwurf");
    await expectAccessible(page);

    await page.getByLabel("Status").selectOption({ label: "Veröffentlicht" });
    await page.getByRole("button", { name: "Angaben speichern" }).click();
    await expect(page.getByRole("status")).toHaveText("Gespeichert.");
    await expect(page.locator(".page-header .lead")).toHaveText("Veröffentlicht");
    await expect(page.getByLabel("Status")).toHaveValue("published");
    await expectAccessible(page);

    // Lena (Tischlerei Krüger) finds the course in the catalogue and reads the lesson.
    await lena.goto("/courses");
    await expectAccessible(lena);
    await lena.getByRole("link", { name: titles.course, exact: true }).click();
    await expect(lena.getByRole("heading", { level: 1, name: titles.course })).toBeVisible();
    await expect(lena.getByText("0 von 1 Lektionen erledigt", { exact: false })).toBeVisible();
    await expect(lena.getByText("Dieser Kurs ist noch nicht veröffentlicht.", { exact: false })).toHaveCount(0);
    await expectAccessible(lena);
    await lena.getByRole("link", { name: titles.lesson, exact: true }).click();
    await expect(lena).toHaveURL(lessonPath);
    await expect(lena.getByRole("heading", { level: 1, name: titles.lesson })).toBeVisible();
    await expect(lena.getByRole("heading", { level: 2, name: "Warum ölen?" })).toBeVisible();
    await expect(lena.getByText("Öl schützt die Platte vor Leim und Feuchtigkeit.")).toBeVisible();
    await expect(lena.locator(".lesson-body blockquote")).toHaveText(
      "Ölige Lappen können sich selbst entzünden. Ausgebreitet trocknen lassen.",
    );
    await expect(lena.getByRole("button", { name: "Als erledigt markieren" })).toBeVisible();
    await expectAccessible(lena);
    await lena.context().close();

    // Emre (Elektro Neumann) is signed in too, but for him the course does not exist.
    const emre = await openAs(browser, baseURL, demoAccounts.apprenticeElectrical);
    const notFound = await emre.goto(lessonPath);
    expect(notFound?.status()).toBe(404);
    await expect(emre.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
    await expect(emre.getByText("Warum ölen?")).toHaveCount(0);
    await expectAccessible(emre);
    expect((await emre.goto(coursePath.replace("/edit", "")))?.status()).toBe(404);
    await emre.goto("/courses");
    // His catalogue works (library courses for all trades are there), just without this course.
    await expect(emre.getByRole("link", { name: "Digitale Werkzeuge im Handwerksbetrieb", exact: true })).toBeVisible();
    await expect(emre.getByRole("link", { name: titles.course })).toHaveCount(0);
    await expectAccessible(emre);
    await emre.context().close();
  });

  test("„Als Vorlage übernehmen“ legt einen Entwurf im eigenen Betrieb an und öffnet ihn", async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    const title = "Aufmaß und Materialberechnung";
    await login("trainer");
    await page.goto("/courses");
    await expectAccessible(page);
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const libraryPath = new URL(page.url()).pathname;
    // The library itself is read-only: no edit button, only the copy.
    await expect(page.getByRole("link", { name: "Kurs bearbeiten" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: "Als Vorlage übernehmen" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Als Vorlage übernehmen" }).click();
    await expect(page).toHaveURL(/\/edit\/courses\/[0-9a-f-]{36}$/);
    const copyPath = new URL(page.url()).pathname;
    const copyId = copyPath.split("/").at(-1) ?? "";
    expect(copyPath).not.toBe(libraryPath.replace("/courses", "/edit/courses"));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.locator(".page-header .lead")).toHaveText("Entwurf");
    await expect(page.getByLabel("Status")).toHaveValue("draft");
    // Modules and lessons came along.
    await expect(page.getByText("Einheiten umrechnen und sinnvoll runden", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Längen umrechnen bearbeiten" })).toBeVisible();
    await expectAccessible(page);

    // It is listed among the company's own courses, as a draft taken from the library.
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Kurse bearbeiten" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Kurse bearbeiten" })).toBeVisible();
    const row = page.getByRole("listitem").filter({ has: page.locator(`a[href="${copyPath}"]`) });
    await expect(row.getByRole("link", { name: title, exact: true })).toBeVisible();
    await expect(row).toContainText("Entwurf");
    await expect(row).toContainText("Vorlage aus der Bibliothek");
    await expectAccessible(page);

    // A draft: the company's apprentices do not see the copy, only the original.
    const lena = await openAs(browser, baseURL, demoAccounts.apprentice);
    expect((await lena.goto(`/courses/${copyId}`))?.status()).toBe(404);
    await expectAccessible(lena);
    await lena.goto("/courses");
    await expect(lena.getByRole("link", { name: title, exact: true })).toHaveCount(1);
    await expect(lena.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", libraryPath);
    await expectAccessible(lena);
    await lena.context().close();
  });

  test("ungespeicherter Text: Neu laden fragt erst nach, nach dem Speichern nicht mehr", async ({ page, login }) => {
    await login("trainer");
    const id = unique();
    await createCourseWithLesson(page, { course: `Entwurfsschutz ${id}`, module: "Modul", lesson: "Lektion" });
    const editor = page.getByRole("textbox", { name: "Text der Lektion" });
    await editor.click();
    await page.keyboard.type("Noch nicht gespeichert.");

    const asked = new Promise<string>((resolve) => {
      page.once("dialog", async (dialog) => {
        resolve(dialog.type());
        await dialog.dismiss(); // stay on the page
      });
    });
    await page.reload({ timeout: 2_000 }).catch(() => undefined); // dismissing cancels the reload
    expect(await asked).toBe("beforeunload");
    await expect(editor).toContainText("Noch nicht gespeichert.");

    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Entwurf gespeichert. Lernende sehen noch die veröffentlichte Fassung.",
    );
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs++;
      await dialog.accept();
    });
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Text der Lektion" })).toContainText("Noch nicht gespeichert.");
    expect(dialogs).toBe(0);
  });
});

test.describe("Kurse erstellen ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("der Lektionseditor ist ein Markdown-Feld: Entwurf speichern und Fehler auf Deutsch", async ({
    page,
    login,
  }) => {
    // Without scripts every axe scan loads the page again in a second browser context.
    test.slow();
    const id = unique();
    const titles = { course: `Schleifen ohne Skript ${id}`, module: "Grundlagen", lesson: "Körnungen" };
    await login("trainer");
    const { lessonId } = await createCourseWithLesson(page, titles);

    const body = page.getByRole("textbox", { name: "Text der Lektion" });
    await expect(body).toHaveJSProperty("tagName", "TEXTAREA");
    await expect(
      page.getByText("Ohne JavaScript bearbeitest du den Text als Markdown", { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole("toolbar", { name: "Textwerkzeuge" })).toHaveCount(0);
    await expectAccessible(page);

    await body.fill("## Titel\n\nText");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Entwurf gespeichert. Lernende sehen noch die veröffentlichte Fassung.",
    );
    // Post/redirect/get: the page after saving is a plain GET, so a reload sends nothing again.
    await expect(page).toHaveURL(`/edit/lessons/${lessonId}?saved=draft`);
    // Saved, not published.
    await expect(page.getByText("Noch nie veröffentlicht.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ansehen wie Lernende" })).toHaveCount(0);
    await expectAccessible(page);
    // Opened afresh, the saved Markdown is there.
    await page.goto(`/edit/lessons/${lessonId}`);
    await expect(page.getByRole("textbox", { name: "Text der Lektion" })).toHaveValue(/^## Titel\n\nText\n?$/);
    await expect(page.getByRole("status")).toHaveCount(0);

    // Minutes = 0: the browser itself refuses the form (min="1") and nothing is sent ...
    const titleField = page.getByLabel("Titel", { exact: true });
    const minutes = page.getByLabel("Lesezeit in Minuten");
    await titleField.fill("Körnungen und Schleifpapier");
    await minutes.fill("0");
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    expect(await minutes.evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
    await expect(page.getByRole("status")).toHaveCount(0);
    expect(posts).toEqual([]);

    // ... and where a browser does not check (here: the attribute removed), the server refuses it in German.
    await minutes.evaluate((input) => input.removeAttribute("min"));
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect(page.getByText("Bitte gib die Lesezeit als ganze Minuten zwischen 1 und 120 ein.")).toBeVisible();
    await expect(minutes).toHaveAttribute("aria-invalid", "true");
    await expect(minutes).toHaveValue("0");
    await expect(titleField).toHaveValue("Körnungen und Schleifpapier");
    await expect(page.getByRole("status")).toHaveCount(0);
    // The Markdown typed before is still there, too.
    await expect(page.getByRole("textbox", { name: "Text der Lektion" })).toHaveValue(/^## Titel\n\nText\n?$/);
    // (axe scans a GET of this page, where the error is gone; the error state is scanned in the test above.)

    // Markdown the reader cannot show (a # heading is the lesson's own title) is refused at the text field.
    await minutes.fill("8");
    await page.getByRole("textbox", { name: "Text der Lektion" }).fill("# Großer Titel\n\nText");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect(page.getByText("Der Text konnte nicht gelesen werden.", { exact: false })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Text der Lektion" })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("textbox", { name: "Text der Lektion" })).toHaveValue("# Großer Titel\n\nText");
    await expect(titleField).toHaveValue("Körnungen und Schleifpapier");

    // Nothing of the refused tries was stored.
    await page.goto(`/edit/lessons/${lessonId}`);
    await expect(page.getByLabel("Titel", { exact: true })).toHaveValue(titles.lesson);
    await expect(page.getByRole("textbox", { name: "Text der Lektion" })).toHaveValue(/^## Titel\n\nText\n?$/);
    await expectAccessible(page);
  });
});
