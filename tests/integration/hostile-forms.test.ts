/**
 * Every form of every page (each action × intent the route inventory finds), posted with hostile
 * values (tests/setup/hostile-values.ts) by the people who may use it and by each kind of visitor,
 * and with bodies of the wrong kind; every page's query string too. Nothing may answer 5xx: a
 * limit answers with a German 4xx (DESIGN.md, Conventions).
 */
import { describe, expect, test } from "vitest";
import { sessionCookieFor } from "#tests/factories/index.ts";
import { createAccessWorld } from "#tests/setup/access-world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { hostileTexts, hostileValues, oddBodies, sampleForRoles } from "#tests/setup/hostile-values.ts";
import { callRoute } from "#tests/setup/route-call.ts";
import { decisionParts } from "#tests/setup/route-decisions.ts";
import type { Case, Visitor } from "#tests/setup/route-expectations.ts";
import { matchPattern, NO_INTENT, type RouteEntry, routeInventory } from "#tests/setup/route-inventory.ts";

const { db } = await openTestDatabase();
const world = await createAccessWorld(db);
const inventory = await routeInventory();
const decisions: Record<string, Case[]> = Object.assign({}, ...decisionParts);
/** The demo's kinds of visitor. */
const roles: Visitor[] = ["anonymous", "apprentice", "trainer", "admin", "teacher", "schoolAdmin", "centreTrainer"];
/** Answer fields of the attempt's questions, which no schema names (q<slot>, q<slot>.<row>). */
const extraFields: Record<string, string[]> = { "attempts.$attemptId.tsx": ["q1", "q2", "q1.0"] };

type Form = Record<string, string | string[]>;
type Target = { route: RouteEntry; intent: string; base: Case; insider: Visitor };

const expected = (c: Case, v: Visitor) => c.expect[v] ?? c.expect.everyone ?? 0;
/** Someone the decision lets through (below 400), so the form gets past the rights check. */
const insiderOf = (c: Case): Visitor =>
  (["anonymous", ...Object.keys(world.people)] as Visitor[]).find((v) => v !== "anonymous" && expected(c, v) < 400) ??
  (expected(c, "anonymous") < 400 ? "anonymous" : "trainer");

const targets: Target[] = inventory.flatMap((route) =>
  route.intents.flatMap((intent) => {
    const cases = (decisions[route.file] ?? []).filter(
      (c) => c.handler === "action" && (c.intent ?? NO_INTENT) === intent,
    );
    const base = cases.find((c) => expected(c, insiderOf(c)) < 400) ?? cases[0];
    return base ? [{ route, intent, base, insider: insiderOf(base) }] : [];
  }),
);

const cookies = new Map<Visitor, string>();
/** One session per visitor; a fresh one where the action ends it. */
async function cookieOf(visitor: Exclude<Visitor, "anonymous">, fresh: boolean): Promise<string> {
  const cached = cookies.get(visitor);
  if (cached && !fresh) return cached;
  const cookie = await sessionCookieFor(db, world.people[visitor].id);
  if (!fresh) cookies.set(visitor, cookie);
  return cookie;
}

type Post = { form?: Form; multipart?: Record<string, string | Blob>; body?: BodyInit; type?: string; query?: string };

/** The status, or 500 with the message when the handler throws something that is not an answer. */
async function send(route: RouteEntry, c: Case, visitor: Visitor, post: Post): Promise<string | null> {
  const module = await route.load();
  const fn = module[c.handler] as Parameters<typeof callRoute>[0];
  const url = c.path(world) + (post.query ?? "");
  const cookie = visitor === "anonymous" ? undefined : await cookieOf(visitor, route.file === "logout.ts");
  try {
    const result = await callRoute(fn, {
      path: url,
      method: c.handler === "loader" ? "GET" : "POST",
      cookie,
      params: matchPattern(route.pattern, url) ?? {},
      form: post.form,
      multipart: post.multipart,
      body: post.body,
      headers: post.type ? { "content-type": post.type } : undefined,
    });
    return result.status >= 500 ? `${result.status}` : null;
  } catch (error) {
    return `thrown ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : String(error)}`;
  }
}

/** The base form with `fields` set to `value` (multipart forms stay multipart). */
async function withValue(t: Target, fields: string[], value: string): Promise<Post> {
  const change = <T>(form: Record<string, T>) => ({ ...form, ...Object.fromEntries(fields.map((f) => [f, value])) });
  if (t.base.multipart) return { multipart: change(t.base.multipart(world)) };
  return { form: change((await t.base.form?.(world)) ?? {}) };
}

function fieldsOf(t: Target, form: Record<string, unknown>): string[] {
  return [...new Set([...t.route.fields, ...Object.keys(form), ...(extraFields[t.route.file] ?? [])])];
}

const label = (t: Target) => `${t.route.file} ${t.intent || "(action)"}`;

describe("actions", () => {
  // Forms refused before their fields are read (an unknown intent) get the other two passes only.
  // Texts go into every field the schemas name; wrong types and dates into the fields the form sends
  // and every date field (`…On`).
  const reachable = targets.filter((t) => expected(t.base, t.insider) < 400);
  test.each(reachable.map((t) => [label(t), t] as const))(
    "%s: each field, each hostile value, as the insider",
    async (_n, t) => {
      const failures: string[] = [];
      const sent = (await t.base.form?.(world)) ?? t.base.multipart?.(world) ?? {};
      for (const field of fieldsOf(t, sent)) {
        for (const [name, value] of Object.entries(field in sent || /On$/.test(field) ? hostileValues : hostileTexts)) {
          const failed = await send(t.route, t.base, t.insider, await withValue(t, [field], value));
          if (failed) failures.push(`${field}=${name} as ${t.insider}: ${failed}`);
        }
      }
      expect(failures.join("\n"), "5xx answers").toBe("");
    },
  );

  test.each(targets.map((t) => [label(t), t] as const))(
    "%s: every field hostile at once, as each role",
    async (_n, t) => {
      const failures: string[] = [];
      const fields = fieldsOf(t, (await t.base.form?.(world)) ?? t.base.multipart?.(world) ?? {});
      for (const role of roles) {
        for (const name of sampleForRoles) {
          const failed = await send(t.route, t.base, role, await withValue(t, fields, hostileValues[name] ?? ""));
          if (failed) failures.push(`all fields=${name} as ${role}: ${failed}`);
        }
      }
      expect(failures.join("\n"), "5xx answers").toBe("");
    },
  );

  test.each(targets.map((t) => [label(t), t] as const))("%s: bodies of the wrong kind", async (_n, t) => {
    const failures: string[] = [];
    const form = (await t.base.form?.(world)) ?? t.base.multipart?.(world) ?? {};
    for (const odd of oddBodies(form)) {
      const failed = await send(t.route, t.base, t.insider, { body: odd.body, type: odd.type });
      if (failed) failures.push(`${odd.name} as ${t.insider}: ${failed}`);
    }
    expect(failures.join("\n"), "5xx answers").toBe("");
  });
});

const pages = Object.entries(decisions).flatMap(([file, cases]) => {
  const route = inventory.find((r) => r.file === file);
  // One page per route, as someone who may open it.
  const c = cases.find((k) => k.handler === "loader" && expected(k, insiderOf(k)) < 400);
  return route && c ? [{ route, c }] : [];
});
const queryNames = ["q", "page", "class", "status", "year", "occupation", "code", "apprentice", "redirectTo", "notice"];

describe("pages", () => {
  test.each(pages.map((p) => [`${p.route.file}: ${p.c.name}`, p] as const))(
    "%s: hostile query strings",
    async (_n, p) => {
      const failures: string[] = [];
      const visitor = insiderOf(p.c);
      for (const [name, value] of Object.entries(hostileValues)) {
        const params = new URLSearchParams(queryNames.map((q) => [q, value.slice(0, 100_000)]));
        const query = `${p.c.path(world).includes("?") ? "&" : "?"}${params}`;
        const failed = await send(p.route, p.c, visitor, { query });
        if (failed) failures.push(`?…=${name} as ${visitor}: ${failed}`);
      }
      expect(failures.join("\n"), "5xx answers").toBe("");
    },
  );
});
