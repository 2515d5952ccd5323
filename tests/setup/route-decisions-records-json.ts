/** Access decisions: the Berichtsheft as a JSON file, downloaded and taken in after a change of company. */
import { NO_INTENT } from "./route-inventory.ts";
import type { Decisions, Expectation } from "./route-expectations.ts";

const none = { anonymous: 302, disabled: 302 } as const;
const record = (id: string) => `/records/${id}`;

// The apprentice's own record goes with her; her company's trainer and admin may take it too.
// The class's teacher sees the school part only, so no whole record; everyone else must not learn
// it exists.
const exporters: Expectation = { ...none, apprentice: 200, trainer: 200, admin: 200, everyone: 404 };
// Taking a record in: only a trainer who reviews this record (not the admin, not the apprentice).
const importers = (ok: number): Expectation => ({ ...none, trainer: ok, everyone: 404 });

export const recordJsonDecisions: Decisions = {
  "records.$apprenticeshipId_.export[.json].ts": [
    {
      name: "the apprentice's whole record as JSON",
      handler: "loader",
      path: (w) => `${record(w.recordApprenticeshipId)}/export.json`,
      expect: exporters,
    },
    {
      name: "an apprenticeship that does not exist",
      handler: "loader",
      path: () => `${record("00000000-0000-4000-8000-000000000000")}/export.json`,
      expect: { ...none, everyone: 404 },
    },
  ],
  "records.$apprenticeshipId_.import.tsx": [
    {
      name: "the import page",
      handler: "loader",
      path: (w) => `${record(w.recordApprenticeshipId)}/import`,
      expect: importers(200),
    },
    {
      name: "a file that is no record (a German error, nothing written)",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `${record(w.recordApprenticeshipId)}/import`,
      multipart: () => ({ file: new File(["kein Berichtsheft"], "berichtsheft.json", { type: "application/json" }) }),
      expect: importers(400),
    },
  ],
};
