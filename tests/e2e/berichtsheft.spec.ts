import { execFileSync } from "node:child_process";
import { mondayOf, weekKey } from "#app/modules/records/week-dates.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { demoAccounts, expect, expectAccessible, openAs, test } from "./fixtures.ts";
import { emptyLine, openThisWeek } from "./record-helpers.ts";

// Lena writes this week's Berichtsheft, Thomas returns it, she fixes it, he approves it. The
// lesson she reads first (a course no other spec reads as Lena) comes back as a proposal.
const COURSE = "Aufmaß und Materialberechnung";
const LESSON = "Quader und Zylinder";
const COMPANY_LINE = "Fensterrahmen geschliffen und lackiert";
const SCHOOL_LINE = "Lernfeld 5: Holzverbindungen herstellen";
const COMMENT = "Bitte ergänze die Themen aus der Berufsschule.";

const week = weekKey(mondayOf(todayInGermany(new Date())));
const [year, number] = [week.slice(0, 4), String(Number(week.slice(6)))];
const heading = `Berichtsheft KW ${number}/${year}`;

test.describe("Berichtsheft", () => {
  test("Lena schreibt ihre Woche, Thomas gibt sie zurück und dann frei; danach ist sie fest, als PDF lesbar und nur für die Richtigen sichtbar", async ({
    page,
    login,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    await login("apprentice");

    // She reads a lesson: it comes back as a proposal in this week.
    await page.goto("/courses");
    await expectAccessible(page);
    await page.getByRole("link", { name: COURSE, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: LESSON }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: LESSON })).toBeVisible();
    await expectAccessible(page);
    const done = page.getByRole("button", { name: "Als erledigt markieren" });
    if (await done.count()) await done.click();
    await expect(page.getByRole("button", { name: "Doch nicht erledigt" })).toBeVisible();

    await openThisWeek(page);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const weekPath = new URL(page.url()).pathname;
    await expectAccessible(page);
    const proposal = `${LESSON} (${COURSE})`;
    await page.getByRole("button", { name: `„${proposal}“ übernehmen` }).click();
    await expect(page.getByText("Gespeichert.")).toBeVisible();
    const instruction = page.getByRole("group", {
      name: "Unterweisungen, betrieblicher Unterricht, sonstige Schulungen",
    });
    await expect(instruction.locator(`input[name="line.text"][value="${proposal}"]`)).toHaveCount(1);
    await expect(page.getByRole("button", { name: `„${proposal}“ übernehmen` })).toHaveCount(0);

    await page.getByLabel(/^Ort am Montag/).selectOption({ label: "Betrieb" });
    await page.getByLabel(/^Stunden am Montag/).fill("8");
    await emptyLine(page, "Betriebliche Tätigkeiten").fill(COMPANY_LINE);
    await page.getByRole("button", { name: "Einreichen" }).click();
    await expect(page.getByText("Eingereicht. Deine Ausbilderin")).toBeVisible();
    await expect(page.getByText("Eingereicht, wartet auf Freigabe")).toBeVisible();
    await expect(page.getByRole("button", { name: "Einreichen" })).toHaveCount(0);
    await expectAccessible(page);

    // Thomas finds it in his queue and returns it with a comment.
    const thomas = await openAs(browser, baseURL, demoAccounts.trainer);
    await thomas.goto("/records");
    await expect(thomas.getByRole("heading", { name: "Berichtshefte prüfen" })).toBeVisible();
    await expectAccessible(thomas);
    await thomas.getByRole("link", { name: `Lena Schulz: KW ${number}/${year}` }).click();
    await expect(thomas.getByText(COMPANY_LINE)).toBeVisible();
    await expectAccessible(thomas);
    await thomas.getByLabel("Kommentar für die Rückgabe").fill(COMMENT);
    await thomas.getByRole("button", { name: "Zurückgeben" }).click();
    await expect(thomas.getByText("Zurückgegeben. Die oder der Auszubildende")).toBeVisible();

    // Lena sees the comment, adds the school topic and submits again.
    await page.reload();
    await expect(page.getByText(COMMENT).first()).toBeVisible();
    await expectAccessible(page);
    await emptyLine(page, "Themen des Berufsschulunterrichts").fill(SCHOOL_LINE);
    await page.getByRole("button", { name: "Einreichen" }).click();
    await expect(page.getByText("Eingereicht, wartet auf Freigabe")).toBeVisible();

    // Thomas approves.
    await thomas.reload();
    await expect(thomas.getByText(SCHOOL_LINE)).toBeVisible();
    await thomas.getByRole("button", { name: "Freigeben", exact: true }).click();
    await expect(thomas.getByText("Freigegeben. Die Woche ist jetzt abgeschlossen.")).toBeVisible();
    await expect(thomas.getByText(/Elektronisch freigegeben am .* durch Thomas Krüger/)).toBeVisible();
    await expectAccessible(thomas);

    // Final for Lena: no form, and a direct POST changes nothing.
    await page.reload();
    await expect(page.getByText("Freigegeben", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Einreichen" })).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    const forged = await page.request.post(weekPath, {
      form: {
        intent: "save",
        revision: "4",
        "line.section": "company",
        "line.text": "GEÄNDERT",
        "line.hours": "",
        "line.day": "",
        "line.source": "",
      },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBeLessThan(500);
    await page.reload();
    await expect(page.getByText(COMPANY_LINE)).toBeVisible();
    await expect(page.getByText("GEÄNDERT")).toHaveCount(0);

    // The PDF holds her name, the week, the three sections and the approval line.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Als PDF herunterladen" }).click();
    const file = await (await download).path();
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    for (const expected of [
      "Lena Schulz",
      `KW ${number}/${year}`,
      "Betriebliche Tätigkeiten",
      "Unterweisungen, betrieblicher Unterricht, sonstige Schulungen",
      "Themen des Berufsschulunterrichts",
      COMPANY_LINE,
      SCHOOL_LINE,
      "Elektronisch freigegeben am",
      "Thomas Krüger",
    ]) {
      expect(text, `the PDF should contain "${expected}"`).toContain(expected);
    }

    // Emre's trainer (another company) learns nothing of it.
    const other = await openAs(browser, baseURL, demoAccounts.trainerElectrical);
    const refused = await other.goto(weekPath);
    expect(refused?.status()).toBe(404);
    await expect(other.getByText(COMPANY_LINE)).toHaveCount(0);

    // Her teacher sees the days and the school part only.
    const teacher = await openAs(browser, baseURL, demoAccounts.teacher);
    await teacher.goto(weekPath);
    await expect(teacher.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(teacher.getByText(SCHOOL_LINE)).toBeVisible();
    await expect(teacher.getByText(COMPANY_LINE)).toHaveCount(0);
    await expect(teacher.getByText(proposal)).toHaveCount(0);
    await expectAccessible(teacher);
    await Promise.all([thomas.context().close(), other.context().close(), teacher.context().close()]);
  });
});
