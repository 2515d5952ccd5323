/** Access decisions: an organisation's people page (roles, leavers, apprenticeships, password codes) and audit trail. */
import type { AccessWorld } from "./access-world.ts";
import { type Decisions, everyoneSignedIn } from "./route-expectations.ts";
import { UNKNOWN_INTENT } from "./route-inventory.ts";

const none = { anonymous: 302, disabled: 302 } as const;
const people = (w: AccessWorld) => `/orgs/${w.company.id}/people`;
/** The company's admin only; its trainer and apprentice are members without the right (403). */
const companyAdmin = (ok: number) => ({ ...none, admin: ok, trainer: 403, apprentice: 403, everyone: 404 });

export const peopleDecisions: Decisions = {
  "orgs.$orgId.people.tsx": [
    {
      name: "the company's people",
      handler: "loader",
      path: people,
      // Admin: everyone; trainer: the apprentices; the apprentice is a member without the right.
      expect: { ...none, trainer: 200, admin: 200, apprentice: 403, everyone: 404 },
    },
    {
      name: "the school's people",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/people`,
      expect: { ...none, schoolAdmin: 200, teacher: 403, everyone: 404 },
    },
    {
      name: "the training centre's people",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/people`,
      expect: {
        ...none,
        centreTrainer: 200,
        centreAdmin: 200,
        centreTeacher: 403,
        centreApprentice: 403,
        everyone: 404,
      },
    },
    {
      name: "a malformed organisation id",
      handler: "loader",
      path: () => "/orgs/nope/people",
      expect: everyoneSignedIn(404),
    },
    {
      name: "a password code for the company's apprentice",
      handler: "action",
      intent: "resetCode",
      path: people,
      form: (w) => ({ intent: "resetCode", userId: w.peopleTargets.apprentice.id }),
      expect: { ...none, trainer: 200, admin: 200, apprentice: 403, everyone: 404 },
    },
    {
      name: "a password code for the other company's apprentice, under this company",
      handler: "action",
      intent: "resetCode",
      path: people,
      form: (w) => ({ intent: "resetCode", userId: w.people.otherApprentice.id }),
      expect: { ...none, apprentice: 403, everyone: 404 },
    },
    {
      name: "a trainer cannot make a code for the company's admin",
      handler: "action",
      intent: "resetCode",
      path: people,
      form: (w) => ({ intent: "resetCode", userId: w.people.admin.id }),
      // The admin asks for their own (refused with a reason: "Mein Konto").
      expect: { ...none, trainer: 404, admin: 400, apprentice: 403, everyone: 404 },
    },
    {
      name: "the same role again changes nothing",
      handler: "action",
      intent: "role",
      path: people,
      form: (w) => ({ intent: "role", userId: w.peopleTargets.apprentice.id, from: "apprentice", role: "apprentice" }),
      expect: companyAdmin(200),
    },
    {
      name: "a role of the other company's person",
      handler: "action",
      intent: "role",
      path: (w) => `/orgs/${w.company.id}/people`,
      form: (w) => ({ intent: "role", userId: w.people.otherTrainer.id, from: "trainer", role: "apprentice" }),
      expect: companyAdmin(404),
    },
    {
      // Valid as sent (the contract as it is, plus the Berichtsheft's fields): hostile values of
      // each field reach the write, not only the parsing.
      name: "date of birth and rhythm of the Berichtsheft",
      handler: "action",
      intent: "apprenticeship",
      path: people,
      form: (w) => ({
        intent: "apprenticeship",
        apprenticeshipId: w.targetApprenticeshipId,
        trainerId: w.people.trainer.id,
        occupationId: w.targetOccupationId,
        startsOn: "2025-08-01",
        plannedEndOn: "2028-07-31",
        actualEndOn: "",
        birthDate: "2009-03-14",
        recordRhythm: "daily",
      }),
      expect: companyAdmin(200),
    },
    {
      name: "correct the apprenticeship",
      handler: "action",
      intent: "apprenticeship",
      path: people,
      form: (w) => ({
        intent: "apprenticeship",
        apprenticeshipId: w.targetApprenticeshipId,
        trainerId: w.people.trainer.id,
        occupationId: "",
        startsOn: "2025-08-01",
        plannedEndOn: "2028-01-31",
        actualEndOn: "",
        birthDate: "",
        recordRhythm: "weekly",
      }),
      // No occupation chosen: the admin gets a field error; nobody else gets that far.
      expect: companyAdmin(400),
    },
    {
      name: "the leaver leaves",
      handler: "action",
      intent: "leave",
      path: people,
      form: (w) => ({ intent: "leave", userId: w.peopleTargets.leaver.id }),
      expect: companyAdmin(200),
    },
    {
      name: "and comes back",
      handler: "action",
      intent: "rejoin",
      path: people,
      form: (w) => ({ intent: "rejoin", userId: w.peopleTargets.leaver.id }),
      expect: companyAdmin(200),
    },
    {
      name: "the other company's person cannot be signed out here",
      handler: "action",
      intent: "leave",
      path: people,
      form: (w) => ({ intent: "leave", userId: w.people.otherApprentice.id }),
      expect: companyAdmin(404),
    },
    {
      name: "end the apprenticeship on a day still ahead",
      handler: "action",
      intent: "end",
      path: people,
      form: (w) => ({ intent: "end", apprenticeshipId: w.targetApprenticeshipId, lastDay: "2099-12-31" }),
      // Trainer and admin may end it (the trainer: an apprentice only); the day ahead is a field error.
      expect: { ...none, trainer: 400, admin: 400, apprentice: 403, everyone: 404 },
    },
    {
      name: "end an apprenticeship that is not this company's",
      handler: "action",
      intent: "end",
      path: people,
      form: () => ({ intent: "end", apprenticeshipId: "00000000-0000-4000-8000-000000000000", lastDay: "2026-01-05" }),
      expect: { ...none, trainer: 404, admin: 404, apprentice: 403, everyone: 404 },
    },
    {
      name: "an unknown intent",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: people,
      form: (w) => ({ intent: "promote", userId: w.peopleTargets.apprentice.id }),
      // Rights first (the admin's forms), then: no such form.
      expect: companyAdmin(404),
    },
  ],
  "orgs.$orgId.audit.tsx": [
    {
      name: "the company's audit trail",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/audit`,
      expect: companyAdmin(200),
    },
    {
      name: "a later page, and a page that is no number",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/audit?page=x`,
      expect: companyAdmin(200),
    },
    {
      name: "the school's audit trail",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/audit?page=2`,
      expect: { ...none, schoolAdmin: 200, teacher: 403, everyone: 404 },
    },
    {
      name: "a malformed organisation id",
      handler: "loader",
      path: () => "/orgs/nope/audit",
      expect: everyoneSignedIn(404),
    },
  ],
};
