/**
 * The access decision for every route, handler and intent, for every kind of visitor. Routes,
 * handlers and intents are discovered (tests/setup/route-inventory.ts); one without a decision in
 * tests/setup/route-decisions-*.ts fails the first tests, so nothing new goes live unreviewed.
 * Whatever answers 2xx must not carry another organisation's names or titles.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { sessionCookieFor } from "#tests/factories/index.ts";
import {
  classTies,
  createAccessWorld,
  homeOf,
  type OrgKey,
  type PersonKey,
  secretsOf,
} from "#tests/setup/access-world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";
import { decisionParts } from "#tests/setup/route-decisions.ts";
import type { Case, Decisions, Visitor } from "#tests/setup/route-expectations.ts";
import { filesUnderRoutes, matchPattern, type RouteFunction, routeInventory } from "#tests/setup/route-inventory.ts";

const { db } = await openTestDatabase();
const world = await createAccessWorld(db);
const inventory = await routeInventory();
const decisions: Decisions = Object.assign({}, ...decisionParts);
const people = Object.keys(world.people) as PersonKey[];
const visitors: Visitor[] = ["anonymous", ...people];
const orgKeys: OrgKey[] = ["company", "otherCompany", "school", "otherSchool", "centre"];

const key = (file: string, handler: string, intent = "") => `${file} ${handler}${intent ? ` ${intent}` : ""}`;

test("every file under app/routes is a route, or belongs to a folder route", () => {
  const routeFolders = inventory.filter((r) => /(^|\/)route\.tsx?$/.test(r.file)).map((r) => path.dirname(r.file));
  const stray = filesUnderRoutes().filter(
    (file) => !inventory.some((r) => r.file === file) && !routeFolders.some((folder) => file.startsWith(`${folder}/`)),
  );
  expect(stray).toEqual([]);
  expect(inventory.length).toBeGreaterThan(0);
});

test("every route, handler and intent has a decision, and every decision a route", () => {
  expect(decisionParts.flatMap(Object.keys).length, "a route decided in two files").toBe(Object.keys(decisions).length);
  const required = inventory.flatMap((r) =>
    r.handlers.flatMap((h) => (h === "loader" ? [key(r.file, h)] : r.intents.map((i) => key(r.file, h, i)))),
  );
  const decided = Object.entries(decisions).flatMap(([file, cases]) =>
    cases.map((c) => key(file, c.handler, c.intent)),
  );
  expect(
    required.filter((k) => !decided.includes(k)),
    "undecided",
  ).toEqual([]);
  expect([...new Set(decided.filter((k) => !required.includes(k)))], "decisions for nothing").toEqual([]);
  // Every decision names every visitor, directly or through `everyone`.
  for (const [file, cases] of Object.entries(decisions)) {
    for (const c of cases) {
      const missing = visitors.filter((v) => c.expect[v] === undefined && c.expect.everyone === undefined);
      expect(missing, `${file}: ${c.name}`).toEqual([]);
    }
  }
});

test("every case's URL matches its route's pattern", () => {
  const mismatched = Object.entries(decisions).flatMap(([file, cases]) => {
    const route = inventory.find((r) => r.file === file);
    return cases.filter((c) => !route || !matchPattern(route.pattern, c.path(world))).map((c) => `${file}: ${c.name}`);
  });
  expect(mismatched).toEqual([]);
});

/** What the visitor must not find in a 2xx answer: every outside organisation's titles, and its names unless tied by a class. */
function forbiddenFor(visitor: Visitor, shown: string[]): string[] {
  const home = visitor === "anonymous" ? null : homeOf[visitor];
  const ties = visitor === "anonymous" ? [] : classTies(visitor);
  return orgKeys
    .filter((org) => org !== home)
    .flatMap((org) => {
      const secrets = secretsOf(world, org);
      return ties.includes(org) ? secrets.titles : [...secrets.titles, ...secrets.names];
    })
    .filter((secret) => !shown.includes(secret));
}

async function visit(file: string, routeCase: Case, visitor: Visitor) {
  const route = inventory.find((r) => r.file === file);
  if (!route) throw new Error(`no route ${file}`);
  const module = await route.load();
  const fn = module[routeCase.handler];
  expect(fn, `${file} ${routeCase.handler}`).toBeTypeOf("function");
  const url = routeCase.path(world);
  const cookie = visitor === "anonymous" ? undefined : await sessionCookieFor(db, world.people[visitor].id);
  return callRoute(fn as RouteFunction as Parameters<typeof callRoute>[0], {
    path: url,
    method: routeCase.handler === "loader" ? "GET" : "POST",
    cookie,
    params: matchPattern(route.pattern, url) ?? {},
    form: await routeCase.form?.(world),
    multipart: routeCase.multipart?.(world),
  });
}

describe.each(Object.entries(decisions))("%s", (file, cases) => {
  test.each(cases.map((c) => [`${c.handler}${c.intent ? ` ${c.intent}` : ""}: ${c.name}`, c] as const))(
    "%s",
    async (_name, routeCase) => {
      const actual: Partial<Record<Visitor, number>> = {};
      const expected: Partial<Record<Visitor, number>> = {};
      const leaks: string[] = [];
      for (const visitor of visitors) {
        const result = await visit(file, routeCase, visitor);
        actual[visitor] = result.status;
        expected[visitor] = routeCase.expect[visitor] ?? routeCase.expect.everyone;
        if (result.status >= 200 && result.status < 300) {
          const body = typeof result.data === "string" ? result.data : JSON.stringify(result.data);
          const shown = routeCase.shows?.(world) ?? [];
          for (const secret of forbiddenFor(visitor, shown))
            if (body.includes(secret)) leaks.push(`${visitor}: ${secret}`);
        }
      }
      expect(actual).toEqual(expected);
      expect(leaks, "another organisation's names or titles in a 2xx answer").toEqual([]);
    },
  );
});
