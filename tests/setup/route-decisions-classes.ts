/** Access decisions: managing a school's classes (create, edit, teachers, class code, students, archive). */
import type { AccessWorld } from "./access-world.ts";
import { NO_INTENT, UNKNOWN_INTENT } from "./route-inventory.ts";
import { type Decisions, everyoneSignedIn, type Expectation } from "./route-expectations.ts";

const none = { anonymous: 302, disabled: 302 } as const;
/** The school's teacher and admin manage its classes; outsiders must not learn the school exists. */
const managers = (ok: number): Expectation => ({ ...none, teacher: ok, schoolAdmin: ok, everyone: 404 });
const manage = (w: AccessWorld, classId = w.spareClass.id) => `/orgs/${w.school.id}/classes/manage/${classId}`;
const nobody = "00000000-0000-4000-8000-000000000000";

export const classDecisions: Decisions = {
  "orgs.$orgId.classes_.manage.tsx": [
    {
      name: "the school's classes to manage",
      handler: "loader",
      path: (w) => `/orgs/${w.school.id}/classes/manage`,
      expect: managers(200),
    },
    {
      name: "a company has no classes to manage",
      handler: "loader",
      path: (w) => `/orgs/${w.company.id}/classes/manage`,
      expect: { ...none, trainer: 403, admin: 403, apprentice: 403, everyone: 404 },
    },
    {
      name: "a training centre manages its classes",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/classes/manage`,
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
      name: "create a class (its name is taken after the first, a field error)",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `/orgs/${w.school.id}/classes/manage`,
      form: (w) => ({ name: w.spareClass.name, trainingYear: "1", schoolYear: "2026/27" }),
      expect: managers(400),
    },
  ],
  "orgs.$orgId.classes_.manage_.$classId.tsx": [
    { name: "one class to manage", handler: "loader", path: (w) => manage(w), expect: managers(200) },
    {
      name: "an archived class, read only",
      handler: "loader",
      path: (w) => manage(w, w.archivedClass.id),
      expect: managers(200),
    },
    {
      name: "another school's class under this school",
      handler: "loader",
      path: (w) => manage(w, w.otherSchoolClass.id),
      expect: everyoneSignedIn(404),
    },
    {
      name: "a training centre's class",
      handler: "loader",
      path: (w) => `/orgs/${w.centre.id}/classes/manage/${w.centreClass.id}`,
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
      name: "edit the class (the same name again)",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: (w) => manage(w),
      form: (w) => ({ name: w.spareClass.name, trainingYear: "1", schoolYear: "2026/27" }),
      expect: managers(200),
    },
    {
      name: "the class's teachers (none)",
      handler: "action",
      intent: "teachers",
      path: (w) => manage(w),
      form: () => ({ intent: "teachers" }),
      expect: managers(200),
    },
    {
      name: "a class code",
      handler: "action",
      intent: "code",
      path: (w) => manage(w),
      form: () => ({ intent: "code", validDays: "30" }),
      expect: managers(200),
    },
    {
      name: "promote (once; the repeat changes nothing)",
      handler: "action",
      intent: "promote",
      path: (w) => manage(w),
      form: () => ({ intent: "promote", fromYear: "1" }),
      expect: managers(200),
    },
    {
      name: "move a student who is not in the class",
      handler: "action",
      intent: "move",
      path: (w) => manage(w),
      form: (w) => ({ intent: "move", studentId: nobody, targetClassId: w.schoolClass.id }),
      expect: managers(404),
    },
    {
      name: "take a student out who is not in the class",
      handler: "action",
      intent: "remove",
      path: (w) => manage(w),
      form: () => ({ intent: "remove", studentId: nobody }),
      expect: managers(302),
    },
    {
      name: "archive an archived class (changes nothing)",
      handler: "action",
      intent: "archive",
      path: (w) => manage(w, w.archivedClass.id),
      form: () => ({ intent: "archive" }),
      expect: managers(302),
    },
  ],
  "orgs.$orgId.classes_.manage_.$classId_.import.tsx": [
    { name: "the class list import", handler: "loader", path: (w) => `${manage(w)}/import`, expect: managers(200) },
    {
      name: "an archived class takes no list",
      handler: "loader",
      path: (w) => `${manage(w, w.archivedClass.id)}/import`,
      expect: managers(404),
    },
    {
      name: "another school's class under this school",
      handler: "loader",
      path: (w) => `${manage(w, w.otherSchoolClass.id)}/import`,
      expect: everyoneSignedIn(404),
    },
    {
      name: "a list with a bad line (nothing written without confirmation)",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `${manage(w)}/import`,
      form: () => ({ text: "Nachname;Vorname\nKaya;\n" }),
      expect: managers(400),
    },
  ],
  "orgs.$orgId.classes_.manage_.$classId_.sheet[.pdf].ts": [
    {
      name: "a sheet of made-up codes",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `${manage(w)}/sheet.pdf`,
      form: () => ({ code: "AAAA-BBBB-CCCC-DDDD" }),
      expect: managers(404),
    },
  ],
};
