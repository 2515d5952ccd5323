/**
 * The vocabulary of the access decisions (tests/setup/route-decisions-*.ts): who visits, what a
 * case calls, and the usual answers by role, written once so each decision reads as a rule.
 */
import type { AccessWorld, PersonKey } from "./access-world.ts";
import type { Handler } from "./route-inventory.ts";

export type Visitor = "anonymous" | PersonKey;

/** Expected status per visitor; `everyone` fills in whoever is not named. */
export type Expectation = Partial<Record<Visitor, number>> & { everyone?: number };

export type Case = {
  name: string;
  handler: Handler;
  /** For actions: the intent this case decides (NO_INTENT, a known intent, or UNKNOWN_INTENT). */
  intent?: string;
  /** The URL; its params are read from it with the route's pattern. */
  path: (w: AccessWorld) => string;
  form?: (w: AccessWorld) => Record<string, string | string[]> | Promise<Record<string, string | string[]>>;
  multipart?: (w: AccessWorld) => Record<string, string | Blob>;
  expect: Expectation;
  /** Another organisation's names this page shows on purpose to whoever may open it (e.g. who invites). */
  shows?: (w: AccessWorld) => string[];
};

/** Cases per route file (as named in route-inventory.ts). */
export type Decisions = Record<string, Case[]>;

export const signedIn: Expectation = { anonymous: 302, disabled: 302, everyone: 200 };
/** Refused to everyone signed in (and anonymous sent to log in). */
export const everyoneSignedIn = (status: number): Expectation => ({ anonymous: 302, disabled: 302, everyone: status });

// The company's own courses: its members read them, everyone else must not learn they exist.
export const companyReaders: Expectation = {
  anonymous: 302,
  disabled: 302,
  trainer: 200,
  admin: 200,
  apprentice: 200,
  everyone: 404,
};
/** Members who read, with `ok` for what they do with it (302 after a write). */
export const companyMembers = (ok: number): Expectation => ({
  ...companyReaders,
  trainer: ok,
  admin: ok,
  apprentice: ok,
});
// Writing them: the company's trainer only (admin and apprentice are members without the role).
export const companyAuthors = (ok: number): Expectation => ({
  anonymous: 302,
  disabled: 302,
  trainer: ok,
  admin: 403,
  apprentice: 403,
  everyone: 404,
});
// Who manages invitations of the world's company: its trainer and admin. Its apprentice is a
// member without the role (403); everyone else is an outsider and must not learn it exists (404).
export const companyInvitations = (ok: number): Expectation => ({
  anonymous: 302,
  disabled: 302,
  trainer: ok,
  admin: ok,
  apprentice: 403,
  everyone: 404,
});
export const schoolInvitations: Expectation = {
  anonymous: 302,
  disabled: 302,
  teacher: 200,
  schoolAdmin: 200,
  everyone: 404,
};
// An attempt: only the apprentice who made it; nobody else learns it exists.
export const attemptOwner = (ok: number): Expectation => ({
  anonymous: 302,
  disabled: 302,
  apprentice: ok,
  everyone: 404,
});
// Grading the apprentice's essay in the company's own quiz: the company's trainer only. The class's
// teacher cannot open the company's course, so she must not learn the answer exists either.
export const graders = (ok: number): Expectation => ({ anonymous: 302, disabled: 302, trainer: ok, everyone: 404 });
// Giving assignments: the organisation's trainers or teachers. Admins and apprentices are members
// without the role (403); outsiders must not learn the organisation exists (404).
export const assignmentGivers = (kind: "company" | "school" | "centre", ok: number): Expectation =>
  kind === "company"
    ? { anonymous: 302, disabled: 302, trainer: ok, admin: 403, apprentice: 403, everyone: 404 }
    : kind === "school"
      ? { anonymous: 302, disabled: 302, teacher: ok, schoolAdmin: 403, everyone: 404 }
      : {
          anonymous: 302,
          disabled: 302,
          centreTrainer: ok,
          centreTeacher: ok,
          centreAdmin: 403,
          centreApprentice: 403,
          everyone: 404,
        };
