/**
 * `npm run records:verify` on the demo: every chain verifies; after an approved week's content
 * or an approval in the history is changed behind the app's back (triggers switched off, as an
 * attacker with database access could), it names that week and exits with 1. A changed week that
 * is reopened and approved again verifies once more.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { openDatabase } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import { recordWeeks, users } from "#db/schema/index.ts";
import { seedDemo } from "#db/seed/demo.server.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { reviewWeek } from "#app/modules/records/review-week.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import { main as recordsVerify, weekLabel } from "../../scripts/records-verify.ts";

// The demo's fixed e-mail addresses would collide with other files on a shared server database.
const { db, close } = await openDatabase({ inMemory: true });

async function run() {
  const lines: string[] = [];
  const code = await recordsVerify(db, (line) => lines.push(line));
  return { code, lines };
}

async function actor(email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const found = user && (await loadActor(db, user.id));
  if (!found) throw new Error(`no actor ${email}`);
  return found;
}

/** An approved week of the named apprentice, with its approval event. */
async function approvedWeek(name: string, monday: string) {
  const [week] = await selectRows<{ id: string; eventId: string }>(
    db,
    sql`select w.id, e.id as "eventId" from record_weeks w
      join apprenticeships ap on ap.id = w.apprenticeship_id join users u on u.id = ap.apprentice_id
      join record_events e on e.week_id = w.id and e.action = 'approved'
      where u.name = ${name} and w.week_start = ${monday} and w.status = 'approved'`,
  );
  if (!week) throw new Error(`no approved week ${monday} of ${name}`);
  return week;
}

describe("npm run records:verify", () => {
  test("passes on the demo and names the first changed week after tampering", async () => {
    await seedDemo(db, new Date("2026-11-27T09:00:00Z"));
    const [count] = await selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from record_weeks where status = 'approved'`,
    );

    const clean = await run();
    expect(clean.code).toBe(0);
    expect(clean.lines).toEqual([`Berichtshefte geprüft: 2 Ketten, ${count?.n} Freigaben, alle stimmen.`]);

    // Lena's approved week of 5 January 2026 gets another line, past the trigger that refuses it.
    const lena = await approvedWeek("Lena Schulz", "2026-01-05");
    await db.execute(sql`alter table record_weeks disable trigger record_weeks_keep_approved`);
    await db.execute(
      sql`update record_weeks set content = jsonb_set(content, '{lines}', content->'lines' || ${JSON.stringify([
        { section: "company", text: "Nachgetragen", hours: 1, day: null, source: null },
      ])}::jsonb) where id = ${lena.id}`,
    );
    await db.execute(sql`alter table record_weeks enable trigger record_weeks_keep_approved`);

    const tampered = await run();
    expect(tampered.code).toBe(1);
    expect(weekLabel("2026-01-05")).toBe("KW 2/2026 (05.01.2026)");
    expect(tampered.lines).toEqual([
      "Lena Schulz (Tischlerei Krüger): KW 2/2026 (05.01.2026): Inhalt wurde nach der Freigabe geändert.",
      `Berichtshefte geprüft: 2 Ketten, ${count?.n} Freigaben, 1 Kette stimmt nicht.`,
    ]);

    // The trigger is back: the app's own guard refuses the same change again.
    await expect(
      db.execute(sql`update record_weeks set content = '{"days":[],"lines":[]}'::jsonb where id = ${lena.id}`),
    ).rejects.toThrow();

    // A sealed snapshot in Jonas's history is changed too: its hash no longer matches.
    const jonas = await approvedWeek("Jonas Becker", "2026-09-14");
    await db.execute(sql`alter table record_events disable trigger record_events_append_only`);
    await db.execute(
      sql`update record_events set snapshot = jsonb_set(snapshot, '{approverName}', '"Jemand anderes"') where id = ${jonas.eventId}`,
    );
    await db.execute(sql`alter table record_events enable trigger record_events_append_only`);

    const both = await run();
    expect(both.code).toBe(1);
    expect(both.lines).toEqual([
      "Jonas Becker (Tischlerei Krüger): KW 38/2026 (14.09.2026): Prüfsumme der Freigabe stimmt nicht, der Verlauf wurde verändert.",
      "Lena Schulz (Tischlerei Krüger): KW 2/2026 (05.01.2026): Inhalt wurde nach der Freigabe geändert.",
      `Berichtshefte geprüft: 2 Ketten, ${count?.n} Freigaben, 2 Ketten stimmen nicht.`,
    ]);

    // What docs/operations.md advises for a changed week: Thomas reopens it with a reason, Lena
    // submits it again, Thomas approves it; the new link seals the week as it now stands.
    const later = new Date("2026-11-27T10:00:00Z");
    const [thomas, lenaActor] = await Promise.all([actor("ausbilder@example.com"), actor("azubi@example.com")]);
    const [row] = await db.select().from(recordWeeks).where(eq(recordWeeks.id, lena.id));
    if (!row) throw new Error("week gone");
    const at = { apprenticeshipId: row.apprenticeshipId, monday: row.weekStart };
    const reopened = await reviewWeek(
      { db, actor: thomas, now: later },
      { ...at, revision: row.revision, action: "reopen", comment: "Nachträglich geändert, bitte prüfen." },
    );
    expect(reopened).toEqual({ ok: true, changed: true });
    const saved = await saveWeek(
      { db, actor: lenaActor, now: later },
      { ...at, revision: row.revision + 1, content: row.content, accept: [], dismiss: [], submit: true },
    );
    if (!saved.ok) throw new Error(saved.reason);
    const approved = await reviewWeek(
      { db, actor: thomas, now: later },
      { ...at, revision: saved.revision, action: "approve", comment: "" },
    );
    expect(approved).toEqual({ ok: true, changed: true });
    const repaired = await run();
    expect(repaired.lines).toEqual([
      "Jonas Becker (Tischlerei Krüger): KW 38/2026 (14.09.2026): Prüfsumme der Freigabe stimmt nicht, der Verlauf wurde verändert.",
      `Berichtshefte geprüft: 2 Ketten, ${(count?.n ?? 0) + 1} Freigaben, 1 Kette stimmt nicht.`,
    ]);
    await close();
  });
});
