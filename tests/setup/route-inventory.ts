/**
 * Every route of the app with its handlers and the intents its action understands, found the way
 * Remix finds them (flat files and folder routes with route.tsx, at any depth), so a new route,
 * handler or intent shows up here without anyone listing it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import type { z } from "zod";

export type Handler = "loader" | "action";
/** The decision for an action without intents. */
export const NO_INTENT = "";
/** The decision for an intent the action does not know (or, without a schema, its fallback branch). */
export const UNKNOWN_INTENT = "(unknown)";

export type RouteEntry = {
  /** The file under app/routes, e.g. "orgs.$orgId.team.tsx" or "reports/route.tsx". */
  file: string;
  /** The URL pattern, e.g. "/orgs/:orgId/team". */
  pattern: string;
  handlers: Handler[];
  /** Intents of the action: NO_INTENT alone, or the known intents plus UNKNOWN_INTENT. */
  intents: string[];
  /** Form fields the action's zod schemas name (for the hostile-forms test). */
  fields: string[];
  load: () => Promise<RouteModule>;
};

export type RouteFunction = (args: {
  request: Request;
  params: Record<string, string | undefined>;
  context: never;
}) => unknown;
export type RouteModule = { loader?: unknown; action?: unknown };

const appDirectory = "app";
const routesDirectory = path.join(appDirectory, "routes");
const importRoute = (file: string) =>
  import(/* @vite-ignore */ path.resolve(routesDirectory, file)) as Promise<RouteModule>;

/** Every .ts/.tsx file below app/routes, relative to it. */
export function filesUnderRoutes(dir = routesDirectory): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnderRoutes(full);
    return /\.tsx?$/.test(entry.name) ? [path.relative(routesDirectory, full)] : [];
  });
}

/** The intent values a zod field accepts: enums, literals, `name:target` tuples, regex alternatives. */
function intentValues(schema: z.ZodType | undefined): string[] {
  const def = schema?._zod.def as Record<string, unknown> | undefined;
  if (!def) return [];
  switch (def.type) {
    case "enum":
      return Object.values(def.entries as Record<string, string>);
    case "literal":
      return (def.values as unknown[]).map(String);
    case "default":
    case "optional":
    case "nullable":
      return intentValues(def.innerType as z.ZodType);
    case "pipe":
      return [...intentValues(def.in as z.ZodType), ...intentValues(def.out as z.ZodType)];
    case "tuple":
      return intentValues((def.items as z.ZodType[])[0]);
    case "string": {
      // ^(a|b|page:(\d+)|…)$: each top-level alternative, named by its leading word.
      const checks = (def.checks ?? []) as { _zod: { def: { pattern?: RegExp } } }[];
      return checks.flatMap((check) => {
        const source = check._zod.def.pattern?.source.replace(/^\^\(/, "").replace(/\)\$$/, "") ?? "";
        const alternatives: string[] = [];
        let depth = 0;
        let current = "";
        for (const char of source) {
          if (char === "(") depth++;
          if (char === ")") depth--;
          if (char === "|" && depth === 0) {
            alternatives.push(current);
            current = "";
          } else current += char;
        }
        alternatives.push(current);
        return alternatives.map((a) => /^[A-Za-z]+/.exec(a)?.[0] ?? "").filter(Boolean);
      });
    }
    default:
      return [];
  }
}

/** Names imported from app modules into the source: `import { A, B as C } from "#app/…"`. */
function importsOf(source: string): { names: string[]; from: string }[] {
  return [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(#app\/[^"]+)"/g)].map((match) => ({
    names: (match[1] ?? "")
      .split(",")
      .map(
        (name) =>
          name
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0] ?? "",
      )
      .filter(Boolean),
    from: match[2] ?? "",
  }));
}

const onDisk = (importPath: string) => path.resolve(importPath.replace(/^#app\//, `${appDirectory}/`));
const sourceOf = (importPath: string) => readFileSync(onDisk(importPath), "utf8");

/**
 * The intents an action understands: the `intent` field of every zod schema the route imports,
 * the values it compares `get("intent")` with, and the `name="intent"` buttons and hidden fields
 * of the route and the components it renders.
 */
async function formOf(file: string): Promise<{ intents: string[]; fields: string[] }> {
  const source = readFileSync(path.join(routesDirectory, file), "utf8");
  const found = new Set<string>();
  const fields = new Set<string>();
  for (const { names, from } of importsOf(source)) {
    if (from.includes("/components/")) {
      for (const m of sourceOf(from).matchAll(/name="intent"\s+value=(?:"|\{`)([A-Za-z]+)/g)) found.add(m[1] ?? "");
      continue;
    }
    if (!names.some((name) => name.endsWith("Schema"))) continue;
    const exports = (await import(/* @vite-ignore */ onDisk(from))) as Record<string, unknown>;
    for (const name of names) {
      const shape = (exports[name] as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
      if (shape && typeof shape === "object") for (const field of Object.keys(shape)) fields.add(field);
      if (shape && typeof shape === "object" && "intent" in shape)
        for (const v of intentValues(shape.intent)) found.add(v);
    }
  }
  for (const m of source.matchAll(/get\("intent"\)\s*===\s*"([A-Za-z]+)"/g)) found.add(m[1] ?? "");
  for (const m of source.matchAll(/name="intent"\s+value=(?:"|\{`)([A-Za-z]+)/g)) found.add(m[1] ?? "");
  found.delete("");
  return {
    intents: found.size === 0 ? [NO_INTENT] : [...[...found].sort(), UNKNOWN_INTENT],
    fields: [...fields].sort(),
  };
}

/** The app's routes as Remix builds them from app/routes, with handlers and intents. */
export async function routeInventory(): Promise<RouteEntry[]> {
  const manifest = flatRoutes(appDirectory);
  const entries: RouteEntry[] = [];
  for (const route of Object.values(manifest)) {
    const file = path.relative("routes", route.file);
    const loadModule = () => importRoute(file);
    const module = await loadModule();
    const handlers = (["loader", "action"] as const).filter((h) => typeof module[h] === "function");
    const form = handlers.includes("action") ? await formOf(file) : { intents: [], fields: [] };
    entries.push({ file, pattern: `/${route.path ?? ""}`, handlers, ...form, load: loadModule });
  }
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}

/** The params of a path if it matches the route's pattern (":name" segments), else null. */
export function matchPattern(pattern: string, pathWithQuery: string): Record<string, string> | null {
  const pathname = pathWithQuery.split("?")[0] ?? "";
  const names: string[] = [];
  const regex = pattern
    .split("/")
    .map((segment) =>
      segment.replace(/:(\w+)|([^:]+)/g, (_, name: string | undefined, literal: string | undefined) => {
        if (name) {
          names.push(name);
          return "([^/]+)";
        }
        return (literal ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }),
    )
    .join("/");
  const match = new RegExp(`^${regex}$`).exec(pathname);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
}
