// npm run content:import -- [--dir PATH] [--dry-run] [--json]
// Validates the course library and writes it into the configured database (see docs/content-format.md).
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase } from "#db/client.server.ts";
import { importLibrary } from "#app/modules/library/import-library.server.ts";
import { appDatabase } from "#app/utils/db.server.ts";

function progressBar(done: number, total: number, label: string): void {
  const width = 24;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(
    `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total} ${label.padEnd(32).slice(0, 32)}`,
  );
  if (done === total) process.stderr.write("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: "string", default: "content" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const dir = path.resolve(values.dir ?? "content");
  const dryRun = values["dry-run"] === true;
  const showBar = !values.json && process.stderr.isTTY;
  const db = dryRun ? null : (await appDatabase()).db;
  const summary = await importLibrary(db, dir, { onProgress: showBar ? progressBar : undefined });

  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    for (const e of summary.errors) console.error(`${e.file}:${e.line}: ${e.message}`);
    const counts = `${summary.courses} Kurse, ${summary.modules} Module, ${summary.lessons} Lektionen, ${summary.quizzes} Quizze, ${summary.questions} Fragen`;
    if (summary.errors.length > 0)
      console.error(`${summary.errors.length} Fehler – nichts wurde geändert. (${counts})`);
    else
      console.log(
        dryRun ? `Geprüft, alles in Ordnung: ${counts}. (Probelauf, nichts geschrieben)` : `Importiert: ${counts}.`,
      );
  }
  return summary.errors.length > 0 ? 1 : 0;
}

const code = await main().finally(closeDatabase);
process.exit(code);
