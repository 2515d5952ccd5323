/** Access decisions: reading courses and lessons, pictures, quizzes, attempts and grading. */
import { NO_INTENT, UNKNOWN_INTENT } from "./route-inventory.ts";
import {
  attemptOwner,
  companyAuthors,
  companyMembers,
  companyReaders,
  type Decisions,
  everyoneSignedIn,
  graders,
  signedIn,
} from "./route-expectations.ts";
import type { AccessWorld } from "./access-world.ts";

const open = (w: AccessWorld) => `/attempts/${w.openAttempt.id}`;
/** A page form of the open attempt at its current revision. */
const attemptForm = (intent: string) => async (w: AccessWorld) => ({
  intent,
  revision: await w.revisionOf(w.openAttempt.id),
  page: "1",
});

export const learningDecisions: Decisions = {
  "courses._index.tsx": [
    { name: "catalogue", handler: "loader", path: () => "/courses", expect: signedIn },
    {
      name: "bad filter values are ignored",
      handler: "loader",
      path: () => "/courses?year=9&occupation=x",
      expect: signedIn,
    },
  ],
  "courses.$courseId.tsx": [
    { name: "library course", handler: "loader", path: (w) => `/courses/${w.library.id}`, expect: signedIn },
    {
      name: "company course",
      handler: "loader",
      path: (w) => `/courses/${w.course.company.id}`,
      expect: companyReaders,
    },
    {
      name: "the training centre's course",
      handler: "loader",
      path: (w) => `/courses/${w.course.centre.id}`,
      expect: {
        anonymous: 302,
        disabled: 302,
        centreTrainer: 200,
        centreTeacher: 200,
        centreAdmin: 200,
        centreApprentice: 200,
        everyone: 404,
      },
    },
    {
      name: "copy into the company",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `/courses/${w.library.id}`,
      form: (w) => ({ organizationId: w.company.id }),
      expect: companyAuthors(302),
    },
    { name: "a malformed course id", handler: "loader", path: () => "/courses/nope", expect: everyoneSignedIn(404) },
  ],
  "lessons.$lessonId.tsx": [
    { name: "read", handler: "loader", path: (w) => `/lessons/${w.course.company.lessonId}`, expect: companyReaders },
    {
      name: "an unknown intent is refused before anything is written",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: (w) => `/lessons/${w.course.company.lessonId}`,
      form: () => ({ intent: "delete-everything" }),
      expect: everyoneSignedIn(400),
    },
    {
      name: "mark done",
      handler: "action",
      intent: "done",
      path: (w) => `/lessons/${w.course.company.lessonId}`,
      form: () => ({ intent: "done" }),
      expect: companyMembers(302),
    },
    {
      name: "mark open again",
      handler: "action",
      intent: "open",
      path: (w) => `/lessons/${w.course.company.lessonId}`,
      form: () => ({ intent: "open" }),
      expect: companyMembers(302),
    },
  ],
  "media.$fileName.ts": [
    { name: "the company's picture", handler: "loader", path: (w) => w.picture.url, expect: companyReaders },
    {
      name: "a name that is not a stored picture",
      handler: "loader",
      path: () => "/media/..%2F..%2Fetc%2Fpasswd",
      expect: everyoneSignedIn(404),
    },
  ],
  "quizzes.$quizId.tsx": [
    {
      name: "start page",
      handler: "loader",
      path: (w) => `/quizzes/${w.course.company.quizId}`,
      expect: companyReaders,
    },
    {
      name: "start or resume",
      handler: "action",
      intent: "start",
      path: (w) => `/quizzes/${w.course.company.quizId}`,
      form: () => ({ intent: "start" }),
      expect: companyMembers(302),
    },
    {
      name: "an unknown intent is refused before anything is written",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: (w) => `/quizzes/${w.course.company.quizId}`,
      form: () => ({ intent: "finish-for-me" }),
      expect: everyoneSignedIn(400),
    },
  ],
  "quizzes.$quizId_.gift.ts": [
    {
      // The file holds the answer key: trainers and teachers only.
      name: "export the company's quiz",
      handler: "loader",
      path: (w) => `/quizzes/${w.course.company.quizId}/gift`,
      expect: { anonymous: 302, disabled: 302, trainer: 200, admin: 403, apprentice: 403, everyone: 404 },
    },
    {
      name: "export a library quiz",
      handler: "loader",
      path: (w) => `/quizzes/${w.library.quizId}/gift`,
      expect: {
        anonymous: 302,
        disabled: 302,
        trainer: 200,
        otherTrainer: 200,
        teacher: 200,
        otherTeacher: 200,
        centreTrainer: 200,
        centreTeacher: 200,
        everyone: 403,
      },
    },
  ],
  "attempts.$attemptId.tsx": [
    { name: "a page of the open attempt", handler: "loader", path: open, expect: attemptOwner(200) },
    {
      name: "save a page",
      handler: "action",
      intent: "save",
      path: open,
      form: attemptForm("save"),
      expect: attemptOwner(302),
    },
    {
      name: "next page",
      handler: "action",
      intent: "next",
      path: open,
      form: attemptForm("next"),
      expect: attemptOwner(302),
    },
    {
      name: "previous page",
      handler: "action",
      intent: "previous",
      path: open,
      form: attemptForm("previous"),
      expect: attemptOwner(302),
    },
    {
      name: "go to a page",
      handler: "action",
      intent: "page",
      path: open,
      form: attemptForm("page:1"),
      expect: attemptOwner(302),
    },
    {
      name: "move an item",
      handler: "action",
      intent: "move",
      path: open,
      form: attemptForm("move:1:0:up"),
      expect: attemptOwner(302),
    },
    {
      name: "autosave",
      handler: "action",
      intent: "autosave",
      path: open,
      form: attemptForm("autosave"),
      expect: attemptOwner(200),
    },
    {
      name: "malformed input is refused before anything is read",
      handler: "action",
      intent: UNKNOWN_INTENT,
      path: open,
      form: () => ({ intent: "grade-myself", revision: "x", page: "1" }),
      expect: everyoneSignedIn(400),
    },
    // Last: submitting finishes the attempt.
    {
      name: "submit",
      handler: "action",
      intent: "submit",
      path: open,
      form: attemptForm("submit"),
      expect: attemptOwner(302),
    },
  ],
  "attempts.$attemptId_.result.tsx": [
    {
      name: "result of the finished attempt",
      handler: "loader",
      path: (w) => `/attempts/${w.finishedAttempt.id}/result`,
      expect: attemptOwner(200),
    },
  ],
  "grading._index.tsx": [
    {
      name: "queue",
      handler: "loader",
      path: () => "/grading",
      expect: {
        anonymous: 302,
        disabled: 302,
        trainer: 200,
        teacher: 200,
        otherTrainer: 200,
        otherTeacher: 200,
        centreTrainer: 200,
        centreTeacher: 200,
        everyone: 403,
      },
    },
  ],
  "grading.$attemptId.$slot.tsx": [
    {
      name: "read the essay",
      handler: "loader",
      path: (w) => `/grading/${w.finishedAttempt.id}/${w.essaySlot}`,
      expect: graders(200),
    },
    {
      name: "grade it",
      handler: "action",
      intent: NO_INTENT,
      path: (w) => `/grading/${w.finishedAttempt.id}/${w.essaySlot}`,
      form: () => ({ points: "1", comment: "Gut" }),
      expect: graders(302),
    },
    {
      name: "a slot that is not an essay",
      handler: "loader",
      path: (w) => `/grading/${w.finishedAttempt.id}/99`,
      expect: everyoneSignedIn(404),
    },
  ],
};
