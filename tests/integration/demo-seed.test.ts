import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { openDatabase } from "#db/client.server.ts";
import { DEMO_PASSWORD, demoAccounts } from "#db/seed/demo-accounts.ts";
import { hasDemo, seedDemo } from "#db/seed/demo.server.ts";
import { seedDemoLearning } from "#db/seed/demo-learning.server.ts";
import { importLibrary } from "#app/modules/library/import-library.server.ts";
import path from "node:path";
import { users } from "#db/schema/index.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { logIn } from "#app/modules/auth/log-in.server.ts";
import { homeFor } from "#app/modules/home/home.server.ts";

// The demo goes into its own in-memory database: its fixed e-mail addresses would collide
// with other test files on a shared server database.
const { db, close } = await openDatabase({ inMemory: true });

describe("demo data", () => {
  test("every README login works and lands on a home with real content", async () => {
    const now = new Date("2026-11-27T09:00:00Z");
    await seedDemo(db, now);
    await importLibrary(db, path.resolve("content"));
    await seedDemoLearning(db, now);
    expect(await hasDemo(db)).toBe(true);

    const homes: Record<string, Awaited<ReturnType<typeof homeFor>>> = {};
    for (const [key, email] of Object.entries(demoAccounts)) {
      const result = await logIn({
        ctx: { db, actor: null, now },
        input: { email, password: DEMO_PASSWORD, clientAddress: "demo" },
      });
      if (!result.ok) throw new Error(`${email}: ${result.reason}`);
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      const actor = user && (await loadActor(db, user.id));
      if (!actor) throw new Error(`no actor for ${email}`);
      homes[key] = await homeFor({ db, actor, now });
    }

    expect(homes.apprentice?.training?.apprenticeships).toEqual([
      expect.objectContaining({ companyName: "Tischlerei Krüger", occupationName: "Tischler/-in", trainingYear: 2 }),
    ]);
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
    await close();
  });
});
