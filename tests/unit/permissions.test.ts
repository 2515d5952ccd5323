import { describe, expect, test } from "vitest";
import type { Actor, ActorMembership } from "#app/modules/context.server.ts";
import {
  canExportQuiz,
  requireCourseManage,
  requireCourseRead,
  requireMediaRead,
} from "#app/modules/permissions/course-access.server.ts";
import {
  can,
  invitableRoles,
  memberOrganizationIds,
  organizationPermissions,
  organizationsWith,
  requireAssignmentManage,
  requireFollowApprentice,
  requirePermission,
} from "#app/modules/permissions/permissions.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";

const company = { id: "c1", kind: "company" as const };
const school = { id: "s1", kind: "school" as const };
const centre = { id: "t1", kind: "training_centre" as const };
type Org = typeof company | typeof school | typeof centre;

function actorWith(...memberships: [Org, Role][]): Actor {
  return {
    id: "u1",
    name: "Test",
    email: "t@example.test",
    locale: "de",
    platformRole: null,
    memberships: memberships.map(
      ([org, role]): ActorMembership => ({
        organizationId: org.id,
        organizationName: org.id,
        organizationKind: org.kind,
        role,
      }),
    ),
  };
}

describe("organisation permissions (DESIGN.md, 'Who sees what')", () => {
  const staff = ["invitations.manage", "courses.manage", "answers.grade", "assignments.manage"];
  // Trainers see the apprentices on the people page and make password codes for them.
  const trainerPeople = ["people.view", "passwords.reset"];
  // Admins manage everyone there and read the audit trail.
  const adminPeople = ["people.view", "people.manage", "passwords.reset", "audit.view"];
  test.each([
    [company.kind, "apprentice", [], company],
    // Only trainers approve Berichtshefte (records.review), never admins or teachers.
    [
      company.kind,
      "trainer",
      [...staff, "team.view", ...trainerPeople, "apprenticeships.end", "records.review"],
      company,
    ],
    [
      company.kind,
      "admin",
      ["invitations.manage", "members.view", ...adminPeople, "team.view", "apprenticeships.end"],
      company,
    ],
    [school.kind, "apprentice", [], school],
    [school.kind, "teacher", [...staff, "classes.view", "classes.manage"], school],
    [
      school.kind,
      "admin",
      ["invitations.manage", "members.view", ...adminPeople, "classes.view", "classes.manage"],
      school,
    ],
    // A training centre has both a team and classes.
    [
      centre.kind,
      "trainer",
      [...staff, "team.view", ...trainerPeople, "apprenticeships.end", "records.review"],
      centre,
    ],
    [centre.kind, "teacher", [...staff, "classes.view", "classes.manage"], centre],
    [
      centre.kind,
      "admin",
      [
        "invitations.manage",
        "members.view",
        ...adminPeople,
        "team.view",
        "classes.view",
        "classes.manage",
        "apprenticeships.end",
      ],
      centre,
    ],
  ] as const)("in a %s, a %s holds exactly %j", (_kind, role, expected, org) => {
    const actor = actorWith([org, role]);
    const held = Object.keys(organizationPermissions).filter((p) => can(actor, p as never, org.id));
    expect(held.sort()).toEqual([...expected].sort());
  });

  test("a company has no classes and a school no team, whoever asks (members get 'forbidden')", () => {
    expect(() => requirePermission(actorWith([company, "admin"]), "classes.view", company.id)).toThrow(ForbiddenError);
    expect(() => requirePermission(actorWith([school, "admin"]), "team.view", school.id)).toThrow(ForbiddenError);
    expect(() => requirePermission(actorWith([centre, "admin"]), "team.view", centre.id)).not.toThrow();
    expect(() => requirePermission(actorWith([centre, "admin"]), "classes.view", centre.id)).not.toThrow();
  });

  test("nobody holds anything in an organisation they do not belong to", () => {
    const actor = actorWith([company, "admin"]);
    for (const permission of Object.keys(organizationPermissions)) {
      expect(can(actor, permission as never, school.id)).toBe(false);
    }
  });

  test("outsiders get 'not found', members without the role get 'forbidden'", () => {
    expect(() => requirePermission(actorWith([school, "teacher"]), "team.view", company.id)).toThrow(NotFoundError);
    expect(() => requirePermission(actorWith([company, "apprentice"]), "team.view", company.id)).toThrow(
      ForbiddenError,
    );
    expect(() => requirePermission(actorWith([company, "trainer"]), "team.view", company.id)).not.toThrow();
  });

  test("roles in one organisation do not leak into another", () => {
    const actor = actorWith([company, "apprentice"], [school, "admin"]);
    expect(can(actor, "members.view", school.id)).toBe(true);
    expect(can(actor, "members.view", company.id)).toBe(false);
    expect(organizationsWith(actor, "members.view").map((m) => m.organizationId)).toEqual([school.id]);
  });
});

describe("invitableRoles", () => {
  test("a trainer invites apprentices and fellow trainers, never admins", () => {
    expect(invitableRoles(actorWith([company, "trainer"]), company)).toEqual(["apprentice", "trainer"]);
  });

  test("a teacher invites apprentices and teachers", () => {
    expect(invitableRoles(actorWith([school, "teacher"]), school)).toEqual(["apprentice", "teacher"]);
  });

  test("an admin hands out every role that exists in the kind of organisation", () => {
    expect(invitableRoles(actorWith([company, "admin"]), company)).toEqual(["apprentice", "trainer", "admin"]);
    expect(invitableRoles(actorWith([school, "admin"]), school)).toEqual(["apprentice", "teacher", "admin"]);
  });

  test("apprentices and outsiders invite nobody", () => {
    expect(invitableRoles(actorWith([company, "apprentice"]), company)).toEqual([]);
    expect(invitableRoles(actorWith([school, "admin"]), company)).toEqual([]);
  });
});

describe("courses", () => {
  const published = "published" as const;

  test("library courses are readable by everyone signed in, but only when published", () => {
    const nobody = actorWith();
    expect(() => requireCourseRead(nobody, { ownerOrganizationId: null, status: published })).not.toThrow();
    expect(() => requireCourseRead(nobody, { ownerOrganizationId: null, status: "draft" })).toThrow(NotFoundError);
  });

  test("an organisation's course: members read it published; drafts only its authors", () => {
    const course = { ownerOrganizationId: company.id, status: published };
    const draft = { ...course, status: "draft" as const };
    expect(() => requireCourseRead(actorWith([company, "apprentice"]), course)).not.toThrow();
    expect(() => requireCourseRead(actorWith([school, "teacher"]), course)).toThrow(NotFoundError);
    expect(() => requireCourseRead(actorWith([company, "apprentice"]), draft)).toThrow(NotFoundError);
    expect(() => requireCourseRead(actorWith([company, "trainer"]), draft)).not.toThrow();
    expect(() => requireCourseRead(actorWith([company, "admin"]), draft)).toThrow(NotFoundError);
  });

  test("writing: the library is read-only; outsiders get not found, members without the role forbidden", () => {
    expect(() => requireCourseManage(actorWith([company, "trainer"]), { ownerOrganizationId: null })).toThrow(
      ForbiddenError,
    );
    expect(() => requireCourseManage(actorWith([school, "teacher"]), { ownerOrganizationId: company.id })).toThrow(
      NotFoundError,
    );
    expect(() => requireCourseManage(actorWith([company, "apprentice"]), { ownerOrganizationId: company.id })).toThrow(
      ForbiddenError,
    );
    expect(() =>
      requireCourseManage(actorWith([company, "trainer"]), { ownerOrganizationId: company.id }),
    ).not.toThrow();
    expect(() => requireCourseManage(actorWith([school, "teacher"]), { ownerOrganizationId: school.id })).not.toThrow();
  });

  test("readers' organisations and pictures", () => {
    const actor = actorWith([company, "apprentice"], [school, "apprentice"]);
    expect(memberOrganizationIds(actor).sort()).toEqual([company.id, school.id].sort());
    expect(() => requireMediaRead(actorWith(), [null])).not.toThrow();
    expect(() => requireMediaRead(actorWith([school, "teacher"]), [company.id])).toThrow(NotFoundError);
    expect(() => requireMediaRead(actor, ["elsewhere", company.id])).not.toThrow();
  });

  test("following an apprentice: the company's trainers and admins, the teachers of a school they learn at", () => {
    const apprentice = { companies: [company.id], schools: [school.id] };
    expect(requireFollowApprentice(actorWith([company, "trainer"]), apprentice)).toEqual({
      asCompany: [company.id],
      asSchool: [],
    });
    expect(requireFollowApprentice(actorWith([school, "teacher"]), apprentice)).toEqual({
      asCompany: [],
      asSchool: [school.id],
    });
    expect(() => requireFollowApprentice(actorWith([company, "apprentice"]), apprentice)).toThrow(NotFoundError);
    expect(() =>
      requireFollowApprentice(actorWith([school, "teacher"]), { companies: [company.id], schools: [] }),
    ).toThrow(NotFoundError);
  });

  test("an assignment is managed by its organisation's trainers and teachers; for others it does not exist", () => {
    expect(() =>
      requireAssignmentManage(actorWith([company, "trainer"]), { organizationId: company.id }),
    ).not.toThrow();
    expect(() => requireAssignmentManage(actorWith([school, "teacher"]), { organizationId: school.id })).not.toThrow();
    for (const actor of [
      actorWith([company, "admin"]),
      actorWith([company, "apprentice"]),
      actorWith([school, "teacher"]),
    ]) {
      expect(() => requireAssignmentManage(actor, { organizationId: company.id })).toThrow(NotFoundError);
    }
  });
});

describe("GIFT export (answer keys)", () => {
  test("an organisation's quiz only for the staff who write its courses; a library quiz for any author", () => {
    const ownQuiz = { ownerOrganizationId: company.id };
    expect(canExportQuiz(actorWith([company, "trainer"]), ownQuiz)).toBe(true);
    expect(canExportQuiz(actorWith([company, "apprentice"], [centre, "trainer"]), ownQuiz)).toBe(false);
    expect(canExportQuiz(actorWith([company, "admin"]), ownQuiz)).toBe(false);
    expect(canExportQuiz(actorWith([school, "teacher"]), { ownerOrganizationId: null })).toBe(true);
    expect(canExportQuiz(actorWith([company, "apprentice"]), { ownerOrganizationId: null })).toBe(false);
  });
});
