import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { demoAccounts, expect, expectAccessible, openAs, test } from "./fixtures.ts";

// Every test builds its own course and quiz through the trainer's pages (unique titles per run
// and worker), so tests never depend on each other and never touch another spec's data. The
// database is shared with other spec files during a run: counts are compared before and after.

/** Unique per run and worker, so titles never collide with another test's course. */
function unique(): string {
  return `${Date.now()}${test.info().workerIndex}`;
}

/** Three good questions (true/false, weighted multiple choice, essay), one per block. */
const GOOD_GIFT = [
  "::Holzfeuchte:: Frisch geschlagenes Holz ist sofort trocken genug für Möbel. {F}",
  "",
  "::Schutzausrüstung:: Was gehört beim Schleifen zur Schutzausrüstung? {",
  "~%50%Staubmaske",
  "~%50%Schutzbrille",
  "~%-100%Krawatte",
  "}",
  "",
  "::Arbeitsbericht:: Beschreibe in zwei Sätzen, wie du eine Hobelbank pflegst. {}",
].join("\n");
/** The answer block is never closed: Moodle refuses such a question, and so must we. */
const BROKEN_REPORT = "Zeile 11: Geschweifte Klammer fehlt: { ohne }";
const GIFT_WITH_BROKEN = `${GOOD_GIFT}\n\n::Kaputt:: Wie viel? {=eins ~zwei\n`;
const QUESTION_TITLES = ["Holzfeuchte", "Schutzausrüstung", "Arbeitsbericht"];

/** The waiting count from the trainer's home page (0 when the note is not shown). */
async function waitingCount(page: Page): Promise<number> {
  const note = page.getByRole("link", { name: /Freitext-Antwort(en)? (wartet|warten) auf deine Bewertung\.$/ });
  if ((await note.count()) === 0) return 0;
  const text = (await note.textContent()) ?? "";
  return Number(text.match(/^(\d+)/)?.[1] ?? Number.NaN);
}

/** A section of the quiz editor, found by its h2. */
function section(page: Page, heading: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: heading, exact: true }) });
}

/** The titles in the quiz editor's question list, in order. */
const questionTitles = (page: Page) => section(page, "Fragen").locator("ol > li > span > strong");

type Titles = { course: string; module: string; lesson?: string };

/**
 * "Kurse bearbeiten" → new course → module → (a published lesson, if asked; it needs the rich-text
 * editor, so only with JavaScript) → "Quiz anlegen": ends in the new quiz's editor. Returns the
 * course editor's path and the home page's waiting count seen on the way.
 */
async function createCourseWithQuiz(page: Page, titles: Titles) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: /^Hallo/ })).toBeVisible();
  const waitingBefore = await waitingCount(page);
  await expectAccessible(page);
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", { name: "Kurse bearbeiten" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Kurse bearbeiten" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Titel des Kurses").fill(titles.course);
  await page.getByRole("button", { name: "Kurs anlegen" }).click();
  await expect(page).toHaveURL(/\/edit\/courses\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: titles.course })).toBeVisible();
  const coursePath = new URL(page.url()).pathname;
  await expectAccessible(page);

  await page.getByLabel("Titel des Moduls").fill(titles.module);
  await page.getByRole("button", { name: "Modul hinzufügen" }).click();
  await expect(page.getByText(titles.module, { exact: true })).toBeVisible();
  await expectAccessible(page);

  if (titles.lesson) {
    await page.getByLabel("Titel der Lektion").fill(titles.lesson);
    await page.getByLabel("Lesezeit in Minuten").fill("5");
    await page.getByRole("button", { name: "Lektion hinzufügen" }).click();
    await expect(page).toHaveURL(/\/edit\/lessons\/[0-9a-f-]{36}$/);
    const editor = page.getByRole("textbox", { name: "Text der Lektion" });
    await expect(editor).toHaveAttribute("contenteditable", "true");
    await editor.click();
    await page.keyboard.type("Vor dem Quiz: Holz, Schleifen und die Pflege der Hobelbank.");
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect(page.getByRole("status")).toHaveText("Veröffentlicht. Lernende sehen jetzt diese Fassung.");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Zurück zum Kurs" }).click();
    await expect(page).toHaveURL(coursePath);
    await expect(page.getByRole("link", { name: `${titles.lesson} bearbeiten` })).toBeVisible();
    await expectAccessible(page);
  }

  await expect(page.getByRole("link", { name: "Quiz bearbeiten" })).toHaveCount(0);
  await page.getByRole("button", { name: "Quiz anlegen" }).click();
  await expect(page).toHaveURL(/\/edit\/quizzes\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${titles.module}` })).toBeVisible();
  await expect(page.getByText(`${titles.course} › ${titles.module}`)).toBeVisible();
  await expect(page.getByText("Noch keine Fragen. Lade unten eine GIFT-Datei hoch, z. B. aus Moodle.")).toBeVisible();
  const quizId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  return { coursePath, quizId, waitingBefore };
}

/** Pastes GIFT text into the quiz editor and sends it. */
async function importGiftText(page: Page, gift: string) {
  await page.getByLabel("… oder GIFT-Text einfügen").fill(gift);
  await page.getByRole("button", { name: "Fragen übernehmen" }).click();
}

/** Saves the title and questions per page (the rest as it is), and checks the confirmation. */
async function saveSettings(page: Page, settings: { title: string; perPage: string }) {
  await page.getByLabel("Titel", { exact: true }).fill(settings.title);
  await page.getByLabel("Fragen pro Seite").fill(settings.perPage);
  await page.getByRole("button", { name: "Einstellungen speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Einstellungen gespeichert." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: settings.title })).toBeVisible();
}

/** From the quiz editor back to the course editor, where the course is set to "Veröffentlicht". */
async function publishCourse(page: Page, coursePath: string) {
  await page.getByRole("link", { name: "Zum Kurs" }).click();
  await expect(page).toHaveURL(coursePath);
  // The module now links to its quiz instead of offering a second one.
  await expect(page.getByRole("link", { name: "Quiz bearbeiten" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Quiz anlegen" })).toHaveCount(0);
  await page.getByLabel("Status").selectOption({ label: "Veröffentlicht" });
  await page.getByRole("button", { name: "Angaben speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  await expect(page.locator(".page-header .lead")).toHaveText("Veröffentlicht");
  await expectAccessible(page);
}

/**
 * Trainer Thomas: a published course whose module has a published lesson and a quiz with the
 * three good questions (two per page, practice mode, pass at 60 %).
 */
async function publishedQuizFor(page: Page, prefix: string) {
  const id = unique();
  const titles = { course: `${prefix} ${id}`, module: "Oberflächen", lesson: "Schleifen und Ölen" };
  const quizTitle = `Prüfung Oberflächen ${id}`;
  const { coursePath, quizId, waitingBefore } = await createCourseWithQuiz(page, titles);
  await expectAccessible(page);
  await importGiftText(page, GOOD_GIFT);
  await expect(page.getByRole("status").filter({ hasText: "3 Fragen übernommen." })).toBeVisible();
  await expect(questionTitles(page)).toHaveText(QUESTION_TITLES);
  await expectAccessible(page);
  await saveSettings(page, { title: quizTitle, perPage: "2" });
  await expectAccessible(page);
  await publishCourse(page, coursePath);
  return { ...titles, quizTitle, quizId, coursePath, courseId: coursePath.split("/").at(-1) ?? "", waitingBefore };
}

/**
 * Lena opens the course, starts the quiz, answers the automatic questions right (page 1),
 * writes the essay (page 2) and submits. Ends on the result page; returns its path.
 */
async function lenaSubmitsEssay(
  lena: Page,
  quiz: { courseId: string; quizTitle: string; quizId: string },
  essay: string,
) {
  await lena.goto(`/courses/${quiz.courseId}`);
  await expectAccessible(lena);
  await lena.getByRole("link", { name: quiz.quizTitle, exact: true }).click();
  await expect(lena).toHaveURL(`/quizzes/${quiz.quizId}`);
  await expect(lena.getByRole("heading", { level: 1, name: quiz.quizTitle })).toBeVisible();
  await expectAccessible(lena);
  await lena.getByRole("button", { name: "Quiz starten" }).click();
  await expect(lena).toHaveURL(/\/attempts\/[0-9a-f-]{36}/);
  await expect(lena.getByText("Versuch 1 · Seite 1 von 2", { exact: false })).toBeVisible();

  const first = lena.getByRole("group", { name: /^Frage 1/ });
  const second = lena.getByRole("group", { name: /^Frage 2/ });
  await expect(first).toContainText("Frisch geschlagenes Holz");
  await first.getByLabel("Falsch", { exact: true }).check();
  await expect(second).toContainText("Was gehört beim Schleifen zur Schutzausrüstung?");
  await second.getByLabel("Staubmaske", { exact: true }).check();
  await second.getByLabel("Schutzbrille", { exact: true }).check();
  await expectAccessible(lena);
  await lena.getByRole("button", { name: "Weiter →" }).click();

  await expect(lena.getByText("Versuch 1 · Seite 2 von 2", { exact: false })).toBeVisible();
  const third = lena.getByRole("group", { name: /^Frage 3/ });
  await expect(third).toContainText("Beschreibe in zwei Sätzen, wie du eine Hobelbank pflegst.");
  await third.getByRole("textbox", { name: "Deine Antwort" }).fill(essay);
  await expectAccessible(lena);
  await lena.getByRole("button", { name: "Abgeben" }).click();

  await expect(lena).toHaveURL(/\/attempts\/[0-9a-f-]{36}\/result$/);
  await expect(lena.getByRole("heading", { level: 1, name: "Ergebnis von Versuch 1" })).toBeVisible();
  return new URL(lena.url()).pathname;
}

/** The "Bewerten" entry of this course's essay in a grader's list. */
function queueEntry(page: Page, courseTitle: string): Locator {
  return page.getByRole("listitem").filter({ hasText: courseTitle });
}

test.describe("Quiz erstellen und Freitext bewerten", () => {
  test("Ausbilder legt ein Quiz an: GIFT einfügen und hochladen, Einstellungen, Export, Kurs veröffentlichen", async ({
    page,
    login,
  }) => {
    // Course, quiz, two GIFT imports, settings and export, each page scanned by axe.
    test.setTimeout(240_000);
    const id = unique();
    const titles = { course: `Quizwerkstatt ${id}`, module: "Holz und Schleifen", lesson: "Holz verstehen" };
    const quizTitle = `Holz-Check ${id}`;
    await login("trainer");
    const { coursePath } = await createCourseWithQuiz(page, titles);
    await expectAccessible(page);

    // Pasted GIFT: the three good questions are taken, the broken one is named with its line.
    await importGiftText(page, GIFT_WITH_BROKEN);
    const importSection = section(page, "Fragen aus GIFT übernehmen");
    await expect(importSection.getByRole("alert")).toHaveText("3 Fragen übernommen. 1 Frage nicht übernommen.");
    await expect(importSection.getByText("Zeile 1: Holzfeuchte (Wahr/Falsch)")).toBeVisible();
    await expect(importSection.getByText("Zeile 3: Schutzausrüstung (Mehrfachauswahl)")).toBeVisible();
    await expect(importSection.getByText("Zeile 9: Arbeitsbericht (Freitext)")).toBeVisible();
    await expect(importSection.getByRole("heading", { level: 3, name: "Nicht übernommen" })).toBeVisible();
    const rejected = importSection
      .getByRole("heading", { level: 3, name: "Nicht übernommen" })
      .locator("xpath=following-sibling::ul[1]")
      .getByRole("listitem");
    await expect(rejected).toHaveCount(1);
    await expect(rejected).toHaveText(BROKEN_REPORT);
    await expect(questionTitles(page)).toHaveText(QUESTION_TITLES);
    const questionRows = section(page, "Fragen").locator("ol > li");
    await expect(questionRows.nth(0)).toContainText("Wahr/Falsch · 1 Punkt");
    await expect(questionRows.nth(1)).toContainText("Mehrfachauswahl · 1 Punkt");
    await expect(questionRows.nth(2)).toContainText("Freitext · 1 Punkt");
    await expect(page.getByRole("button", { name: "„Arbeitsbericht“ entfernen" })).toBeVisible();
    await expect(section(page, "Fragen").getByText("Kaputt")).toHaveCount(0);
    await expectAccessible(page);

    // The author can check what the upload brought: each question with its answer key.
    const preview = section(page, "Fragen").locator("details").filter({ hasText: "Schutzausrüstung" });
    await preview.getByText("Frage und Lösung ansehen: Schutzausrüstung").click();
    await expect(preview.getByRole("listitem").filter({ hasText: "Staubmaske" })).toHaveText("50 % Staubmaske");
    await expect(preview.getByRole("listitem").filter({ hasText: "Krawatte" })).toContainText("100 % Krawatte");
    await expectAccessible(page);

    // A pass mark of 150 % (past the browser's own max="100") is refused in German; the typed title stays.
    const titleField = page.getByLabel("Titel", { exact: true });
    const passField = page.getByLabel("Bestanden ab (Prozent)");
    await titleField.fill(quizTitle);
    await passField.fill("150");
    await passField.evaluate((input) => input.removeAttribute("max"));
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect(page.getByText("Bitte eine ganze Zahl von 0 bis 100.")).toBeVisible();
    await expect(passField).toHaveAttribute("aria-invalid", "true");
    await expect(passField).toHaveValue("150");
    await expect(titleField).toHaveValue(quizTitle);
    await expect(page.getByText("Einstellungen gespeichert.")).toHaveCount(0);
    // Nothing was stored: the page heading still shows the old title.
    await expect(page.getByRole("heading", { level: 1, name: `Quiz: ${titles.module}` })).toBeVisible();
    await expectAccessible(page);

    // Valid settings are saved and shown again.
    await passField.fill("70");
    await page.getByLabel("Erlaubte Versuche").fill("3");
    await page.getByLabel("Zufällig ziehen").fill("");
    await page.getByLabel("Fragen pro Seite").fill("2");
    await page.getByLabel("Reihenfolge der Fragen mischen").check();
    await page.getByLabel("Reihenfolge der Antworten mischen").uncheck();
    await page.getByLabel("Feedback und Lösungen zeigen").selectOption({ label: "erst nach dem Bestehen" });
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Einstellungen gespeichert." })).toBeVisible();
    await expect(page).toHaveURL(/\?saved=settings$/);
    await expect(page.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
    await expect(page.getByText("Bitte eine ganze Zahl von 0 bis 100.")).toHaveCount(0);
    await expectAccessible(page);
    // Opened afresh, the stored values are there.
    await page.reload();
    await expect(titleField).toHaveValue(quizTitle);
    await expect(passField).toHaveValue("70");
    await expect(page.getByLabel("Erlaubte Versuche")).toHaveValue("3");
    await expect(page.getByLabel("Zufällig ziehen")).toHaveValue("");
    await expect(page.getByLabel("Fragen pro Seite")).toHaveValue("2");
    await expect(page.getByLabel("Reihenfolge der Fragen mischen")).toBeChecked();
    await expect(page.getByLabel("Reihenfolge der Antworten mischen")).not.toBeChecked();
    await expect(page.getByLabel("Feedback und Lösungen zeigen")).toHaveValue("after_pass");

    // The same GIFT as a file: questions with the same title are updated, not added twice.
    await page.getByLabel("… oder GIFT-Text einfügen").fill("");
    await page.getByLabel("GIFT-Datei").setInputFiles({
      name: "holz.gift",
      mimeType: "text/plain",
      buffer: Buffer.from(GIFT_WITH_BROKEN, "utf8"),
    });
    await page.getByRole("button", { name: "Fragen übernehmen" }).click();
    await expect(importSection.getByRole("alert")).toHaveText("3 Fragen übernommen. 1 Frage nicht übernommen.");
    await expect(importSection.getByText(BROKEN_REPORT, { exact: true })).toBeVisible();
    await expect(questionTitles(page)).toHaveText(QUESTION_TITLES);
    await expectAccessible(page);

    // The export is a download in GIFT, with the category line, titles and answers.
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Als GIFT-Datei exportieren (für Moodle)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.gift$/);
    const file = await readFile(await download.path(), "utf8");
    expect(file).toContain(`$CATEGORY: ${titles.course}/${quizTitle}`);
    for (const title of QUESTION_TITLES) expect(file).toContain(`::${title}::`);
    expect(file).toMatch(/\{(F|FALSE)[#}]/);
    expect(file).toContain("%50%Staubmaske");
    expect(file).toContain("%50%Schutzbrille");
    expect(file).not.toContain("Kaputt");
    // Still on the editor: the download did not navigate away.
    await expect(page.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();

    await publishCourse(page, coursePath);
  });

  test("Azubi gibt einen Freitext ab, Ausbilder bewertet ihn, Azubi sieht Punkte und Kommentar", async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    // Two people, a course built through the UI and an axe scan per page: long on two cores.
    test.setTimeout(240_000);
    await login("trainer");
    const quiz = await publishedQuizFor(page, "Bewertungskurs");
    const essay = "Ich bürste den Staub ab und öle die Platte dünn mit Leinölfirnis.";
    const comment = "Gut beschrieben. Es fehlt noch, wie lange das Öl trocknen muss.";

    const lena = await openAs(browser, baseURL, demoAccounts.apprentice);
    const resultPath = await lenaSubmitsEssay(lena, quiz, essay);
    await expect(lena.getByText("2 von 3 Punkten (66,7 %)")).toBeVisible();
    await expect(
      lena.getByText(
        "Eine Antwort wird noch von deiner Ausbilderin, deinem Ausbilder oder deiner Lehrkraft bewertet.",
        { exact: false },
      ),
    ).toBeVisible();
    await expect(lena.getByRole("heading", { level: 2, name: "Frage 3 · wird noch bewertet" })).toBeVisible();
    await expect(lena.getByText(/^(Bestanden!|Noch nicht bestanden)/)).toHaveCount(0);
    await expectAccessible(lena);

    // Thomas's home page counts the new answer and links to the list.
    await page.goto("/");
    const note = page.getByRole("link", { name: /Freitext-Antwort(en)? (wartet|warten) auf deine Bewertung\.$/ });
    await expect(note).toBeVisible();
    const waiting = quiz.waitingBefore + 1;
    await expect(note).toHaveText(
      waiting === 1
        ? "1 Freitext-Antwort wartet auf deine Bewertung."
        : `${waiting} Freitext-Antworten warten auf deine Bewertung.`,
    );
    await expectAccessible(page);
    await note.click();
    await expect(page).toHaveURL("/grading");
    await expect(page.getByRole("heading", { level: 1, name: "Zu bewerten" })).toBeVisible();
    const entry = queueEntry(page, quiz.course);
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("Lena Schulz");
    await expect(entry).toContainText(`${quiz.course} › ${quiz.quizTitle} · Arbeitsbericht`);
    await expectAccessible(page);
    // The navigation leads to the same list.
    await expect(
      page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Zu bewerten" }),
    ).toHaveAttribute("href", "/grading");

    await entry.getByRole("link", { name: "Lena Schulz: „Arbeitsbericht“ bewerten" }).click();
    await expect(page).toHaveURL(/\/grading\/[0-9a-f-]{36}\/3$/);
    await expect(page.getByRole("heading", { level: 1, name: "Antwort von Lena Schulz" })).toBeVisible();
    await expect(page.getByText(`${quiz.course} › ${quiz.quizTitle}`)).toBeVisible();
    await expect(page.getByText(essay)).toBeVisible();
    await expectAccessible(page);

    // Two points for a one-point question: refused, with what was typed kept.
    const points = page.getByLabel("Punkte (0 bis 1)");
    const commentField = page.getByLabel("Kommentar für den Azubi");
    await points.fill("2");
    await commentField.fill(comment);
    await page.getByRole("button", { name: "Bewertung speichern" }).click();
    await expect(page.getByText("Mehr Punkte als die Frage hat gehen nicht.")).toBeVisible();
    await expect(points).toHaveAttribute("aria-invalid", "true");
    await expect(points).toHaveValue("2");
    await expect(commentField).toHaveValue(comment);
    await expectAccessible(page);

    // Half a point, written the German way.
    await points.fill("0,5");
    await page.getByRole("button", { name: "Bewertung speichern" }).click();
    await expect(page).toHaveURL("/grading?graded=1");
    await expect(page.getByRole("status")).toHaveText(
      "Bewertung gespeichert. Der Azubi sieht Punkte und Kommentar jetzt im Ergebnis.",
    );
    await expect(queueEntry(page, quiz.course)).toHaveCount(0);
    await expectAccessible(page);

    // Lena's result is now final: 2.5 of 3 points is 83.3 %, above the 60 % pass mark.
    await lena.goto(resultPath);
    await expect(lena.getByText("2,5 von 3 Punkten (83,3 %)")).toBeVisible();
    await expect(lena.getByText("Bestanden! Nötig waren 60 %.")).toBeVisible();
    await expect(lena.getByText("wird noch", { exact: false })).toHaveCount(0);
    const graded = lena.locator("section").filter({
      has: lena.getByRole("heading", { level: 2, name: "Frage 3 · 0,5 von 1 Punkten" }),
    });
    await expect(graded).toBeVisible();
    await expect(graded.getByText("Teilweise richtig")).toBeVisible();
    await expect(graded.getByText(essay)).toBeVisible();
    await expect(graded.getByText("Kommentar zur Bewertung")).toBeVisible();
    await expect(graded.getByText(comment)).toBeVisible();
    await expectAccessible(lena);
    // The quiz page lists the attempt as passed.
    await lena.goto(`/quizzes/${quiz.quizId}`);
    await expect(lena.getByRole("link", { name: "83,3 % – bestanden" })).toBeVisible();
    await expectAccessible(lena);
    await lena.context().close();
  });

  test("Ausbilder eines anderen Betriebs und die Lehrkraft sehen den Freitext des Betriebsquiz nicht und können ihn nicht bewerten", async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    // Two people, a course built through the UI and an axe scan per page: long on two cores.
    test.setTimeout(240_000);
    await login("trainer");
    const quiz = await publishedQuizFor(page, "Fremder Blick");
    const lena = await openAs(browser, baseURL, demoAccounts.apprentice);
    await lenaSubmitsEssay(lena, quiz, "Abstauben, ölen, trocknen lassen.");
    await expectAccessible(lena);
    await lena.context().close();

    // Her trainer has it in his list; the link gives the grading address.
    await page.goto("/grading");
    const entry = queueEntry(page, quiz.course);
    await expect(entry).toHaveCount(1);
    await expectAccessible(page);
    const gradingPath =
      (await entry.getByRole("link", { name: "Lena Schulz: „Arbeitsbericht“ bewerten" }).getAttribute("href")) ?? "";
    expect(gradingPath).toMatch(/^\/grading\/[0-9a-f-]{36}\/3$/);

    // Her teacher (class TI 25 at the vocational school) follows Lena, but the quiz belongs to
    // the company: grading it is the company's business, so the answer is not in her list and
    // its grading address does not exist for her.
    const katrin = await openAs(browser, baseURL, demoAccounts.teacher);
    await katrin.goto("/grading");
    await expect(katrin.getByRole("heading", { level: 1, name: "Zu bewerten" })).toBeVisible();
    await expect(queueEntry(katrin, quiz.course)).toHaveCount(0);
    await expectAccessible(katrin);
    const teacherView = await katrin.goto(gradingPath);
    expect(teacherView?.status()).toBe(404);
    await expect(katrin.getByText("Abstauben, ölen, trocknen lassen.")).toHaveCount(0);
    await katrin.context().close();

    // Frank (Elektro Neumann) has a list, but without Lena's answer ...
    const frank = await openAs(browser, baseURL, demoAccounts.trainerElectrical);
    await frank.goto("/grading");
    await expect(frank.getByRole("heading", { level: 1, name: "Zu bewerten" })).toBeVisible();
    await expect(frank.getByText(quiz.course, { exact: false })).toHaveCount(0);
    await expect(frank.getByText("Lena Schulz")).toHaveCount(0);
    await expectAccessible(frank);
    // ... and her answer does not exist for him, neither to read ...
    const response = await frank.goto(gradingPath);
    expect(response?.status()).toBe(404);
    await expect(frank.getByRole("heading", { level: 1, name: "Nicht gefunden" })).toBeVisible();
    await expect(frank.getByText("Abstauben, ölen, trocknen lassen.")).toHaveCount(0);
    await expectAccessible(frank);
    // ... nor to grade.
    const post = await frank.request.post(gradingPath, {
      form: { points: "1", comment: "Von außen." },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
    await frank.context().close();

    // The answer still waits, ungraded, in Thomas's list.
    await page.reload();
    await expect(queueEntry(page, quiz.course)).toHaveCount(1);
    await page.goto(gradingPath);
    await expect(page.getByText("Bereits bewertet", { exact: false })).toHaveCount(0);
    await expect(page.getByLabel("Punkte (0 bis 1)")).toHaveValue("");
    await expectAccessible(page);
  });
});

test.describe("Quiz erstellen ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("GIFT-Text übernehmen und Einstellungen speichern gehen als einfache Formulare", async ({ page, login }) => {
    // Without scripts every axe scan loads the page again in a second browser context.
    const id = unique();
    const titles = { course: `Quiz ohne Skript ${id}`, module: "Grundlagen" };
    const quizTitle = `Grundlagen-Check ${id}`;
    await login("trainer");
    const { quizId } = await createCourseWithQuiz(page, titles);
    await expectAccessible(page);

    await importGiftText(page, GIFT_WITH_BROKEN);
    await expect(page).toHaveURL(`/edit/quizzes/${quizId}`);
    await expect(page.getByRole("alert")).toHaveText("3 Fragen übernommen. 1 Frage nicht übernommen.");
    await expect(page.getByText(BROKEN_REPORT, { exact: true })).toBeVisible();
    await expect(questionTitles(page)).toHaveText(QUESTION_TITLES);
    // (axe scans a GET of this page, where the report is gone; the report is scanned in the test above.)

    // A refused save keeps what was typed ...
    const titleField = page.getByLabel("Titel", { exact: true });
    const passField = page.getByLabel("Bestanden ab (Prozent)");
    await titleField.fill(quizTitle);
    await passField.fill("150");
    await passField.evaluate((input) => input.removeAttribute("max"));
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect(page.getByText("Bitte eine ganze Zahl von 0 bis 100.")).toBeVisible();
    await expect(passField).toHaveValue("150");
    await expect(titleField).toHaveValue(quizTitle);

    // ... and a valid one is stored (post/redirect/get).
    await passField.fill("80");
    await page.getByLabel("Fragen pro Seite").fill("1");
    await page.getByRole("button", { name: "Einstellungen speichern" }).click();
    await expect(page).toHaveURL(`/edit/quizzes/${quizId}?saved=settings`);
    await expect(page.getByRole("status")).toHaveText("Einstellungen gespeichert.");
    await expect(page.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
    await expect(passField).toHaveValue("80");
    await expect(page.getByLabel("Fragen pro Seite")).toHaveValue("1");
    await expectAccessible(page);
  });
});
