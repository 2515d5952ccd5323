import type { Locator, Page, Route } from "@playwright/test";
import { DEMO_PASSWORD, demoAccounts, expect, expectAccessible, test } from "./fixtures.ts";
import {
  type QuizQuestion,
  type QuizFile,
  readQuiz,
  plainText,
  maxPoints,
  weightOf,
  isRightChoice,
  germanNumber,
  questionGroups,
  identify,
  pagePosition,
  expectOnPage,
  answerPage,
  expectPageAnsweredRight,
  openQuizFromCourse,
  finishedAttemptLinks,
  startAttempt,
  answerAllPages,
  expectFullMarks,
} from "./quiz-helpers.ts";

// Tests share one database during a run (two workers): every test here works on a quiz no other
// test touches (or as another demo user), and compares attempt lists before and after instead of
// expecting absolute numbers. The right answers come from the quiz files in content/, so the
// tests follow content changes; answers are shuffled, so controls are found by their labels.

// ---------------------------------------------------------------------------------------------
// What must not reach the browser before the attempt is submitted

/**
 * Pieces of a secret text that can be searched for in a response body as it is: split where HTML
 * or JSON would escape a character (quotes, &, <, >, backslash), at Markdown marks and line
 * breaks (Markdown reflows them), and only pieces long enough to mean something.
 */
function needles(text: string, minLength = 12): string[] {
  return text
    .split(/["'&<>\\*_`\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length >= minLength);
}

/** The texts an open attempt offers to pick from: choices, ordering items, matching sides. */
function answerTexts(quiz: QuizFile): string[] {
  return quiz.questions.flatMap((q) => [
    ...(q.choices ?? []).map((c) => c.text),
    ...(q.items ?? []),
    ...(q.pairs ?? []).flatMap((p) => [p.left, p.right]),
    ...(q.distractors ?? []),
  ]);
}

/** Every text the quiz shows while an attempt is open: a secret must not be one of these. */
function publicTexts(quiz: QuizFile): string[] {
  return [quiz.title, quiz.intro ?? "", ...quiz.questions.map((q) => plainText(q.prompt)), ...answerTexts(quiz)];
}

type Secret = { what: string; needle: string | RegExp };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The answer key as strings: feedback of choices, of true/false and of numeric and short answers,
 * general feedback, accepted short answers, numeric values as written in the file (and with a
 * decimal comma), and the right order of ordering items as a serialized sequence. Left out: what
 * the open attempt shows anyway, and numbers shorter than three characters ("6", "72"), which
 * any HTML page contains somewhere; feedback texts carry those numbers too.
 */
function secretsOf(quiz: QuizFile): Secret[] {
  const shown = publicTexts(quiz);
  const secrets: Secret[] = [];
  const addText = (what: string, text: string | undefined, minLength?: number) => {
    for (const needle of needles(text ?? "", minLength)) {
      if (!shown.some((t) => t.includes(needle))) secrets.push({ what, needle });
    }
  };
  for (const q of quiz.questions) {
    addText(`${q.key}: general feedback`, q.feedback);
    for (const choice of q.choices ?? []) addText(`${q.key}: feedback on "${choice.text}"`, choice.feedback);
    addText(`${q.key}: feedback on "Wahr"`, q.feedbackTrue);
    addText(`${q.key}: feedback on "Falsch"`, q.feedbackFalse);
    for (const answer of q.answers ?? []) {
      addText(`${q.key}: answer feedback`, answer.feedback);
      if (q.type === "shorttext" && answer.text && weightOf(answer) > 0)
        addText(`${q.key}: accepted answer`, answer.text, 4);
      if (q.type === "numeric") {
        const values = answer.range ?? (answer.value !== undefined ? [answer.value] : []);
        for (const value of values) {
          for (const written of new Set([String(value), germanNumber(value)])) {
            if (written.length < 3 || shown.some((t) => t.includes(written))) continue;
            secrets.push({
              what: `${q.key}: numeric answer ${written}`,
              needle: new RegExp(`(?<![\\d.,])${escapeRegExp(written)}(?![\\d])`),
            });
          }
        }
      }
    }
    if (q.type === "ordering" && q.items) {
      // The items one after another as in a JSON array (also inside an escaped script string).
      const separator = '\\\\*"\\s*,\\s*\\\\*"';
      secrets.push({ what: `${q.key}: right order`, needle: new RegExp(q.items.map(escapeRegExp).join(separator)) });
    }
  }
  return secrets;
}

const found = (body: string, needle: string | RegExp) =>
  typeof needle === "string" ? body.includes(needle) : needle.test(body);

/** Remix single-fetch data requests (`/path.data`, also `_data` of the older protocol). */
const isDataUrl = (url: string) => /\.data(\?|$)|[?&]_data=/.test(url);

type Recorded = { url: string; status: number; body: string };

/**
 * Records the body of every HTML document and data, fetch or XHR response the page receives,
 * until stopped. The requests go through Playwright (route.fetch) and are handed to the page
 * unchanged: that way even a response the page navigates away from at once (the login's data
 * request before the full reload) is read completely. Redirects are passed on as they are, so
 * the browser follows them itself and the target is recorded as a request of its own.
 */
async function recordResponses(page: Page) {
  const recorded: Recorded[] = [];
  let recording = true;
  const handler = async (route: Route) => {
    const request = route.request();
    const type = request.resourceType();
    if (!recording || !(type === "document" || type === "fetch" || type === "xhr" || isDataUrl(request.url()))) {
      await route.fallback();
      return;
    }
    const response = await route.fetch({ maxRedirects: 0 });
    const body = await response.body();
    recorded.push({ url: request.url(), status: response.status(), body: body.toString("utf8") });
    await route.fulfill({ response, body });
  };
  await page.route("**/*", handler);
  return {
    async stop(): Promise<Recorded[]> {
      recording = false;
      await page.unroute("**/*", handler);
      return recorded;
    },
  };
}

// ---------------------------------------------------------------------------------------------

test.describe("Quiz mit JavaScript", () => {
  test("Azubi löst ein Quiz aus dem Kurs vollständig richtig und sieht danach das beste Ergebnis", async ({
    page,
    login,
  }) => {
    const quiz = readQuiz("holz-werkstoffkunde/03-holzwerkstoffe-und-leim");
    expect(quiz.attempts, "a practice quiz").toBe("unlimited");
    expect(
      quiz.questions.some((q) => q.type === "essay"),
      "no essay: the result is final at once",
    ).toBe(false);
    await login("apprentice");
    const quizPath = await openQuizFromCourse(page, "Holz- und Werkstoffkunde", quiz.title);
    await expect(page.getByText("Übungsmodus: so oft du willst, der beste zählt")).toBeVisible();
    await expectAccessible(page);

    await startAttempt(page);
    await answerAllPages(page, quiz);
    await page.getByRole("button", { name: "Abgeben", exact: true }).click();
    await expectFullMarks(page, quiz);
    await expectAccessible(page);

    // The quiz page shows the best result, and the finished attempt in its list.
    await page.getByRole("navigation", { name: "Wo du bist" }).getByRole("link", { name: quiz.title }).click();
    await expect(page).toHaveURL(quizPath);
    await expect(page.getByText("Bestanden – dein bestes Ergebnis: 100 %", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "100 % – bestanden" }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Neuer Versuch" })).toBeVisible();
    await expectAccessible(page);
  });

  test("Kursseite zeigt beim Quiz das beste Ergebnis", async ({ page, login }) => {
    const quiz = readQuiz("elektrische-grundlagen/04-schutzeinrichtungen");
    await login("apprentice");
    await openQuizFromCourse(page, "Elektrische Grundlagen und die fünf Sicherheitsregeln", quiz.title);
    await expectAccessible(page);
    await startAttempt(page);
    const { pages } = await pagePosition(page);
    await expectAccessible(page);
    if (pages > 1) {
      await page.getByRole("button", { name: `Zu Seite ${pages}`, exact: true }).click();
      await expectOnPage(page, pages, pages);
    }
    // Submitted without answers: whatever it scores is the best result so far.
    await page.getByRole("button", { name: "Abgeben", exact: true }).click();
    await expect(page).toHaveURL(/\/result$/);
    const score = page.getByText(/^\d+(,\d+)? von \d+ Punkten \((\d+(,\d+)?) %\)$/);
    const percent = /\((\d+(?:,\d+)?) %\)/.exec((await score.textContent()) ?? "")?.[1];
    expect(percent).toBeDefined();
    await expectAccessible(page);

    await page
      .getByRole("navigation", { name: "Wo du bist" })
      .getByRole("link", { name: "Elektrische Grundlagen und die fünf Sicherheitsregeln" })
      .click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Elektrische Grundlagen und die fünf Sicherheitsregeln" }),
    ).toBeVisible();
    await expectAccessible(page);
    const quizEntry = page
      .getByRole("region", { name: "Module" })
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: quiz.title, exact: true }) })
      .last();
    await expect(quizEntry).toContainText(`Quiz zum Modul · bestes Ergebnis ${percent} %`, { timeout: 2_000 });
  });

  test("Antwortschlüssel: keine Lösung und kein Feedback erreicht den Browser vor dem Abgeben", async ({ page }) => {
    // The electrical apprentice, so this test shares no attempts with Lena's tests.
    const quiz = readQuiz("digitale-werkzeuge/01-digital-messen");
    expect(quiz.review, "solutions are shown after each attempt").toBe("after-attempt");
    const secrets = secretsOf(quiz);
    expect(secrets.length, "the quiz has an answer key to look for").toBeGreaterThan(10);

    const recorder = await recordResponses(page);
    await page.goto("/login");
    await expectAccessible(page);
    await page.getByLabel("E-Mail-Adresse").fill(demoAccounts.apprenticeElectrical);
    await page.getByLabel("Passwort").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL("/");
    await expectAccessible(page);

    await openQuizFromCourse(page, "Digitale Werkzeuge im Handwerksbetrieb", quiz.title);
    await expectAccessible(page);
    await startAttempt(page);
    await answerAllPages(page, quiz);
    // Wait until a last autosave (if any) has answered, so its body is recorded too.
    await page.waitForLoadState("networkidle");
    const recorded = await recorder.stop();

    const documents = recorded.filter((r) => !isDataUrl(r.url));
    const data = recorded.filter((r) => isDataUrl(r.url));
    expect(documents.length, "the scan saw HTML documents").toBeGreaterThan(0);
    expect(data.length, "the scan saw single-fetch data responses (client-side navigation)").toBeGreaterThan(0);
    const everything = recorded.map((r) => r.body).join("\n");
    // The scan really saw the quiz: every choice, item and matching text the attempt shows.
    for (const text of answerTexts(quiz)) {
      for (const needle of needles(text, 4)) expect(everything, `shown text "${needle}"`).toContain(needle);
    }
    const leaks = recorded.flatMap((r) =>
      secrets.filter((s) => found(r.body, s.needle)).map((s) => `${s.what} (${String(s.needle)}) in ${r.url}`),
    );
    expect(leaks, "answer-key strings sent to the browser before submitting").toEqual([]);

    // The same strings do show up once the review is allowed: the scan would have found them.
    await page.getByRole("button", { name: "Abgeben", exact: true }).click();
    await expectFullMarks(page, quiz);
    const result = (await page.getByRole("main").textContent()) ?? "";
    const revealed = secrets.filter((s) => found(result, s.needle));
    expect(revealed.length, "feedback texts on the result page").toBeGreaterThan(0);
    for (const q of quiz.questions.filter((q) => q.type === "single")) {
      const right = q.choices?.find(isRightChoice);
      if (right?.feedback) await expect(page.getByText(right.feedback, { exact: true })).toBeVisible();
    }
    await expectAccessible(page);
  });

  test("Autospeichern: eine getippte Antwort ist nach dem Neuladen noch da", async ({ page, login }) => {
    const quiz = readQuiz("aufmass-materialberechnung/03-volumen-berechnen");
    await login("apprentice");
    await openQuizFromCourse(page, "Aufmaß und Materialberechnung", quiz.title);
    await expectAccessible(page);
    const { attemptPath } = await startAttempt(page);
    await expectAccessible(page);

    // Answers are shuffled: find a page with a number or text field.
    const { pages } = await pagePosition(page);
    let field = page.getByLabel(/^(Deine Zahl|Deine Antwort)$/).first();
    for (let number = 1; (await field.count()) === 0; number++) {
      expect(number, "some page has a number or text field").toBeLessThan(pages);
      await page.getByRole("button", { name: "Weiter →", exact: true }).click();
      await expectOnPage(page, number + 1, pages);
      await expectAccessible(page);
      field = page.getByLabel(/^(Deine Zahl|Deine Antwort)$/).first();
    }
    const position = await pagePosition(page);
    const value = `12,${Date.now() % 1000}`;
    const autosave = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" &&
        response.url().includes(attemptPath) &&
        (response.request().postData() ?? "").includes("autosave"),
    );
    await field.clear();
    await field.pressSequentially(value, { delay: 30 });
    const response = await autosave;
    expect(response.ok(), "the autosave was taken").toBe(true);
    // Autosaving stays on the page; nothing navigated.
    await expect(page).toHaveURL(new RegExp(`${attemptPath}(\\?page=${position.page})?$`));

    await page.reload();
    await expectOnPage(page, position.page, position.pages);
    await expect(page.getByLabel(/^(Deine Zahl|Deine Antwort)$/).first()).toHaveValue(value);
    await expect(page.locator(".page-header .lead")).toContainText(/[1-9]\d* von \d+ beantwortet/);
    await expectAccessible(page);
  });

  test("Doppeltes Abgeben wertet den Versuch genau einmal", async ({ page, login, baseURL }) => {
    const quiz = readQuiz("digitale-werkzeuge/03-datenschutz-beim-kunden");
    await login("apprentice");
    const quizPath = await openQuizFromCourse(page, "Digitale Werkzeuge im Handwerksbetrieb", quiz.title);
    const finishedBefore = await finishedAttemptLinks(page).count();
    await expectAccessible(page);

    const { attemptPath } = await startAttempt(page);
    const { pages, attempt } = await pagePosition(page);
    await expectAccessible(page);
    if (pages > 1) {
      await page.getByRole("button", { name: `Zu Seite ${pages}`, exact: true }).click();
      await expectOnPage(page, pages, pages);
    }
    await expect(page.getByRole("button", { name: "Abgeben", exact: true })).toBeVisible();
    await expectAccessible(page);

    // The fields "Abgeben" sends, taken from the page, posted twice at the same moment.
    const form = page.locator("form.attempt-form");
    const action = (await form.getAttribute("action")) ?? "";
    expect(action).toBe(`${attemptPath}?page=${pages}`);
    const fields = {
      revision: await form.locator('input[name="revision"]').inputValue(),
      page: await form.locator('input[name="page"]').inputValue(),
      intent: "submit",
    };
    const submit = () =>
      page.request.post(action, { form: fields, headers: { Origin: baseURL ?? "" }, maxRedirects: 0 });
    const responses = await Promise.all([submit(), submit()]);
    expect(responses.map((r) => r.status())).toEqual([302, 302]);
    const locations = responses.map((r) => r.headers().location ?? "").sort();
    expect(locations, "one submit grades, the other finds the attempt finished").toEqual([
      `${attemptPath}/result`,
      `${attemptPath}/result?notice=finished`,
    ]);

    await page.goto(`${attemptPath}/result`);
    await expect(page.getByRole("heading", { level: 1, name: `Ergebnis von Versuch ${attempt}` })).toBeVisible();
    await expect(page.getByText(/^\d+(,\d+)? von \d+ Punkten \(\d+(,\d+)? %\)$/)).toHaveCount(1);
    await expectAccessible(page);

    await page.goto(quizPath);
    await expect(page.getByRole("heading", { level: 1, name: quiz.title })).toBeVisible();
    await expect(finishedAttemptLinks(page)).toHaveCount(finishedBefore + 1);
    await expect(page.locator(`main a[href="${attemptPath}/result"]`)).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Weitermachen" })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("Quiz in zwei Fenstern", () => {
  test("ein veraltetes Fenster speichert nichts über neuere Antworten, behält das Getippte und speichert beim zweiten Mal", async ({
    page,
    login,
  }) => {
    const quiz = readQuiz("elektrische-grundlagen/01-spannung-strom-widerstand");
    await login("apprenticeElectrical");
    await openQuizFromCourse(page, "Elektrische Grundlagen und die fünf Sicherheitsregeln", quiz.title);
    await expectAccessible(page);
    const { attemptPath } = await startAttempt(page);
    await expectAccessible(page);
    const { page: startPage, pages } = await pagePosition(page);
    expect(pages, "the quiz has more than one page").toBeGreaterThan(startPage);

    // A second tab on the same page of the same attempt.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expectOnPage(other, startPage, pages);

    // The first tab moves on: that save counts the attempt's revision up.
    await page.getByRole("button", { name: "Weiter →", exact: true }).click();
    await expectOnPage(page, startPage + 1, pages);
    await expectAccessible(page);

    // The second tab still shows the old revision. Something is chosen there, then "Weiter".
    const choice = other.locator(".attempt-form input[type=radio], .attempt-form input[type=checkbox]").first();
    const text = other.locator(".attempt-form input.input, .attempt-form textarea").first();
    const typed = `7,${Date.now() % 100}`;
    const usesChoice = (await choice.count()) > 0;
    if (usesChoice) await choice.check();
    else await text.fill(typed);
    await other.getByRole("button", { name: "Weiter →", exact: true }).click();
    await expect(other.getByRole("alert")).toContainText("in einem anderen Fenster geändert");
    await expectOnPage(other, startPage, pages);
    if (usesChoice) await expect(choice).toBeChecked();
    else await expect(text).toHaveValue(typed);
    await expectAccessible(other);

    // Pressed again, the save names the current revision and goes through.
    await other.getByRole("button", { name: "Weiter →", exact: true }).click();
    await expectOnPage(other, startPage + 1, pages);
    await expect(other).toHaveURL(new RegExp(`${attemptPath}\\?page=${startPage + 1}$`));
    await other.close();
  });
});

test.describe("Quiz ohne JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Quiz mit Reihenfolge-Frage, Zurück-Knopf und Abgeben; ein abgegebener Versuch bleibt unverändert", async ({
    page,
    login,
  }) => {
    // Without scripts every axe scan loads the page again in a second browser context, and each
    // "↑" press is a full page load.
    test.slow();
    const quiz = readQuiz("holz-werkstoffkunde/01-aufbau-des-holzes");
    expect(quiz.questions.some((q) => q.type === "ordering")).toBe(true);
    await login("apprentice");
    await openQuizFromCourse(page, "Holz- und Werkstoffkunde", quiz.title);
    await expectAccessible(page);
    const { attemptPath } = await startAttempt(page);
    const { pages } = await pagePosition(page);
    expect(pages, "the quiz has several pages").toBeGreaterThan(1);

    const answered: string[] = [];
    for (let number = 1; number <= pages; number++) {
      await expectOnPage(page, number, pages);
      await expectAccessible(page);
      answered.push(...(await answerPage(page, quiz)).map((q) => q.key));
      if (number === 2) {
        // Back to page 1: its answers were saved and are shown again; "Zurück" saved page 2 too.
        await page.getByRole("button", { name: "← Zurück", exact: true }).click();
        await expectOnPage(page, 1, pages);
        await expectPageAnsweredRight(page, quiz);
        await page.getByRole("button", { name: "Weiter →", exact: true }).click();
        await expectOnPage(page, 2, pages);
        await expectPageAnsweredRight(page, quiz);
      }
      if (number < pages) await page.getByRole("button", { name: "Weiter →", exact: true }).click();
    }
    expect(answered.sort()).toEqual(quiz.questions.map((q) => q.key).sort());
    await expectAccessible(page);

    // A second tab keeps the last page as it is now, as a cached page or a resent form would.
    const stale = await page.context().newPage();
    await stale.goto(page.url());
    await expectOnPage(stale, pages, pages);

    await page.getByRole("button", { name: "Abgeben", exact: true }).click();
    await expectFullMarks(page, quiz);
    await expectAccessible(page);

    // The browser's back button asks for the last question page again (it is sent with
    // Cache-Control: no-store): the app answers a finished attempt's page with its result.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${attemptPath}/result(#slot-\\d+)?$`));
    await expectFullMarks(page, quiz);

    // The old page still has the form. Changing an answer and pressing "Abgeben" again leaves the
    // finished attempt as it was and says so.
    const group = questionGroups(stale).first();
    await spoilAnswer(group, await identify(group, quiz));
    await stale.getByRole("button", { name: "Abgeben", exact: true }).click();
    await expect(stale).toHaveURL(new RegExp(`${attemptPath}/result\\?notice=finished(#slot-\\d+)?$`));
    const finishedNotice = "Dieser Versuch ist schon abgegeben. Er kann nicht mehr geändert werden.";
    await expect(stale.getByText(finishedNotice)).toBeVisible();
    const total = maxPoints(quiz);
    await expect(stale.getByText(`${total} von ${total} Punkten (100 %)`, { exact: true })).toBeVisible();
    await stale.close();

    // The same page in the tracked tab, for the axe scan of the notice.
    await page.goto(`${attemptPath}/result?notice=finished`);
    await expect(page.getByText(finishedNotice)).toBeVisible();
    await expect(page.getByText(`${total} von ${total} Punkten (100 %)`, { exact: true })).toBeVisible();
    await expectAccessible(page);
  });
});

/** Changes an answer to a wrong one (for the resent form of a finished attempt). */
async function spoilAnswer(group: Locator, question: QuizQuestion) {
  switch (question.type) {
    case "single": {
      const wrong = question.choices?.find((c) => !isRightChoice(c));
      if (wrong) await group.getByLabel(wrong.text, { exact: true }).check();
      return;
    }
    case "multiple":
      for (const choice of question.choices ?? []) await group.getByLabel(choice.text, { exact: true }).check();
      return;
    case "truefalse":
      await group.getByLabel(question.answer ? "Falsch" : "Wahr", { exact: true }).check();
      return;
    case "numeric":
      await group.getByLabel("Deine Zahl").fill("999");
      return;
    case "shorttext":
      await group.getByLabel("Deine Antwort").fill("ganz falsch");
      return;
    case "matching": {
      const [first, second] = question.pairs ?? [];
      if (first && second) await group.getByLabel(first.left, { exact: true }).selectOption({ label: second.right });
      return;
    }
    default:
      return;
  }
}
