/** Access decisions: the operator's pages (organisations and their first invitations) and /reset. */
import { NO_INTENT, UNKNOWN_INTENT } from "./route-inventory.ts";
import { type Decisions, everyoneSignedIn } from "./route-expectations.ts";
import type { AccessWorld } from "./access-world.ts";

// Operators only; everyone else must not learn the pages exist (404), visitors log in first.
const operatorOnly = (ok: number) => ({ anonymous: 302, disabled: 302, operator: ok, everyone: 404 }) as const;
const organization = (w: AccessWorld) => `/operator/orgs/${w.operated.id}`;
/** The operator sees every organisation's name (never its people, courses or learning). */
const everyName = (w: AccessWorld) => [w.company, w.otherCompany, w.school, w.otherSchool, w.centre].map((o) => o.name);

export const operatorDecisions: Decisions = {
  "operator._index.tsx": [
    {
      name: "all organisations",
      handler: "loader",
      path: () => "/operator",
      shows: everyName,
      expect: operatorOnly(200),
    },
    {
      name: "searched",
      handler: "loader",
      path: (w) => `/operator?q=${encodeURIComponent(w.company.name)}`,
      shows: everyName,
      expect: operatorOnly(200),
    },
    {
      name: "create an organisation",
      handler: "action",
      intent: NO_INTENT,
      path: () => "/operator",
      form: () => ({
        kind: "company",
        name: `Neu ${crypto.randomUUID()}`,
        town: "Stendal",
        state: "ST",
        occupationIds: [],
      }),
      expect: operatorOnly(302),
    },
  ],
  "operator.orgs.$orgId.tsx": [
    { name: "an organisation", handler: "loader", path: organization, expect: operatorOnly(200) },
    {
      name: "an organisation with people",
      handler: "loader",
      path: (w) => `/operator/orgs/${w.company.id}`,
      shows: (w) => [w.company.name],
      expect: operatorOnly(200),
    },
    { name: "a malformed id", handler: "loader", path: () => "/operator/orgs/nope", expect: everyoneSignedIn(404) },
    {
      name: "an unknown id",
      handler: "loader",
      path: () => `/operator/orgs/${crypto.randomUUID()}`,
      expect: everyoneSignedIn(404),
    },
    {
      name: "first invitation",
      handler: "action",
      intent: "invite",
      path: organization,
      form: () => ({ intent: "invite", role: "admin", label: "Erste Verwaltung", validDays: "7" }),
      expect: operatorOnly(200),
    },
    {
      name: "rename (the form's intent, or any other)",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: organization,
      form: (w) => ({ intent: "update", name: w.operated.name, town: "Tangermünde", state: "ST", occupationIds: [] }),
      expect: operatorOnly(200),
    },
    {
      name: "deactivate",
      handler: "action",
      intent: "deactivate",
      path: organization,
      form: () => ({ intent: "deactivate" }),
      expect: operatorOnly(200),
    },
    {
      name: "reactivate",
      handler: "action",
      intent: "reactivate",
      path: organization,
      form: () => ({ intent: "reactivate" }),
      expect: operatorOnly(200),
    },
  ],
  // The test environment has no SMTP_URL: no form to ask for a link by mail.
  "reset._index.tsx": [
    { name: "form without SMTP", handler: "loader", path: () => "/reset", expect: { everyone: 404 } },
    {
      name: "ask for a link without SMTP",
      handler: "action",
      intent: NO_INTENT,
      path: () => "/reset",
      form: () => ({ email: "someone@example.test" }),
      expect: { everyone: 404 },
    },
  ],
  "reset.$code.tsx": [
    {
      name: "unknown code",
      handler: "loader",
      path: () => "/reset/AAAA-BBBB-CCCC-DDDD",
      expect: { everyone: 404 },
    },
    {
      name: "set a password with an unknown code",
      handler: "action",
      intent: NO_INTENT,
      path: () => "/reset/AAAA-BBBB-CCCC-DDDD",
      form: () => ({ password: "lang-genug-1234", confirmPassword: "lang-genug-1234" }),
      expect: { everyone: 404 },
    },
  ],
};
