// npm run records:verify
// Checks the approval chain of every Berichtsheft: each approval's hash must match its sealed
// sheet and the approval before it, and every approved week must still hold what was sealed.
// Names the first week that no longer matches, per apprenticeship. Exit code 0: all verify;
// 1: at least one chain does not.
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { closeDatabase, type Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import type { ChainFault } from "#app/modules/records/chain.server.ts";
import { verifyRecords } from "#app/modules/records/verify.server.ts";
import { isoWeekOf } from "#app/modules/records/week-dates.ts";
import { appDatabase } from "#app/utils/db.server.ts";

const REASONS: Record<ChainFault, string> = {
  contentChanged: "Inhalt wurde nach der Freigabe geändert",
  unsealed: "Freigabe wurde ohne Wiederöffnung entfernt",
  hashMismatch: "Prüfsumme der Freigabe stimmt nicht, der Verlauf wurde verändert",
  brokenLink: "Kette unterbrochen: der Verweis auf die vorige Freigabe stimmt nicht",
  gap: "In der Kette fehlt eine Freigabe",
};

/** "KW 49/2026 (30.11.2026)": the calendar week and its Monday, as on the sheet. */
export function weekLabel(monday: string): string {
  const { year, week } = isoWeekOf(monday);
  const [y, m, d] = monday.split("-");
  return `KW ${week}/${year} (${d}.${m}.${y})`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Returns the exit code; `print` gets every line a person reads. */
export async function main(db: Database, print: (line: string) => void = console.log): Promise<number> {
  const results = await verifyRecords(db);
  const approvals = results.reduce((sum, r) => sum + r.result.approvals, 0);
  // Per apprenticeship, its earliest failing week (an imported record can bring a second chain).
  const firstFault = new Map<string, { weekStart: string; reason: ChainFault }>();
  for (const { apprenticeshipId, result } of results) {
    if (result.ok) continue;
    const known = firstFault.get(apprenticeshipId);
    if (!known || result.weekStart < known.weekStart) firstFault.set(apprenticeshipId, result);
  }
  const broken = results.filter((r) => !r.result.ok).length;
  if (firstFault.size > 0) {
    const ids = [...firstFault.keys()];
    const people = await selectRows<{ id: string; name: string; companyName: string }>(
      db,
      sql`select ap.id, u.name, org.name as "companyName" from apprenticeships ap
        join users u on u.id = ap.apprentice_id join organizations org on org.id = ap.company_id
        where ap.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by u.name, org.name, ap.id`,
    );
    for (const person of people) {
      const fault = firstFault.get(person.id);
      if (!fault) continue;
      print(`${person.name} (${person.companyName}): ${weekLabel(fault.weekStart)}: ${REASONS[fault.reason]}.`);
    }
  }
  const checked = `Berichtshefte geprüft: ${plural(results.length, "Kette", "Ketten")}, ${plural(approvals, "Freigabe", "Freigaben")}`;
  print(
    broken === 0
      ? `${checked}, alle stimmen.`
      : `${checked}, ${broken === 1 ? "1 Kette stimmt" : `${broken} Ketten stimmen`} nicht.`,
  );
  return broken === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await appDatabase()
    .then(({ db }) => main(db))
    .finally(closeDatabase);
  process.exit(code);
}
