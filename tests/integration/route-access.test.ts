/**
 * The access decision for every route, for every kind of visitor. Adding a file under
 * app/routes without a row here fails the first test: each new route needs a decision.
 */
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { storeMedia } from "#app/modules/media/store.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { assign } from "#tests/factories/assignments.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { ctxFor, sessionCookieFor } from "#tests/factories/index.ts";
import { createWorld, type PersonKey, type World } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const libraryCourse = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 1 });
const companyCourse = await createCourse(db, { owner: world.company.id, modules: 1, lessonsPerModule: 1 });
const companyLesson = companyCourse.lessonIds[0] ?? "";
const companyPicture = await storeMedia(db, {
  bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'),
  extension: "svg",
  owner: world.company.id,
  uploadedBy: null,
});

// A quiz on the company's course: the apprentice has one finished attempt (with an essay to
// grade) and one open attempt.
const { quiz: companyQuiz } = await createQuiz(db, companyCourse.modules[0]?.id ?? "", {
  attempts: 5,
  questions: [
    { key: "wahr", type: "truefalse", prompt: "Holz arbeitet.", answer: true },
    { key: "bericht", type: "essay", prompt: "Was hast du gelernt?" },
  ],
});
const { quiz: libraryQuiz } = await createQuiz(db, libraryCourse.modules[0]?.id ?? "", {
  questions: [{ key: "wahr", type: "truefalse", prompt: "Holz arbeitet.", answer: true }],
});
const apprenticeCtx = await ctxFor(db, world.people.apprentice.id);
async function apprenticeAttempt() {
  const started = await startAttempt({ ctx: apprenticeCtx, input: { quizId: companyQuiz.id } });
  if (!("attemptId" in started)) throw new Error(started.status);
  return { id: started.attemptId, slots: await attemptSlots(db, started.attemptId) };
}
const finishedAttempt = await apprenticeAttempt();
await submitAttempt({
  ctx: apprenticeCtx,
  input: {
    attemptId: finishedAttempt.id,
    revision: 0,
    page: 1,
    form: pageForm(finishedAttempt.slots, 1, { bericht: { text: "Hobeln" } }, { revision: 0, intent: "submit" }),
  },
});
const essaySlot = String(finishedAttempt.slots.find((s) => s.key === "bericht")?.slot);
const openAttempt = await apprenticeAttempt();

type Visitor = "anonymous" | PersonKey;
const visitors: Visitor[] = ["anonymous", ...(Object.keys(world.people) as PersonKey[])];

/** Expected status per visitor; `everyone` fills in whoever is not named. */
type Expectation = Partial<Record<Visitor, number>> & { everyone?: number };

type Case = {
  name: string;
  method: "GET" | "POST";
  path: (w: World) => string;
  params?: (w: World) => Record<string, string>;
  form?: (w: World) => Record<string, string>;
  expect: Expectation;
};

type RouteModule = { loader?: unknown; action?: unknown };

const signedIn = { anonymous: 302, everyone: 200 };
// Who manages invitations of the world's company: its trainer and admin. Its apprentice is a
// member without the role (403); everyone else is an outsider and must not learn it exists (404).
const companyInvitations = { anonymous: 302, trainer: 200, admin: 200, apprentice: 403, everyone: 404 };
const schoolInvitations = { anonymous: 302, teacher: 200, schoolAdmin: 200, everyone: 404 };
// The company's own courses: its members read them, everyone else must not learn they exist.
const companyReaders = { anonymous: 302, trainer: 200, admin: 200, apprentice: 200, everyone: 404 };
// Writing them: the company's trainer only (admin and apprentice are members without the role).
const companyAuthors = (ok: number) => ({ anonymous: 302, trainer: ok, admin: 403, apprentice: 403, everyone: 404 });
// An attempt: only the apprentice who made it; nobody else learns it exists.
const attemptOwner = (ok: number) => ({ anonymous: 302, apprentice: ok, everyone: 404 });
// Grading the apprentice's essay in the company's own quiz: the company's trainer only. The class's
// teacher cannot open the company's course, so she must not learn the answer exists either.
const graders = (ok: number) => ({ anonymous: 302, trainer: ok, everyone: 404 });

// Giving assignments: the organisation's trainers or teachers. Admins and apprentices are members
// without the role (403); outsiders must not learn the organisation exists (404).
const assignmentGivers = (kind: "company" | "school", ok: number): Expectation =>
  kind === "company"
    ? { anonymous: 302, trainer: ok, admin: 403, apprentice: 403, everyone: 404 }
    : { anonymous: 302, teacher: ok, schoolAdmin: 403, everyone: 404 };
const companyAssignment = await assign(db, {
  by: world.people.trainer.id,
  organizationId: world.company.id,
  target: { kind: "course", id: libraryCourse.course.id },
  apprenticeIds: [world.people.apprentice.id],
});

let openCode = "";

const decisions: Record<string, { load: () => Promise<RouteModule>; cases: Case[] }> = {
  "_index.tsx": {
    load: () => import("#app/routes/_index.tsx"),
    cases: [{ name: "home", method: "GET", path: () => "/", expect: signedIn }],
  },
  "orgs.$orgId.team.tsx": {
    load: () => import("#app/routes/orgs.$orgId.team.tsx"),
    cases: [
      {
        name: "team dashboard",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/team`,
        params: (w) => ({ orgId: w.company.id }),
        // The company's trainer and admin; its apprentice is a member without the right (403).
        expect: { anonymous: 302, trainer: 200, admin: 200, apprentice: 403, everyone: 404 },
      },
      {
        name: "a school has no team dashboard",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/team`,
        params: (w) => ({ orgId: w.school.id }),
        // A member of a kind without a team: forbidden, whatever the role (the matrix says so).
        expect: { anonymous: 302, teacher: 403, schoolAdmin: 403, everyone: 404 },
      },
      {
        name: "a malformed organisation id",
        method: "GET",
        path: () => "/orgs/nope/team",
        params: () => ({ orgId: "nope" }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
  "orgs.$orgId.apprentices.$userId.tsx": {
    load: () => import("#app/routes/orgs.$orgId.apprentices.$userId.tsx"),
    cases: [
      {
        name: "the apprentice under their company",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/apprentices/${w.people.apprentice.id}`,
        params: (w) => ({ orgId: w.company.id, userId: w.people.apprentice.id }),
        // The apprentice themself has their own home; here they are nobody's follower (404).
        expect: { anonymous: 302, trainer: 200, admin: 200, everyone: 404 },
      },
      {
        name: "the apprentice under the school of their class",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/apprentices/${w.people.apprentice.id}`,
        params: (w) => ({ orgId: w.school.id, userId: w.people.apprentice.id }),
        expect: { anonymous: 302, teacher: 200, schoolAdmin: 200, everyone: 404 },
      },
      {
        name: "a malformed user id",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/apprentices/nope`,
        params: (w) => ({ orgId: w.company.id, userId: "nope" }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
  "orgs.$orgId.classes.tsx": {
    load: () => import("#app/routes/orgs.$orgId.classes.tsx"),
    cases: [
      {
        name: "the school's classes",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/classes`,
        params: (w) => ({ orgId: w.school.id }),
        expect: { anonymous: 302, teacher: 200, schoolAdmin: 200, everyone: 404 },
      },
      {
        name: "a company has no classes",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/classes`,
        params: (w) => ({ orgId: w.company.id }),
        // Members of a kind without classes are refused whatever their role (the matrix).
        expect: { anonymous: 302, trainer: 403, admin: 403, apprentice: 403, everyone: 404 },
      },
      {
        name: "one class, filtered",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/classes?class=${w.schoolClass.id}&status=behind&q=x`,
        params: (w) => ({ orgId: w.school.id }),
        expect: { anonymous: 302, teacher: 200, schoolAdmin: 200, everyone: 404 },
      },
    ],
  },
  "orgs.$orgId.classes_.$classId[.csv].ts": {
    load: () => import("#app/routes/orgs.$orgId.classes_.$classId[.csv].ts"),
    cases: [
      {
        name: "CSV of the class",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/classes/${w.schoolClass.id}.csv`,
        params: (w) => ({ orgId: w.school.id, classId: w.schoolClass.id }),
        expect: { anonymous: 302, teacher: 200, schoolAdmin: 200, everyone: 404 },
      },
      {
        name: "CSV of the class under another school",
        method: "GET",
        path: (w) => `/orgs/${w.otherSchool.id}/classes/${w.schoolClass.id}.csv`,
        params: (w) => ({ orgId: w.otherSchool.id, classId: w.schoolClass.id }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
  "login.tsx": {
    load: () => import("#app/routes/login.tsx"),
    cases: [
      { name: "form", method: "GET", path: () => "/login", expect: { anonymous: 200, everyone: 302 } },
      {
        name: "wrong password",
        method: "POST",
        path: () => "/login",
        form: () => ({ email: "niemand@example.test", password: "falsch-falsch" }),
        expect: { everyone: 400 },
      },
    ],
  },
  "logout.ts": {
    load: () => import("#app/routes/logout.ts"),
    cases: [
      { name: "GET only redirects", method: "GET", path: () => "/logout", expect: { everyone: 302 } },
      { name: "POST", method: "POST", path: () => "/logout", form: () => ({}), expect: { everyone: 302 } },
    ],
  },
  "language.ts": {
    load: () => import("#app/routes/language.ts"),
    cases: [
      {
        name: "switch",
        method: "POST",
        path: () => "/language",
        form: () => ({ locale: "de", redirectTo: "/" }),
        expect: { everyone: 302 },
      },
    ],
  },
  "healthz.ts": {
    load: () => import("#app/routes/healthz.ts"),
    cases: [{ name: "probe", method: "GET", path: () => "/healthz", expect: { everyone: 200 } }],
  },
  "join._index.tsx": {
    load: () => import("#app/routes/join._index.tsx"),
    cases: [{ name: "enter code", method: "GET", path: () => "/join", expect: { everyone: 200 } }],
  },
  "join.$code.tsx": {
    load: () => import("#app/routes/join.$code.tsx"),
    cases: [
      {
        name: "open code",
        method: "GET",
        path: () => `/join/${openCode}`,
        params: () => ({ code: openCode }),
        expect: { everyone: 200 },
      },
      {
        name: "unknown code",
        method: "GET",
        path: () => "/join/AAAA-BBBB-CCCC-DDDD",
        params: () => ({ code: "AAAA-BBBB-CCCC-DDDD" }),
        expect: { everyone: 404 },
      },
      {
        name: "accept unknown code",
        method: "POST",
        path: () => "/join/AAAA-BBBB-CCCC-DDDD",
        params: () => ({ code: "AAAA-BBBB-CCCC-DDDD" }),
        form: () => ({
          name: "X",
          email: "x@example.test",
          password: "lang-genug-1234",
          confirmPassword: "lang-genug-1234",
        }),
        expect: { everyone: 409 },
      },
    ],
  },
  "account.tsx": {
    load: () => import("#app/routes/account.tsx"),
    cases: [
      { name: "view", method: "GET", path: () => "/account", expect: signedIn },
      {
        name: "change password with a wrong current one",
        method: "POST",
        path: () => "/account",
        form: () => ({ currentPassword: "falsch", newPassword: "neues-langes-pw", confirmPassword: "neues-langes-pw" }),
        expect: { anonymous: 302, everyone: 400 },
      },
    ],
  },
  "orgs.$orgId.assignments.new.tsx": {
    load: () => import("#app/routes/orgs.$orgId.assignments.new.tsx"),
    cases: [
      {
        name: "the company's form",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/assignments/new`,
        params: (w) => ({ orgId: w.company.id }),
        expect: assignmentGivers("company", 200),
      },
      {
        name: "the school's form",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/assignments/new?class=${w.schoolClass.id}`,
        params: (w) => ({ orgId: w.school.id }),
        expect: assignmentGivers("school", 200),
      },
      {
        name: "give one",
        method: "POST",
        path: (w) => `/orgs/${w.company.id}/assignments/new`,
        params: (w) => ({ orgId: w.company.id }),
        form: (w) => ({
          submissionId: crypto.randomUUID(),
          target: `course:${libraryCourse.course.id}`,
          dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          apprenticeIds: w.people.apprentice.id,
        }),
        expect: assignmentGivers("company", 302),
      },
    ],
  },
  "orgs.$orgId.assignments.$assignmentId.tsx": {
    load: () => import("#app/routes/orgs.$orgId.assignments.$assignmentId.tsx"),
    cases: [
      {
        name: "the edit page",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/assignments/${companyAssignment}`,
        params: (w) => ({ orgId: w.company.id, assignmentId: companyAssignment }),
        expect: { anonymous: 302, trainer: 200, everyone: 404 },
      },
      {
        name: "under another organisation's URL",
        method: "GET",
        path: (w) => `/orgs/${w.otherCompany.id}/assignments/${companyAssignment}`,
        params: (w) => ({ orgId: w.otherCompany.id, assignmentId: companyAssignment }),
        expect: { anonymous: 302, everyone: 404 },
      },
      {
        name: "change it",
        method: "POST",
        path: (w) => `/orgs/${w.company.id}/assignments/${companyAssignment}`,
        params: (w) => ({ orgId: w.company.id, assignmentId: companyAssignment }),
        form: (w) => ({
          intent: "update",
          dueOn: new Date(Date.now() + 29 * 86_400_000).toISOString().slice(0, 10),
          note: "",
          apprenticeIds: w.people.apprentice.id,
        }),
        expect: { anonymous: 302, trainer: 302, everyone: 404 },
      },
      {
        // Last: the trainer's withdrawal ends the assignment for the visitors after them.
        name: "withdraw it",
        method: "POST",
        path: (w) => `/orgs/${w.company.id}/assignments/${companyAssignment}`,
        params: (w) => ({ orgId: w.company.id, assignmentId: companyAssignment }),
        form: () => ({ intent: "withdraw" }),
        expect: { anonymous: 302, trainer: 302, everyone: 404 },
      },
    ],
  },
  "orgs.$orgId.invitations.tsx": {
    load: () => import("#app/routes/orgs.$orgId.invitations.tsx"),
    cases: [
      {
        name: "company list",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/invitations`,
        params: (w) => ({ orgId: w.company.id }),
        expect: companyInvitations,
      },
      {
        name: "school list",
        method: "GET",
        path: (w) => `/orgs/${w.school.id}/invitations`,
        params: (w) => ({ orgId: w.school.id }),
        expect: schoolInvitations,
      },
      {
        name: "company create",
        method: "POST",
        path: (w) => `/orgs/${w.company.id}/invitations`,
        params: (w) => ({ orgId: w.company.id }),
        form: () => ({ intent: "create", label: "Neu", role: "apprentice", validDays: "7" }),
        expect: companyInvitations,
      },
      {
        name: "revoke with a malformed invitation id",
        method: "POST",
        path: (w) => `/orgs/${w.company.id}/invitations`,
        params: (w) => ({ orgId: w.company.id }),
        form: () => ({ intent: "revoke", invitationId: "not-a-uuid" }),
        expect: { anonymous: 302, everyone: 404 },
      },
      {
        name: "a malformed organisation id",
        method: "GET",
        path: () => "/orgs/not-a-uuid/invitations",
        params: () => ({ orgId: "not-a-uuid" }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
  "courses._index.tsx": {
    load: () => import("#app/routes/courses._index.tsx"),
    cases: [
      { name: "catalogue", method: "GET", path: () => "/courses", expect: signedIn },
      {
        name: "bad filter values are ignored",
        method: "GET",
        path: () => "/courses?year=9&occupation=x",
        expect: signedIn,
      },
    ],
  },
  "courses.$courseId.tsx": {
    load: () => import("#app/routes/courses.$courseId.tsx"),
    cases: [
      {
        name: "library course",
        method: "GET",
        path: () => `/courses/${libraryCourse.course.id}`,
        params: () => ({ courseId: libraryCourse.course.id }),
        expect: signedIn,
      },
      {
        name: "company course",
        method: "GET",
        path: () => `/courses/${companyCourse.course.id}`,
        params: () => ({ courseId: companyCourse.course.id }),
        expect: companyReaders,
      },
      {
        name: "copy into the company",
        method: "POST",
        path: () => `/courses/${libraryCourse.course.id}`,
        params: () => ({ courseId: libraryCourse.course.id }),
        form: (w) => ({ organizationId: w.company.id }),
        expect: companyAuthors(302),
      },
      {
        name: "a malformed course id",
        method: "GET",
        path: () => "/courses/nope",
        params: () => ({ courseId: "nope" }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
  "lessons.$lessonId.tsx": {
    load: () => import("#app/routes/lessons.$lessonId.tsx"),
    cases: [
      {
        name: "read",
        method: "GET",
        path: () => `/lessons/${companyLesson}`,
        params: () => ({ lessonId: companyLesson }),
        expect: companyReaders,
      },
      {
        name: "an unknown intent is refused before anything is written",
        method: "POST",
        path: () => `/lessons/${companyLesson}`,
        params: () => ({ lessonId: companyLesson }),
        form: () => ({ intent: "delete-everything" }),
        expect: { anonymous: 302, everyone: 400 },
      },
      {
        name: "mark done",
        method: "POST",
        path: () => `/lessons/${companyLesson}`,
        params: () => ({ lessonId: companyLesson }),
        form: () => ({ intent: "done" }),
        expect: { ...companyReaders, trainer: 302, admin: 302, apprentice: 302 },
      },
    ],
  },
  "media.$fileName.ts": {
    load: () => import("#app/routes/media.$fileName.ts"),
    cases: [
      {
        name: "the company's picture",
        method: "GET",
        path: () => companyPicture.url,
        params: () => ({ fileName: companyPicture.fileName }),
        expect: companyReaders,
      },
      {
        name: "a name that is not a stored picture",
        method: "GET",
        path: () => "/media/..%2F..%2Fetc%2Fpasswd",
        params: () => ({ fileName: "../../etc/passwd" }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
  "orgs.$orgId.courses.tsx": {
    load: () => import("#app/routes/orgs.$orgId.courses.tsx"),
    cases: [
      {
        name: "list",
        method: "GET",
        path: (w) => `/orgs/${w.company.id}/courses`,
        params: (w) => ({ orgId: w.company.id }),
        expect: companyAuthors(200),
      },
      {
        name: "create",
        method: "POST",
        path: (w) => `/orgs/${w.company.id}/courses`,
        params: (w) => ({ orgId: w.company.id }),
        form: () => ({ title: "Neuer Kurs" }),
        expect: companyAuthors(302),
      },
    ],
  },
  "edit.courses.$courseId.tsx": {
    load: () => import("#app/routes/edit.courses.$courseId.tsx"),
    cases: [
      {
        name: "edit",
        method: "GET",
        path: () => `/edit/courses/${companyCourse.course.id}`,
        params: () => ({ courseId: companyCourse.course.id }),
        expect: companyAuthors(200),
      },
      {
        name: "add a module",
        method: "POST",
        path: () => `/edit/courses/${companyCourse.course.id}`,
        params: () => ({ courseId: companyCourse.course.id }),
        form: () => ({ intent: "addModule", title: "Noch ein Modul" }),
        expect: companyAuthors(302),
      },
      {
        name: "an unknown intent or direction is refused before anything is written",
        method: "POST",
        path: () => `/edit/courses/${companyCourse.course.id}`,
        params: () => ({ courseId: companyCourse.course.id }),
        form: () => ({ intent: "moveModule:sideways", id: companyCourse.modules[0]?.id ?? "" }),
        // Malformed input is refused before anything is read, so it tells nobody anything.
        expect: { anonymous: 302, everyone: 400 },
      },
      {
        name: "library courses are read-only",
        method: "GET",
        path: () => `/edit/courses/${libraryCourse.course.id}`,
        params: () => ({ courseId: libraryCourse.course.id }),
        expect: { anonymous: 302, everyone: 403 },
      },
    ],
  },
  "edit.lessons.$lessonId.tsx": {
    load: () => import("#app/routes/edit.lessons.$lessonId.tsx"),
    cases: [
      {
        name: "editor",
        method: "GET",
        path: () => `/edit/lessons/${companyLesson}`,
        params: () => ({ lessonId: companyLesson }),
        expect: companyAuthors(200),
      },
      {
        name: "save a draft (Markdown, as without JavaScript)",
        method: "POST",
        path: () => `/edit/lessons/${companyLesson}`,
        params: () => ({ lessonId: companyLesson }),
        form: () => ({ intent: "save", title: "Lektion 1.1", minutes: "5", markdown: "Text" }),
        expect: companyAuthors(302),
      },
    ],
  },
  "edit.lessons.$lessonId_.images.ts": {
    load: () => import("#app/routes/edit.lessons.$lessonId_.images.ts"),
    cases: [
      {
        name: "upload without a file",
        method: "POST",
        path: () => `/edit/lessons/${companyLesson}/images`,
        params: () => ({ lessonId: companyLesson }),
        form: () => ({}),
        expect: companyAuthors(400),
      },
    ],
  },
  "quizzes.$quizId.tsx": {
    load: () => import("#app/routes/quizzes.$quizId.tsx"),
    cases: [
      {
        name: "start page",
        method: "GET",
        path: () => `/quizzes/${companyQuiz.id}`,
        params: () => ({ quizId: companyQuiz.id }),
        expect: companyReaders,
      },
      {
        name: "start or resume",
        method: "POST",
        path: () => `/quizzes/${companyQuiz.id}`,
        params: () => ({ quizId: companyQuiz.id }),
        form: () => ({ intent: "start" }),
        expect: { ...companyReaders, trainer: 302, admin: 302, apprentice: 302 },
      },
      {
        name: "an unknown intent is refused before anything is written",
        method: "POST",
        path: () => `/quizzes/${companyQuiz.id}`,
        params: () => ({ quizId: companyQuiz.id }),
        form: () => ({ intent: "finish-for-me" }),
        expect: { anonymous: 302, everyone: 400 },
      },
    ],
  },
  "quizzes.$quizId_.gift.ts": {
    load: () => import("#app/routes/quizzes.$quizId_.gift.ts"),
    cases: [
      {
        // The file holds the answer key: trainers and teachers only.
        name: "export the company's quiz",
        method: "GET",
        path: () => `/quizzes/${companyQuiz.id}/gift`,
        params: () => ({ quizId: companyQuiz.id }),
        expect: { anonymous: 302, trainer: 200, admin: 403, apprentice: 403, everyone: 404 },
      },
      {
        name: "export a library quiz",
        method: "GET",
        path: () => `/quizzes/${libraryQuiz.id}/gift`,
        params: () => ({ quizId: libraryQuiz.id }),
        expect: { anonymous: 302, trainer: 200, otherTrainer: 200, teacher: 200, otherTeacher: 200, everyone: 403 },
      },
    ],
  },
  "attempts.$attemptId.tsx": {
    load: () => import("#app/routes/attempts.$attemptId.tsx"),
    cases: [
      {
        name: "a page of the open attempt",
        method: "GET",
        path: () => `/attempts/${openAttempt.id}`,
        params: () => ({ attemptId: openAttempt.id }),
        expect: attemptOwner(200),
      },
      {
        name: "save a page",
        method: "POST",
        path: () => `/attempts/${openAttempt.id}`,
        params: () => ({ attemptId: openAttempt.id }),
        form: () => ({ intent: "save", revision: "0", page: "1" }),
        expect: attemptOwner(302),
      },
      {
        name: "malformed input is refused before anything is read",
        method: "POST",
        path: () => `/attempts/${openAttempt.id}`,
        params: () => ({ attemptId: openAttempt.id }),
        form: () => ({ intent: "grade-myself", revision: "x", page: "1" }),
        expect: { anonymous: 302, everyone: 400 },
      },
    ],
  },
  "attempts.$attemptId_.result.tsx": {
    load: () => import("#app/routes/attempts.$attemptId_.result.tsx"),
    cases: [
      {
        name: "result of the finished attempt",
        method: "GET",
        path: () => `/attempts/${finishedAttempt.id}/result`,
        params: () => ({ attemptId: finishedAttempt.id }),
        expect: attemptOwner(200),
      },
    ],
  },
  "edit.quizzes.$quizId.tsx": {
    load: () => import("#app/routes/edit.quizzes.$quizId.tsx"),
    cases: [
      {
        name: "editor",
        method: "GET",
        path: () => `/edit/quizzes/${companyQuiz.id}`,
        params: () => ({ quizId: companyQuiz.id }),
        expect: companyAuthors(200),
      },
      {
        name: "save settings",
        method: "POST",
        path: () => `/edit/quizzes/${companyQuiz.id}`,
        params: () => ({ quizId: companyQuiz.id }),
        form: () => ({
          intent: "settings",
          title: "Quiz",
          passPercent: "60",
          maxAttempts: "5",
          drawCount: "",
          perPage: "3",
          reviewPolicy: "after_attempt",
        }),
        expect: companyAuthors(302),
      },
      {
        name: "library quizzes are read-only",
        method: "GET",
        path: () => `/edit/quizzes/${libraryQuiz.id}`,
        params: () => ({ quizId: libraryQuiz.id }),
        expect: { anonymous: 302, everyone: 403 },
      },
    ],
  },
  "grading._index.tsx": {
    load: () => import("#app/routes/grading._index.tsx"),
    cases: [
      {
        name: "queue",
        method: "GET",
        path: () => "/grading",
        expect: { anonymous: 302, trainer: 200, teacher: 200, otherTrainer: 200, otherTeacher: 200, everyone: 403 },
      },
    ],
  },
  "grading.$attemptId.$slot.tsx": {
    load: () => import("#app/routes/grading.$attemptId.$slot.tsx"),
    cases: [
      {
        name: "read the essay",
        method: "GET",
        path: () => `/grading/${finishedAttempt.id}/${essaySlot}`,
        params: () => ({ attemptId: finishedAttempt.id, slot: essaySlot }),
        expect: graders(200),
      },
      {
        name: "grade it",
        method: "POST",
        path: () => `/grading/${finishedAttempt.id}/${essaySlot}`,
        params: () => ({ attemptId: finishedAttempt.id, slot: essaySlot }),
        form: () => ({ points: "1", comment: "Gut" }),
        expect: graders(302),
      },
      {
        name: "a slot that is not an essay",
        method: "GET",
        path: () => `/grading/${finishedAttempt.id}/99`,
        params: () => ({ attemptId: finishedAttempt.id, slot: "99" }),
        expect: { anonymous: 302, everyone: 404 },
      },
    ],
  },
};

const routeFiles = readdirSync("app/routes").filter((file) => /\.(ts|tsx)$/.test(file));

test("every route in app/routes has an access decision, and every decision a route", () => {
  expect(routeFiles.filter((file) => !(file in decisions))).toEqual([]);
  expect(Object.keys(decisions).filter((file) => !routeFiles.includes(file))).toEqual([]);
});

describe.each(Object.entries(decisions))("%s", (_file, decision) => {
  test.each(decision.cases.map((c) => [c.name, c] as const))("%s", async (_name, routeCase) => {
    const trainer = await ctxFor(db, world.people.trainer.id);
    openCode = (
      await createInvitation({
        ctx: trainer,
        input: { label: "Zugriffstest", role: "apprentice", validDays: 7, organizationId: world.company.id },
      })
    ).code;
    const module = await decision.load();
    const fn = routeCase.method === "GET" ? module.loader : module.action;
    expect(fn, `${routeCase.method} handler`).toBeTypeOf("function");

    const actual: Partial<Record<Visitor, number>> = {};
    const expected: Partial<Record<Visitor, number>> = {};
    for (const visitor of visitors) {
      const cookie = visitor === "anonymous" ? undefined : await sessionCookieFor(db, world.people[visitor].id);
      const result = await callRoute(fn as Parameters<typeof callRoute>[0], {
        path: routeCase.path(world),
        method: routeCase.method,
        cookie,
        params: routeCase.params?.(world),
        form: routeCase.form?.(world),
      });
      actual[visitor] = result.status;
      expected[visitor] = routeCase.expect[visitor] ?? routeCase.expect.everyone;
    }
    expect(actual).toEqual(expected);
  });
});
