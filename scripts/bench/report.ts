import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import type { JsReport } from "./js-size.ts";
import { kib, lessonBudgetKiB } from "./js-size.ts";
import type { LoadOptions, LoadResult } from "./load.ts";
import type { RenderResult, TypicalLesson } from "./render.ts";
import type { SeedReport } from "./seed-large.ts";

export type Row = { page: string; result: LoadResult | { requestsPerSec: number } };

export function machine(): string {
  const cpus = os.cpus();
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
  // Other processes on the machine lower every figure; the load average says whether there were any.
  const load = os.loadavg()[0] ?? 0;
  const busy = load > cpus.length / 2 ? " — the machine was busy: these figures are not reliable, run again" : "";
  return `${cpus[0]?.model.trim()}, ${cpus.length} cores, ${ram} GiB RAM, Node ${process.version}, load average ${load.toFixed(2)} at the start${busy}`;
}

// autocannon measures latency in whole milliseconds.
const ms = (value: number) => (value < 1 ? "<1" : String(Math.round(value)));
const whole = (value: number) => Math.round(value).toLocaleString("en-US");
const ratio = (value: number) => value.toPrecision(2);

type Column = { title: string; right?: boolean };

/** A Markdown table padded the way Biome formats it, so `biome check` passes on the written file. */
function markdownTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const pad = (cell: string, i: number) =>
    columns[i]?.right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  const line = (cells: string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = columns.map((c, i) => (c.right ? `${"-".repeat((widths[i] ?? 1) - 1)}:` : "-".repeat(widths[i] ?? 1)));
  return [line(columns.map((c) => c.title)), `| ${rule.join(" | ")} |`, ...rows.map(line)].join("\n");
}

export function loadTable(rows: Row[], ceiling: number): string {
  const columns = ["page", "req/s", "p50 ms", "p97.5 ms", "p99 ms", "× hello-world"].map((title, i) => ({
    title,
    right: i > 0,
  }));
  return markdownTable(
    columns,
    rows.map(({ page, result }) => [
      page,
      whole(result.requestsPerSec),
      ...("p50" in result ? [result.p50, result.p975, result.p99].map(ms) : ["–", "–", "–"]),
      ratio(result.requestsPerSec / ceiling),
    ]),
  );
}

/**
 * The naive page does the lesson page's work plus one render per request; on a saturated
 * single-threaded server, times per request add up.
 */
export function naiveEstimate(lessonRps: number, render: RenderResult): number {
  return 1 / (1 / lessonRps + render.microsPerRender / 1e6);
}

export function renderText(lesson: TypicalLesson, render: RenderResult, trivialRps: number): string {
  const budgetMicros = 1e6 / trivialRps;
  return [
    `Rendering per request, measured in-process: renderLessonHtml on "${lesson.title}" (the library lesson of median size,`,
    `${kib(lesson.jsonBytes)} KiB JSON → ${kib(render.htmlBytes)} KiB HTML), JSON.parse included: ${whole(render.rendersPerSec)} renders/s,`,
    `${Math.round(render.microsPerRender)} µs per render = ${Math.round((render.microsPerRender / budgetMicros) * 100)} % of the`,
    `${Math.round(budgetMicros)} µs a request to the trivial page takes.`,
  ].join(" ");
}

export function jsTable(report: JsReport): string {
  const sets = [
    ["lesson (routes/lessons.$lessonId)", report.lesson],
    ["editor (routes/edit.lessons.$lessonId)", report.editor],
  ] as const;
  const table = markdownTable(
    [{ title: "page" }, { title: "gzipped JS, first visit", right: true }, { title: "chunks" }],
    sets.map(([label, set]) => [label, `${kib(set.bytes)} KiB`, set.files.map((f) => f.name).join(", ")]),
  );
  const found = report.editorCodeInLesson;
  return `${table}\n\nBudget for the lesson page: ${lessonBudgetKiB} KiB. tiptap/ProseMirror code among its chunks: ${found.length ? found.join(", ") : "none"}.`;
}

/** What the pages were measured on: rows per table and what the assignments' recipients stand at. */
export function dataSetText(seeded: SeedReport): string {
  const counts = Object.entries(seeded.counts)
    .map(([table, n]) => `${table} ${whole(n)}`)
    .join(", ");
  const s = seeded.assignmentStatus;
  const recipients = s
    ? ` Assignment recipients: ${whole(s.done ?? 0)} done, ${whole(s.overdue ?? 0)} overdue, ${whole(s.open ?? 0)} open, ${whole(s.withdrawn ?? 0)} withdrawn.`
    : "";
  return `Data set (seeded in ${seeded.seconds.toFixed(1)} s), rows per table: ${counts}.${recipients}`;
}

export function settings(options: LoadOptions, rounds: number): string {
  return [
    `autocannon, ${options.connections} connections, ${options.seconds} s per page after ${options.warmupSeconds} s of warm-up,`,
    `browser-like headers (gzip/br accepted); app pages in ${rounds} round${rounds === 1 ? "" : "s"} taking turns, the median round shown.`,
  ].join(" ");
}

const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";

/** Replaces the figures between the markers; the prose around them is written by hand. */
export function writeFigures(file: string, figures: string): void {
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the ${start} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${figures}\n${text.slice(to)}`);
}
