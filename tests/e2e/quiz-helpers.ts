import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { parse } from "yaml";
import { expect, expectAccessible } from "./fixtures.ts";

// Taking a library quiz in the browser, right answers read from its file in content/: shared by
// the quiz specs and the assignment spec. Answers are shuffled, so controls are found by label.

// ---------------------------------------------------------------------------------------------
// The quiz files (our own format, docs: app/modules/library/quiz-file-schema.ts)

export type Choice = { text: string; correct?: boolean; weight?: number; feedback?: string };
export type NumericAnswer = {
  value?: number;
  tolerance?: number;
  range?: [number, number];
  other?: true;
  weight?: number;
  feedback?: string;
};
export type QuizQuestion = {
  key: string;
  type:
    | "single"
    | "multiple"
    | "truefalse"
    | "numeric"
    | "shorttext"
    | "ordering"
    | "matching"
    | "essay"
    | "description";
  prompt: string;
  points?: number;
  feedback?: string;
  choices?: Choice[];
  answer?: boolean;
  feedbackTrue?: string;
  feedbackFalse?: string;
  answers?: (NumericAnswer & { text?: string })[];
  unit?: string;
  items?: string[];
  pairs?: { left: string; right: string }[];
  distractors?: string[];
};
export type QuizFile = {
  title: string;
  intro?: string;
  attempts?: number | "unlimited";
  review?: string;
  draw?: number;
  questions: QuizQuestion[];
};

export function readQuiz(folder: string): QuizFile {
  const file = new URL(`../../content/${folder}/quiz.yaml`, import.meta.url);
  const quiz = parse(readFileSync(file, "utf8")) as QuizFile;
  // The flows below answer every question of the file: they need the whole pool on each attempt.
  expect(quiz.draw, `${folder}: a quiz with a random draw does not fit these tests`).toBeUndefined();
  return quiz;
}

export const squash = (text: string) => text.replace(/\s+/g, " ").trim();
/** Markdown (as far as quiz prompts use it) to the text the page shows. */
export const plainText = (markdown: string) => squash(markdown.replace(/\*\*|__|[*_`]/g, ""));

/** The points of a quiz where every question can be graded automatically. */
export function maxPoints(quiz: QuizFile): number {
  return quiz.questions.filter((q) => q.type !== "description").reduce((sum, q) => sum + (q.points ?? 1), 0);
}

export const weightOf = (entry: { weight?: number }) => entry.weight ?? 100;
export const isRightChoice = (choice: Choice) => choice.correct === true || (choice.weight ?? 0) > 0;

/** A number as an apprentice types it: German decimal comma, no thousands separator. */
export function germanNumber(value: number): string {
  return value.toLocaleString("de-DE", { maximumFractionDigits: 6, useGrouping: false });
}

/** The number that earns full points. */
export function rightNumber(question: QuizQuestion): string {
  const answer = question.answers?.find((a) => !a.other && weightOf(a) === 100);
  if (!answer) throw new Error(`${question.key}: no numeric answer worth 100 %`);
  const value = answer.range ? (answer.range[0] + answer.range[1]) / 2 : (answer.value ?? Number.NaN);
  return germanNumber(value);
}

export function rightText(question: QuizQuestion): string {
  const answer = question.answers?.find((a) => weightOf(a) === 100 && a.text);
  if (!answer?.text) throw new Error(`${question.key}: no short answer worth 100 %`);
  return answer.text;
}

// ---------------------------------------------------------------------------------------------
// Attempt pages

/** The questions on the current attempt page (each a fieldset with the legend "Frage N · …"). */
export const questionGroups = (page: Page) => page.getByRole("group", { name: /^Frage \d+/ });

/** Which question of the file a fieldset shows, found by its prompt text. */
export async function identify(group: Locator, quiz: QuizFile): Promise<QuizQuestion> {
  const shown = squash((await group.locator(".question-prompt").textContent()) ?? "");
  const question =
    quiz.questions.find((q) => plainText(q.prompt) === shown) ??
    quiz.questions.find((q) => shown.includes(plainText(q.prompt).slice(0, 60)));
  if (!question) throw new Error(`no question in the quiz file has the prompt "${shown}"`);
  return question;
}

/** Texts of an ordering question's items in the order shown. */
export const orderingItems = (group: Locator) => group.locator(".ordering-list > li > span:first-child");

/**
 * Brings an ordering question into the right order with the "↑" buttons. Each press posts the
 * page's form and loads it again (with and without JavaScript), so the list is re-read each time.
 */
export async function sortOrdering(group: Locator, items: string[]) {
  for (let guard = 0; guard < items.length * items.length; guard++) {
    const shown = await orderingItems(group).allTextContents();
    const wrong = items.findIndex((item, i) => shown[i] !== item);
    if (wrong < 0) return;
    const item = items[wrong] as string;
    const at = shown.indexOf(item);
    expect(at, `ordering item "${item}" is shown`).toBeGreaterThan(wrong);
    const next = [...shown];
    [next[at - 1], next[at]] = [next[at] as string, next[at - 1] as string];
    await group.getByRole("button", { name: `„${item}“ nach oben`, exact: true }).click();
    await expect(orderingItems(group)).toHaveText(next);
  }
  throw new Error("the ordering question did not reach the right order");
}

/** Answers one question with full points. */
export async function answerRight(group: Locator, question: QuizQuestion) {
  switch (question.type) {
    case "single":
    case "multiple":
      for (const choice of question.choices ?? []) {
        // Unticks too: a resumed attempt may hold an earlier answer.
        await group.getByLabel(choice.text, { exact: true }).setChecked(isRightChoice(choice));
      }
      return;
    case "truefalse":
      await group.getByLabel(question.answer ? "Wahr" : "Falsch", { exact: true }).check();
      return;
    case "numeric":
      await group.getByLabel("Deine Zahl").fill(rightNumber(question));
      return;
    case "shorttext":
      await group.getByLabel("Deine Antwort").fill(rightText(question));
      return;
    case "matching":
      for (const pair of question.pairs ?? []) {
        await group.getByLabel(pair.left, { exact: true }).selectOption({ label: pair.right });
      }
      return;
    case "ordering":
      await sortOrdering(group, question.items ?? []);
      return;
    default:
      throw new Error(`${question.key}: type ${question.type} cannot be answered automatically`);
  }
}

/** Checks that the page shows the right answer of one question as given (saved and shown again). */
export async function expectAnsweredRight(group: Locator, question: QuizQuestion) {
  switch (question.type) {
    case "single":
    case "multiple":
      for (const choice of question.choices ?? []) {
        const box = group.getByLabel(choice.text, { exact: true });
        if (isRightChoice(choice)) await expect(box).toBeChecked();
        else await expect(box).not.toBeChecked();
      }
      return;
    case "truefalse":
      await expect(group.getByLabel(question.answer ? "Wahr" : "Falsch", { exact: true })).toBeChecked();
      return;
    case "numeric":
      await expect(group.getByLabel("Deine Zahl")).toHaveValue(rightNumber(question));
      return;
    case "shorttext":
      await expect(group.getByLabel("Deine Antwort")).toHaveValue(rightText(question));
      return;
    case "matching":
      for (const pair of question.pairs ?? []) {
        await expect(group.getByLabel(pair.left, { exact: true }).locator("option:checked")).toHaveText(pair.right);
      }
      return;
    case "ordering":
      await expect(orderingItems(group)).toHaveText(question.items ?? []);
      return;
    default:
      throw new Error(`${question.key}: type ${question.type} cannot be checked automatically`);
  }
}

/** Page N of M from the line under the attempt's heading ("Versuch 1 · Seite 2 von 3 · …"). */
export async function pagePosition(page: Page): Promise<{ attempt: number; page: number; pages: number }> {
  const lead = page.locator(".page-header .lead");
  await expect(lead).toContainText(/Versuch \d+ · Seite \d+ von \d+/);
  const match = /Versuch (\d+) · Seite (\d+) von (\d+)/.exec((await lead.textContent()) ?? "");
  return { attempt: Number(match?.[1]), page: Number(match?.[2]), pages: Number(match?.[3]) };
}

export async function expectOnPage(page: Page, number: number, pages: number) {
  await expect(page.locator(".page-header .lead")).toContainText(`Seite ${number} von ${pages}`);
}

/** Answers every question on the current page right; returns the keys answered. */
export async function answerPage(page: Page, quiz: QuizFile): Promise<QuizQuestion[]> {
  const groups = questionGroups(page);
  const count = await groups.count();
  expect(count, "an attempt page shows questions").toBeGreaterThan(0);
  const answered: QuizQuestion[] = [];
  // Ordering first: its buttons post and reload the page, the other answers then stay put.
  const questions = [];
  for (let i = 0; i < count; i++) questions.push({ index: i, question: await identify(groups.nth(i), quiz) });
  questions.sort((a, b) => Number(b.question.type === "ordering") - Number(a.question.type === "ordering"));
  for (const { index, question } of questions) {
    await answerRight(groups.nth(index), question);
    answered.push(question);
  }
  return answered;
}

export async function expectPageAnsweredRight(page: Page, quiz: QuizFile) {
  const groups = questionGroups(page);
  const count = await groups.count();
  for (let i = 0; i < count; i++) await expectAnsweredRight(groups.nth(i), await identify(groups.nth(i), quiz));
}

// ---------------------------------------------------------------------------------------------
// Getting to a quiz

/** Catalogue → course → the module's quiz link; returns the quiz page's path. */
export async function openQuizFromCourse(page: Page, courseTitle: string, quizTitle: string): Promise<string> {
  await page.goto("/courses");
  await expect(page.getByRole("heading", { level: 1, name: "Kurse" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: courseTitle, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: courseTitle })).toBeVisible();
  const quizEntry = page
    .getByRole("region", { name: "Module" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: quizTitle, exact: true }) })
    .last();
  await expect(quizEntry).toContainText("Quiz zum Modul");
  await expectAccessible(page);
  await quizEntry.getByRole("link", { name: quizTitle, exact: true }).click();
  await expect(page).toHaveURL(/\/quizzes\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: quizTitle })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Links to finished attempts in the quiz page's list "Deine Versuche". */
export const finishedAttemptLinks = (page: Page) => page.locator('main a[href^="/attempts/"][href$="/result"]');

/**
 * Presses the start button: "Quiz starten", "Neuer Versuch" after earlier attempts, or
 * "Weitermachen" when an attempt is still open (a test that stopped half-way on a reused database).
 */
export async function startAttempt(page: Page): Promise<{ attemptPath: string }> {
  await page.getByRole("button", { name: /^(Quiz starten|Neuer Versuch|Weitermachen)$/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}(\?.*)?$/);
  await expect(questionGroups(page).first()).toBeVisible();
  return { attemptPath: new URL(page.url()).pathname };
}

/**
 * Answers all pages right, moving on with "Weiter →", and stops on the last page (not submitted).
 * Every page is scanned with axe before it is answered.
 */
export async function answerAllPages(page: Page, quiz: QuizFile) {
  const { pages } = await pagePosition(page);
  const answered: string[] = [];
  for (let number = 1; number <= pages; number++) {
    await expectOnPage(page, number, pages);
    await expectAccessible(page);
    answered.push(...(await answerPage(page, quiz)).map((q) => q.key));
    if (number < pages) await page.getByRole("button", { name: "Weiter →", exact: true }).click();
  }
  expect(answered.sort(), "every question of the quiz was shown once").toEqual(quiz.questions.map((q) => q.key).sort());
}

export async function expectFullMarks(page: Page, quiz: QuizFile) {
  // (A "#slot-N" left by an ordering button stays on through the redirects.)
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}\/result(#slot-\d+)?$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Ergebnis von Versuch \d+$/ })).toBeVisible();
  const total = maxPoints(quiz);
  await expect(page.getByText(`${total} von ${total} Punkten (100 %)`, { exact: true })).toBeVisible();
  await expect(page.getByText(/^Bestanden! Nötig waren \d+ %\.$/)).toBeVisible();
}
