/** Access decisions: an organisation's team, classes, people, assignments and invitations. */
import { NO_INTENT, UNKNOWN_INTENT } from "./route-inventory.ts";
import {
  assignmentGivers,
  companyInvitations,
  type Decisions,
  everyoneSignedIn,
  schoolInvitations,
} from "./route-expectations.ts";
import type { AccessWorld } from "./access-world.ts";

const assignment = (w: AccessWorld) => `/orgs/${w.company.id}/assignments/${w.companyAssignment}`;
const none = { anonymous: 302, disabled: 302 } as const;
/** A due date the forms accept: from today up to four years ahead. */
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const orgDecisions: Decisions = {
  "orgs.$orgId.team.tsx": [
    {
      name: "team dashboard",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/team`,
      // The company's trainer and admin; its apprentice is a member without the right (403).
      expect: { ...none, trainer: 200, admin: 200, apprentice: 403, everyone: 404 },
    },
    {
      name: "a school has no team dashboard",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/team`,
      // A member of a kind without a team: forbidden, whatever the role (the matrix says so).
      expect: { ...none, teacher: 403, schoolAdmin: 403, everyone: 404 },
    },
    {
      name: "a training centre has both: its team",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/team`,
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
      path: () => "/orgs/nope/team",
      expect: everyoneSignedIn(404),
    },
  ],
  "orgs.$orgId.apprentices.$userId.tsx": [
    {
      name: "the apprentice under their company",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/apprentices/${w.people.apprentice.id}`,
      // The apprentice themself has their own home; here they are nobody's follower (404).
      expect: { ...none, trainer: 200, admin: 200, everyone: 404 },
    },
    {
      name: "the apprentice under the school of their class",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/apprentices/${w.people.apprentice.id}`,
      expect: { ...none, teacher: 200, schoolAdmin: 200, everyone: 404 },
    },
    {
      name: "the other company's apprentice under the company",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/apprentices/${w.people.otherApprentice.id}`,
      expect: everyoneSignedIn(404),
    },
    {
      name: "a malformed user id",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/apprentices/nope`,
      expect: everyoneSignedIn(404),
    },
  ],
  "orgs.$orgId.classes.tsx": [
    {
      name: "the school's classes",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/classes`,
      expect: { ...none, teacher: 200, schoolAdmin: 200, everyone: 404 },
    },
    {
      name: "a company has no classes",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/classes`,
      // Members of a kind without classes are refused whatever their role (the matrix).
      expect: { ...none, trainer: 403, admin: 403, apprentice: 403, everyone: 404 },
    },
    {
      name: "a training centre has both: its classes",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/classes`,
      expect: {
        ...none,
        centreTeacher: 200,
        centreAdmin: 200,
        centreTrainer: 403,
        centreApprentice: 403,
        everyone: 404,
      },
    },
    {
      name: "one class, filtered",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/classes?class=${w.schoolClass.id}&status=behind&q=x`,
      expect: { ...none, teacher: 200, schoolAdmin: 200, everyone: 404 },
    },
    {
      name: "another school's class as a filter",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/classes?class=${w.otherSchoolClass.id}`,
      // Not a class of this school: not found, even for its own staff.
      expect: everyoneSignedIn(404),
    },
  ],
  "orgs.$orgId.classes_.$classId[.csv].ts": [
    {
      name: "CSV of the class",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/classes/${w.schoolClass.id}.csv`,
      expect: { ...none, teacher: 200, schoolAdmin: 200, everyone: 404 },
    },
    {
      name: "CSV of the class under another school",
      handler: "loader",
      path: (w) => `/orgs/${w.otherSchool.id}/classes/${w.schoolClass.id}.csv`,
      expect: everyoneSignedIn(404),
    },
  ],
  "orgs.$orgId.assignments.new.tsx": [
    {
      name: "the company's form",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/assignments/new`,
      expect: assignmentGivers("company", 200),
    },
    {
      name: "the school's form",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/assignments/new?class=${w.schoolClass.id}`,
      expect: assignmentGivers("school", 200),
    },
    {
      name: "the training centre's form",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/assignments/new`,
      expect: assignmentGivers("centre", 200),
    },
    {
      name: "give one",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `/orgs/${w.company.id}/assignments/new`,
      form: (w) => ({
        submissionId: crypto.randomUUID(),
        target: `course:${w.library.id}`,
        dueOn: daysAhead(30),
        apprenticeIds: w.people.apprentice.id,
      }),
      expect: assignmentGivers("company", 302),
    },
  ],
  "orgs.$orgId.assignments.$assignmentId.tsx": [
    { name: "the edit page", handler: "loader", path: assignment, expect: { ...none, trainer: 200, everyone: 404 } },
    {
      name: "under another organisation's URL",
      handler: "loader",
      path: (w) => `/orgs/${w.otherCompany.id}/assignments/${w.companyAssignment}`,
      expect: everyoneSignedIn(404),
    },
    {
      name: "change it",
      handler: "action",
      intent: "update",
      path: assignment,
      form: (w) => ({ intent: "update", dueOn: daysAhead(29), note: "", apprenticeIds: w.people.apprentice.id }),
      expect: { ...none, trainer: 302, everyone: 404 },
    },
    {
      name: "any other intent changes it too",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: assignment,
      form: (w) => ({ intent: "rename", dueOn: daysAhead(28), note: "", apprenticeIds: w.people.apprentice.id }),
      expect: { ...none, trainer: 302, everyone: 404 },
    },
    {
      // Last: the trainer's withdrawal ends the assignment for the visitors after them.
      name: "withdraw it",
      handler: "action",
      intent: "withdraw",
      path: assignment,
      form: () => ({ intent: "withdraw" }),
      expect: { ...none, trainer: 302, everyone: 404 },
    },
  ],
  "orgs.$orgId.invitations.tsx": [
    {
      name: "company list",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/invitations`,
      expect: companyInvitations(200),
    },
    {
      name: "school list",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/invitations`,
      expect: schoolInvitations,
    },
    {
      name: "training centre list",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/invitations`,
      expect: {
        ...none,
        centreTrainer: 200,
        centreTeacher: 200,
        centreAdmin: 200,
        centreApprentice: 403,
        everyone: 404,
      },
    },
    {
      name: "company create",
      handler: "action",
      intent: "create",
      path: (w) => `/orgs/${w.company.id}/invitations`,
      form: () => ({ intent: "create", label: "Neu", role: "apprentice", validDays: "7" }),
      expect: companyInvitations(200),
    },
    {
      name: "without a known intent it creates too",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: (w) => `/orgs/${w.company.id}/invitations`,
      form: () => ({ label: "Neu", role: "apprentice", validDays: "7" }),
      expect: companyInvitations(200),
    },
    {
      name: "revoke with a malformed invitation id",
      handler: "action",
      intent: "revoke",
      path: (w) => `/orgs/${w.company.id}/invitations`,
      form: () => ({ intent: "revoke", invitationId: "not-a-uuid" }),
      expect: everyoneSignedIn(404),
    },
    {
      name: "a malformed organisation id",
      handler: "loader",
      path: () => "/orgs/not-a-uuid/invitations",
      expect: everyoneSignedIn(404),
    },
  ],
};
