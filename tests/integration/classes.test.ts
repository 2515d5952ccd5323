import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import {
  auditEvents,
  classEnrollments,
  classTeachers,
  memberships,
  occupations,
  organizationOccupations,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import { newAssignmentForm } from "#app/modules/assignments/assignment-form.server.ts";
import { parseClassViewFilter } from "#app/modules/assignments/class-view-filter.ts";
import { classView } from "#app/modules/assignments/class-view.server.ts";
import { createClassCode, moveStudent, removeStudent } from "#app/modules/classes/enrolment.server.ts";
import {
  archiveClass,
  createClass as createSchoolClass,
  promoteClass,
  setClassTeachers,
  updateClass,
} from "#app/modules/classes/manage-classes.server.ts";
import { classDetail, classManagement } from "#app/modules/classes/queries.server.ts";
import { acceptInvitation } from "#app/modules/orgs/accept-invitation.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { findOpenInvitation, invitationFormOptions } from "#app/modules/orgs/queries.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { action as manageAction } from "#app/routes/orgs.$orgId.classes_.manage.tsx";
import { action as classAction } from "#app/routes/orgs.$orgId.classes_.manage_.$classId.tsx";
import { createClass, createMember, ctxFor, occupationId, sessionCookieFor, unique } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();
const anonymous = () => ({ db, actor: null, now: new Date() });
const address = () => unique("203.0.113");
const classInput = (name = unique("FIA")) => ({ name, trainingYear: 1, schoolYear: "2026/27" });
const newAccount = () => ({
  name: "Neue Person",
  email: `${unique("neu")}@example.test`,
  password: "ein langes passwort",
});
const noFilter = parseClassViewFilter(new URLSearchParams());
// Which events, in any order: one test's steps share one clock reading, so their times tie.
const audits = async (targetId: string) =>
  (await db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId))).map((a) => a.action).sort();

describe("class management", () => {
  test("a school admin creates, renames and archives a class, each with an audit row", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.schoolAdmin.id);
    const occupation = await occupationId(db);
    const created = await createSchoolClass({
      ctx,
      input: { ...classInput("FIA26a"), occupationId: occupation, schoolId: world.school.id },
    });
    if (!created.ok) throw new Error("not created");
    const renamed = await updateClass({
      ctx,
      input: { ...classInput("FIA26b"), schoolId: world.school.id, classId: created.id },
    });
    expect(renamed.ok).toBe(true);
    await archiveClass({ ctx, input: { schoolId: world.school.id, classId: created.id } });
    await archiveClass({ ctx, input: { schoolId: world.school.id, classId: created.id } });
    const [row] = await db.select().from(schoolClasses).where(eq(schoolClasses.id, created.id));
    expect(row?.name).toBe("FIA26b");
    expect(row?.archivedAt).not.toBeNull();
    expect(await audits(created.id)).toEqual(["class.archived", "class.created", "class.updated"]);
  });

  test("a teacher who creates a class teaches it (and sees it in Meine Klassen); an admin does not", async () => {
    const world = await createWorld(db);
    const byTeacher = await createSchoolClass({
      ctx: await ctxFor(db, world.people.teacher.id),
      input: { ...classInput(), schoolId: world.school.id },
    });
    const byAdmin = await createSchoolClass({
      ctx: await ctxFor(db, world.people.schoolAdmin.id),
      input: { ...classInput(), schoolId: world.school.id },
    });
    if (!byTeacher.ok || !byAdmin.ok) throw new Error("not created");
    const teachersOf = async (classId: string) =>
      (await db.select().from(classTeachers).where(eq(classTeachers.classId, classId))).map((row) => row.teacherId);
    expect(await teachersOf(byTeacher.id)).toEqual([world.people.teacher.id]);
    expect(await teachersOf(byAdmin.id)).toEqual([]);
  });

  test("the forms offer the school's own occupations first, and still every other", async () => {
    const world = await createWorld(db);
    const all = await db.select().from(occupations).orderBy(occupations.name);
    const own = all.at(-1);
    if (!own) throw new Error("no occupations");
    await db.insert(organizationOccupations).values({ organizationId: world.school.id, occupationId: own.id });
    const ctx = await ctxFor(db, world.people.schoolAdmin.id);
    for (const offered of [
      (await classManagement(ctx, world.school.id)).occupations,
      (await invitationFormOptions(ctx, world.school.id)).occupations,
    ]) {
      expect(offered[0]?.id).toBe(own.id);
      expect(offered.map((o) => o.id).sort()).toEqual(all.map((o) => o.id).sort());
    }
    // Another school's list does not reorder this one's.
    const other = await classManagement(await ctxFor(db, world.people.otherTeacher.id), world.otherSchool.id);
    expect(other.occupations.map((o) => o.name)).toEqual(all.map((o) => o.name));
  });

  test("a name the school already uses is a field error, not a second class", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const result = await createSchoolClass({
      ctx,
      input: { ...classInput(world.schoolClass.name), schoolId: world.school.id },
    });
    expect(result).toEqual({ ok: false, fieldErrors: { name: ["errors.class.nameTaken"] } });
  });

  test("the route keeps what was typed and names a malformed school year in German", async () => {
    const world = await createWorld(db);
    const result = await callRoute(manageAction, {
      path: `/orgs/${world.school.id}/classes/manage`,
      params: { orgId: world.school.id },
      cookie: await sessionCookieFor(db, world.people.teacher.id),
      form: { intent: "create", name: "FIA26c", trainingYear: "1", schoolYear: "2026/28" },
    });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      fieldErrors: { schoolYear: ["errors.class.schoolYear"] },
      values: { name: "FIA26c" },
    });
  });

  test("an apprentice or a company may not manage classes (the permission check)", async () => {
    const world = await createWorld(db);
    const apprentice = await createMember(db, world.school.id, "apprentice");
    await expect(
      createSchoolClass({
        ctx: await ctxFor(db, apprentice.id),
        input: { ...classInput(), schoolId: world.school.id },
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      createSchoolClass({
        ctx: await ctxFor(db, world.people.admin.id),
        input: { ...classInput(), schoolId: world.company.id },
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  test("school B's staff get 'not found' for school A's classes: read, edit, archive, code, enrol", async () => {
    const world = await createWorld(db);
    const other = await ctxFor(db, world.people.otherTeacher.id);
    const a = { schoolId: world.school.id, classId: world.schoolClass.id };
    await expect(classDetail(other, a.schoolId, a.classId)).rejects.toThrow(NotFoundError);
    await expect(updateClass({ ctx: other, input: { ...classInput(), ...a } })).rejects.toThrow(NotFoundError);
    await expect(archiveClass({ ctx: other, input: a })).rejects.toThrow(NotFoundError);
    await expect(createClassCode({ ctx: other, input: { ...a, validDays: 30 } })).rejects.toThrow(NotFoundError);
    // Under their own school's id, A's class is no class of theirs either.
    const own = { schoolId: world.otherSchool.id, classId: world.schoolClass.id };
    await expect(classDetail(other, own.schoolId, own.classId)).rejects.toThrow(NotFoundError);
    await expect(archiveClass({ ctx: other, input: own })).rejects.toThrow(NotFoundError);
    await expect(createClassCode({ ctx: other, input: { ...own, validDays: 30 } })).rejects.toThrow(NotFoundError);
    const otherClass = await createClass(db, world.otherSchool.id);
    await expect(
      moveStudent({
        ctx: other,
        input: { ...own, classId: otherClass.id, studentId: world.people.apprentice.id, targetClassId: a.classId },
      }),
    ).rejects.toThrow(NotFoundError);
    const route = await callRoute(classAction, {
      path: `/orgs/${a.schoolId}/classes/manage/${a.classId}`,
      params: { orgId: a.schoolId, classId: a.classId },
      cookie: await sessionCookieFor(db, world.people.otherTeacher.id),
      form: { intent: "archive" },
    });
    expect(route.status).toBe(404);
    const [row] = await db.select().from(schoolClasses).where(eq(schoolClasses.id, a.classId));
    expect(row?.archivedAt).toBeNull();
  });

  test("class teachers: only teachers of this school are kept", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.schoolAdmin.id);
    const input = { schoolId: world.school.id, classId: world.schoolClass.id };
    await setClassTeachers({
      ctx,
      input: { ...input, teacherIds: [world.people.teacher.id, world.people.otherTeacher.id, world.people.trainer.id] },
    });
    const rows = await db.select().from(classTeachers).where(eq(classTeachers.classId, input.classId));
    expect(rows.map((r) => r.teacherId)).toEqual([world.people.teacher.id]);
    await setClassTeachers({ ctx, input: { ...input, teacherIds: [] } });
    expect(await db.select().from(classTeachers).where(eq(classTeachers.classId, input.classId))).toEqual([]);
  });

  test("promote: year + 1 and school year + 1, once per submit, never past year 4", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const created = await createSchoolClass({
      ctx,
      input: { ...classInput(), trainingYear: 3, schoolYear: "2099/00", schoolId: world.school.id },
    });
    if (!created.ok) throw new Error("not created");
    const input = { schoolId: world.school.id, classId: created.id, fromYear: 3 };
    expect(await promoteClass({ ctx, input })).toEqual({ ok: true });
    expect(await promoteClass({ ctx, input })).toEqual({ ok: true });
    const [row] = await db.select().from(schoolClasses).where(eq(schoolClasses.id, created.id));
    expect([row?.trainingYear, row?.schoolYear]).toEqual([4, "2100/01"]);
    expect(await promoteClass({ ctx, input: { ...input, fromYear: 4 } })).toEqual({ ok: false, reason: "lastYear" });
  });

  test("an archived class disappears from the class view, the assignment and invitation forms", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const input = { schoolId: world.school.id, classId: world.schoolClass.id };
    await archiveClass({ ctx, input });
    const view = await classView(ctx, world.school.id, { ...noFilter, class: "all" });
    expect(view.classOptions.map((c) => c.id)).not.toContain(input.classId);
    await expect(classView(ctx, world.school.id, { ...noFilter, class: input.classId })).rejects.toThrow(NotFoundError);
    const options = await invitationFormOptions(ctx, world.school.id);
    expect(options.classes.map((c) => c.id)).not.toContain(input.classId);
    expect(JSON.stringify(await newAssignmentForm(ctx, world.school.id))).not.toContain(input.classId);
    await expect(
      createInvitation({
        ctx,
        input: { label: "X", role: "apprentice", validDays: 7, classId: input.classId, organizationId: input.schoolId },
      }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("enrolment", () => {
  test("a class code enrols three students, stays open, and a second redemption enrols once", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const schoolClass = await createClass(db, world.school.id);
    const { code } = await createClassCode({
      ctx,
      input: { schoolId: world.school.id, classId: schoolClass.id, validDays: 30 },
    });
    for (let i = 0; i < 3; i++) {
      const result = await acceptInvitation({
        ctx: anonymous(),
        input: { code, account: newAccount(), clientAddress: address() },
      });
      expect(result.ok).toBe(true);
    }
    const existing = await ctxFor(db, world.people.otherApprentice.id);
    for (let i = 0; i < 2; i++) {
      const again = await acceptInvitation({ ctx: existing, input: { code, account: null, clientAddress: address() } });
      expect(again.ok).toBe(true);
    }
    const enrolled = await db.select().from(classEnrollments).where(eq(classEnrollments.classId, schoolClass.id));
    expect(enrolled).toHaveLength(4);
    const joined = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, world.school.id), eq(memberships.role, "apprentice")));
    expect(joined.length).toBeGreaterThanOrEqual(4);
    expect(await findOpenInvitation(db, code, new Date())).not.toBeNull();
  });

  test("a single-use code is used up by the first", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const { code } = await createInvitation({
      ctx,
      input: { label: "Lena", role: "apprentice", validDays: 7, organizationId: world.school.id },
    });
    const first = await acceptInvitation({
      ctx: anonymous(),
      input: { code, account: newAccount(), clientAddress: address() },
    });
    expect(first.ok).toBe(true);
    const second = await acceptInvitation({
      ctx: anonymous(),
      input: { code, account: newAccount(), clientAddress: address() },
    });
    expect(second).toEqual({ ok: false, reason: "invalidCode" });
  });

  test("the class code of an archived class leads nowhere", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const schoolClass = await createClass(db, world.school.id);
    const input = { schoolId: world.school.id, classId: schoolClass.id };
    const { code } = await createClassCode({ ctx, input: { ...input, validDays: 30 } });
    await archiveClass({ ctx, input });
    const result = await acceptInvitation({
      ctx: anonymous(),
      input: { code, account: newAccount(), clientAddress: address() },
    });
    expect(result).toEqual({ ok: false, reason: "invalidCode" });
  });

  test("move a student to another class of the school, then take them out; their account stays", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.teacher.id);
    const target = await createClass(db, world.school.id);
    const student = world.people.apprentice.id;
    const input = { schoolId: world.school.id, classId: world.schoolClass.id, studentId: student };
    await moveStudent({ ctx, input: { ...input, targetClassId: target.id } });
    await moveStudent({ ctx, input: { ...input, targetClassId: target.id } });
    const rows = await db.select().from(classEnrollments).where(eq(classEnrollments.apprenticeId, student));
    expect(rows.map((r) => r.classId)).toEqual([target.id]);
    await removeStudent({ ctx, input: { ...input, classId: target.id } });
    expect(await db.select().from(classEnrollments).where(eq(classEnrollments.apprenticeId, student))).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, student))).toHaveLength(1);
    expect(await audits(student)).toEqual(["class.studentMoved", "class.studentRemoved"]);
    // Not into a class of another school.
    const foreign = await createClass(db, world.otherSchool.id);
    await expect(
      moveStudent({ ctx, input: { ...input, studentId: world.people.otherApprentice.id, targetClassId: foreign.id } }),
    ).rejects.toThrow(NotFoundError);
  });
});
