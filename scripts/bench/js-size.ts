// npm run bench:js — the gzipped JavaScript a first visit of the lesson page and of the lesson
// editor loads, from the Vite manifest of the last `remix vite:build`. Exits 1 over budget.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

type Chunk = { file: string; name?: string; imports?: string[] };
export type Chunkset = { route: string; bytes: number; files: { file: string; name: string; gzipBytes: number }[] };

export const lessonBudgetKiB = 100;
export const pages = {
  lesson: "app/routes/lessons.$lessonId.tsx",
  editor: "app/routes/edit.lessons.$lessonId.tsx",
};
// Remix keys route modules in the client manifest with this suffix.
const routeKey = (file: string) => `${file}?__remix-build-client-route`;
const editorCode = /tiptap|prosemirror/i;

/**
 * Remix moves the client build's Vite manifest to build/.vite/client-manifest.json (kept only
 * because vite.config.ts sets build.manifest), out of the public folder.
 */
function readManifest(buildDir: string): Record<string, Chunk> {
  return JSON.parse(readFileSync(path.join(buildDir, ".vite", "client-manifest.json"), "utf8"));
}

/**
 * Entry client + root + route module and everything they import statically, each file once:
 * exactly the scripts Remix lists as modulepreload on a first visit. Dynamic imports load later,
 * if ever, so they do not count. Each file is gzipped on its own, as it is sent.
 */
export function routeChunks(buildDir: string, routeFile: string, preloaded: string[] = []): Chunkset {
  const manifest = readManifest(buildDir);
  const seen = new Map<string, Chunk>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the client manifest: was the app built?`);
    if (seen.has(chunk.file)) return;
    seen.set(chunk.file, chunk);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of ["app/entry.client.tsx", routeKey("app/root.tsx"), routeKey(routeFile), ...preloaded]) visit(key);
  const files = [...seen.values()].map((chunk) => ({
    file: chunk.file,
    name: chunk.name ?? chunk.file,
    gzipBytes: gzipSync(readFileSync(path.join(buildDir, "client", chunk.file))).length,
  }));
  return { route: routeFile, bytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), files };
}

/** Chunks that carry editor code, by name or by content (Vite may fold tiptap into a route chunk). */
export function editorChunks(buildDir: string, set: Chunkset): string[] {
  return set.files
    .filter(
      (f) => editorCode.test(f.file) || editorCode.test(readFileSync(path.join(buildDir, "client", f.file), "utf8")),
    )
    .map((f) => f.file);
}

export const kib = (bytes: number) => (bytes / 1024).toFixed(1);

export type JsReport = { lesson: Chunkset; editor: Chunkset; editorCodeInLesson: string[]; ok: boolean };

export function jsReport(buildDir = "build"): JsReport {
  const lesson = routeChunks(buildDir, pages.lesson);
  // Staff pages also load the staff texts before hydration (entry.client), so they count there.
  const editor = routeChunks(buildDir, pages.editor, ["app/i18n/de-staff.ts"]);
  const editorCodeInLesson = editorChunks(buildDir, lesson);
  const ok = lesson.bytes <= lessonBudgetKiB * 1024 && editorCodeInLesson.length === 0;
  return { lesson, editor, editorCodeInLesson, ok };
}

export function printJsReport(report: JsReport): void {
  for (const set of [report.lesson, report.editor]) {
    console.log(`${set.route}: ${kib(set.bytes)} KiB gzipped JS on a first visit`);
    for (const f of set.files) console.log(`  ${kib(f.gzipBytes).padStart(6)} KiB  ${f.name}  (${f.file})`);
  }
  const found = report.editorCodeInLesson;
  console.log(`tiptap/ProseMirror code in the lesson page's JS: ${found.length ? found.join(", ") : "none"}`);
  if (report.lesson.bytes > lessonBudgetKiB * 1024)
    console.error(`The lesson page ships more than ${lessonBudgetKiB} KiB gzipped JS.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const report = jsReport();
  printJsReport(report);
  process.exit(report.ok ? 0 : 1);
}
