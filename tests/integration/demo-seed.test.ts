import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { DEMO_PASSWORD, demoAccounts } from "#db/seed/demo-accounts.ts";
import { hasDemo, seedDemo } from "#db/seed/demo.server.ts";
import { seedDemoLearning } from "#db/seed/demo-learning.server.ts";
import { importLibrary } from "#app/modules/library/import-library.server.ts";
import path from "node:path";
import { recordEvents, recordWeeks, users } from "#db/schema/index.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { homeFor } from "#app/modules/home/home.server.ts";
import { weekTotals } from "#app/modules/records/content.ts";
import { recordCounts } from "#app/modules/records/queue.server.ts";
import { firstBrokenWeek } from "#app/modules/records/verify.server.ts";
import { dueWeeks, mondayOf } from "#app/modules/records/week-dates.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";

// The demo goes into its own in-memory database: its fixed e-mail addresses would collide
// with other test files on a shared server database.
const { db, close } = await openDatabase({ inMemory: true });
const now = new Date("2026-11-27T09:00:00Z");

beforeAll(async () => {
  await seedDemo(db, now);
  await importLibrary(db, path.resolve("content"));
  await seedDemoLearning(db, now);
});
afterAll(() => close());

async function actorFor(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = user && (await loadActor(db, user.id));
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}

describe("demo data", () => {
  test("every README login works and lands on a home with real content", async () => {
    expect(await hasDemo(db)).toBe(true);

    const homes: Record<string, Awaited<ReturnType<typeof homeFor>>> = {};
    for (const [key, email] of Object.entries(demoAccounts)) {
      const result = await logIn({
        ctx: { db, actor: null, now },
        input: { email, password: DEMO_PASSWORD, clientAddress: "demo" },
      });
      if (!result.ok) throw new Error(`${email}: ${result.reason}`);
      homes[key] = await homeFor({ db, actor: await actorFor(email), now });
    }

    expect(homes.apprentice?.training?.apprenticeships).toEqual([
      expect.objectContaining({ companyName: "Tischlerei Krüger", occupationName: "Tischler/-in", trainingYear: 2 }),
    ]);
    // Her home leads to this week's Berichtsheft and names the returned and the missing week.
    expect(homes.apprentice?.record).toMatchObject({ returned: 1 });
    expect(homes.apprentice?.record?.missing).toBeGreaterThanOrEqual(1);
    // One week of Lena and one of Jonas wait for Thomas.
    expect(homes.trainer?.teams[0]?.records).toMatchObject({ waiting: 2, reviews: true });
    const team = homes.trainer?.teams[0]?.apprentices ?? [];
    expect(team.map((a) => a.trainingYear).sort()).toEqual([1, 2, 3]);
    expect(homes.trainerElectrical?.teams[0]?.apprentices).toHaveLength(1);
    const mixedClass = homes.teacher?.classes[0]?.classes.find((c) => c.companyCount === 2);
    expect(mixedClass?.students.map((s) => s.companyName).sort()).toEqual([
      "Elektro Neumann GmbH",
      "Tischlerei Krüger",
    ]);
    expect(homes.admin?.administration[0]?.members.length).toBe(5);
    // Lena has work from her trainer and her teacher: one overdue (first), one done, the rest open.
    const tasks = homes.apprentice?.assignments ?? [];
    expect(tasks[0]?.status).toBe("overdue");
    expect(tasks.map((a) => a.status).sort()).toEqual(["done", "inProgress", "open", "overdue"]);
    expect(tasks.map((a) => a.organizationName)).toContain("Berufsbildende Schule Altmark");
    // Thomas's home says who is behind: Lena, with the quiz.
    expect(homes.trainer?.teams[0]?.overdue).toEqual({ apprentices: 1, assignments: 1 });
    expect(homes.teacher?.classes[0]?.overdue).toEqual({ apprentices: 0, assignments: 0 });
  });

  test("Lena's and Jonas's Berichtshefte show every state of a week at once", async () => {
    const today = todayInGermany(now);
    const thomas = await actorFor(demoAccounts.trainer);
    const contracts = await selectRows<{ id: string; name: string; startsOn: string; lastDay: string }>(
      db,
      sql`select ap.id, u.name, ap.starts_on::text as "startsOn", ap.planned_end_on::text as "lastDay"
        from apprenticeships ap join users u on u.id = ap.apprentice_id
        where u.name in ('Lena Schulz', 'Jonas Becker') order by u.name`,
    );
    expect(contracts.map((c) => c.name)).toEqual(["Jonas Becker", "Lena Schulz"]);
    const counts = await recordCounts({ db, actor: thomas, now });

    for (const contract of contracts) {
      const weeks = await db
        .select()
        .from(recordWeeks)
        .where(eq(recordWeeks.apprenticeshipId, contract.id))
        .orderBy(asc(recordWeeks.weekStart));
      const due = dueWeeks(contract.startsOn, contract.lastDay, today);
      const byState = (state: string, returned = false) =>
        weeks.filter((w) => w.status === state && (w.returnComment !== null) === returned).map((w) => w.weekStart);

      // Exactly one ended week has no sheet, somewhere in the middle.
      const missing = due.filter((monday) => !weeks.some((w) => w.weekStart === monday));
      expect(missing, contract.name).toHaveLength(1);
      const [gap = ""] = missing;
      expect(gap > (due[0] as string) && gap < (due.at(-3) as string)).toBe(true);
      // The last ended week waits for Thomas, the running week is a draft.
      expect(byState("submitted")).toEqual([due.at(-1)]);
      expect(byState("draft")).toEqual([mondayOf(today)]);
      // One week came back with Thomas's comment, which its history keeps.
      const returned = weeks.filter((w) => w.status === "draft" && w.returnComment);
      expect(returned).toHaveLength(1);
      const [event] = await db
        .select()
        .from(recordEvents)
        .where(and(eq(recordEvents.weekId, returned[0]?.id as string), eq(recordEvents.action, "returned")));
      expect(event).toMatchObject({ actorName: "Thomas Krüger", comment: returned[0]?.returnComment });
      // Every other ended week is approved by Thomas, and the chain verifies.
      const approved = weeks.filter((w) => w.status === "approved");
      expect(approved).toHaveLength(due.length - 3);
      expect(approved.every((w) => w.approvedBy === thomas.id)).toBe(true);
      expect(await firstBrokenWeek(db, contract.id)).toEqual({ approvals: approved.length, broken: null });
      // Thomas's home counts the same: one waiting, one returned, one missing (the week without a sheet).
      expect(counts.find((c) => c.apprenticeshipId === contract.id)).toMatchObject({
        waiting: 1,
        returned: 1,
        missing: 1,
      });
      // Hours as a minor may work them: at most 8 a day and 40 a week (JArbSchG § 8).
      const totals = weeks.map((w) => weekTotals(w.content));
      expect(totals.filter((t) => t.week > 40 || t.perDay.some((hours) => hours > 8))).toEqual([]);
      // No two weeks in a row read the same.
      const text = (w: (typeof weeks)[number]) => w.content.lines.map((l) => l.text).join("|");
      const repeated = weeks.filter((w, i) => i > 0 && text(w) !== "" && text(w) === text(weeks[i - 1] as typeof w));
      expect(repeated).toEqual([]);
    }

    // Lena's record shows every kind of day: company, school, ÜLU, leave, sickness and public holidays.
    const lena = contracts.find((c) => c.name === "Lena Schulz");
    const places = await selectRows<{ place: string }>(
      db,
      sql`select distinct d->>'place' as place from record_weeks w, jsonb_array_elements(w.content->'days') d
        where w.apprenticeship_id = ${lena?.id} and d->>'place' is not null order by 1`,
    );
    expect(places.map((p) => p.place)).toEqual(["absent", "company", "holiday", "school", "sick", "ulu", "vacation"]);
    // Each of the three sections has lines throughout the record.
    const [sections] = await selectRows<{ company: number; instruction: number; school: number }>(
      db,
      sql`select count(*) filter (where l->>'section' = 'company')::int as company,
          count(*) filter (where l->>'section' = 'instruction')::int as instruction,
          count(*) filter (where l->>'section' = 'school')::int as school
        from record_weeks w, jsonb_array_elements(w.content->'lines') l where w.apprenticeship_id = ${lena?.id}`,
    );
    expect(sections?.company).toBeGreaterThan(50);
    expect(sections?.instruction).toBeGreaterThan(10);
    expect(sections?.school).toBeGreaterThan(50);
  });
});
