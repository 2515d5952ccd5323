/** Access decisions: the Berichtsheft (the record's weeks, one week, its PDF, the landing page). */
import type { AccessWorld } from "./access-world.ts";
import { type Decisions, everyoneSignedIn, signedIn } from "./route-expectations.ts";
import { UNKNOWN_INTENT } from "./route-inventory.ts";

const none = { anonymous: 302, disabled: 302 } as const;
/**
 * Who opens the company apprentice's record: she herself, the company's trainer and admin, and
 * the teacher and admin of the school whose class she is in (the school part only). Nobody else
 * learns that it exists.
 */
const readers = (ok: number) => ({
  ...none,
  apprentice: ok,
  trainer: ok,
  admin: ok,
  teacher: ok,
  schoolAdmin: ok,
  everyone: 404,
});
/** The apprentice alone writes her week. */
const writer = (ok: number) => ({ ...none, apprentice: ok, everyone: 404 });
/** The company's trainer alone reviews (not its admin, not the apprentice, no school). */
const reviewer = (ok: number) => ({ ...none, trainer: ok, everyone: 404 });

const record = (w: AccessWorld) => `/records/${w.record.apprenticeshipId}`;
const thisWeek = (w: AccessWorld) => `${record(w)}/${w.record.thisWeek}`;
const lastWeek = (w: AccessWorld) => `${record(w)}/${w.record.lastWeek}`;
const emptyDays = { "day0.place": "company", "day0.hours": "8" };

export const recordDecisions: Decisions = {
  "records._index.tsx": [
    { name: "the Berichtsheft landing page", handler: "loader", path: () => "/records", expect: signedIn },
  ],
  "records.$apprenticeshipId.tsx": [
    { name: "the apprentice's record", handler: "loader", path: record, expect: readers(200) },
    { name: "a malformed record id", handler: "loader", path: () => "/records/nope", expect: everyoneSignedIn(404) },
  ],
  "records.$apprenticeshipId_.$week.tsx": [
    { name: "this week of the record", handler: "loader", path: thisWeek, expect: readers(200) },
    {
      name: "a week that is no week",
      handler: "loader",
      path: (w) => `${record(w)}/2026-W99`,
      expect: everyoneSignedIn(404),
    },
    {
      name: "a week before the apprenticeship",
      handler: "loader",
      path: (w) => `${record(w)}/1999-W10`,
      expect: everyoneSignedIn(404),
    },
    {
      name: "saving this week",
      handler: "action",
      intent: "save",
      path: thisWeek,
      form: async (w) => ({ intent: "save", revision: await w.record.revision(), ...emptyDays }),
      expect: writer(302),
    },
    {
      name: "autosaving this week",
      handler: "action",
      intent: "autosave",
      path: thisWeek,
      form: async (w) => ({ intent: "autosave", revision: await w.record.revision(), ...emptyDays }),
      expect: writer(200),
    },
    {
      name: "submitting last week again (it is submitted: the same tap counts once)",
      handler: "action",
      intent: "submit",
      path: lastWeek,
      // The very form the world submitted (all fields empty), a second time.
      form: () => ({ intent: "submit", revision: "0" }),
      expect: writer(302),
    },
    ...(["approve", "approveNext", "return", "reopen"] as const).map((intent) => ({
      name: `${intent} on a version nobody read (stale: the page says so)`,
      handler: "action" as const,
      intent,
      path: lastWeek,
      form: () => ({ intent, revision: "999", comment: "Bitte ergänzen." }),
      expect: reviewer(200),
    })),
    {
      name: "an unknown form",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: thisWeek,
      form: () => ({ intent: "sign", revision: "0" }),
      expect: everyoneSignedIn(404),
    },
  ],
  "records.$apprenticeshipId_.export[.pdf].ts": [
    // A school sees no PDF: it would hold the company's part.
    {
      name: "the record as PDF",
      handler: "loader",
      path: (w) => `${record(w)}/export.pdf`,
      expect: { ...none, apprentice: 200, trainer: 200, admin: 200, everyone: 404 },
    },
  ],
};
