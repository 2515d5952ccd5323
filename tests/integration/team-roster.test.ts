/**
 * "The team" is one roster: an apprentice with two apprenticeships at one company (a shortened
 * and a continued contract, say) is one person on the home page, in the assignment form and on
 * the dashboard.
 */
import { describe, expect, test } from "vitest";
import { newAssignmentForm } from "#app/modules/assignments/assignment-form.server.ts";
import { teamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { homeFor } from "#app/modules/home/home.server.ts";
import { schoolClassesWithStudents } from "#app/modules/training/queries.server.ts";
import { createApprenticeship, createMember, ctxFor, occupationId } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { apprenticeships } from "#db/schema/index.ts";

const { db } = await openTestDatabase();
const world = await createWorld(db);
const twice = world.people.apprentice;
// A second apprenticeship at the same company, in another occupation, started later.
await db.insert(apprenticeships).values({
  apprenticeId: twice.id,
  companyId: world.company.id,
  trainerId: world.people.trainer.id,
  occupationId: await occupationId(db, "elektroniker"),
  startsOn: "2026-08-01",
  plannedEndOn: "2029-07-31",
});
const solo = await createMember(db, world.company.id, "apprentice");
await createApprenticeship(db, { apprenticeId: solo.id, companyId: world.company.id, trainerId: null });

const count = (ids: string[], id: string) => ids.filter((x) => x === id).length;

describe("the team roster", () => {
  test("the trainer's home lists each apprentice once", async () => {
    const home = await homeFor(await ctxFor(db, world.people.trainer.id));
    const ids = home.teams.flatMap((team) => team.apprentices.map((a) => a.userId));
    expect(count(ids, twice.id)).toBe(1);
    expect(count(ids, solo.id)).toBe(1);
  });

  test("the assignment form offers each apprentice once", async () => {
    const form = await newAssignmentForm(await ctxFor(db, world.people.trainer.id), world.company.id);
    const ids = form.apprentices.map((a) => a.userId);
    expect(count(ids, twice.id)).toBe(1);
    expect(ids.sort()).toEqual([twice.id, solo.id].sort());
  });

  test("the dashboard, the home and the form agree on who is in the team", async () => {
    const ctx = await ctxFor(db, world.people.trainer.id);
    const dashboard = (await teamDashboard(ctx, world.company.id)).apprentices.map((a) => a.userId).sort();
    const form = (await newAssignmentForm(ctx, world.company.id)).apprentices.map((a) => a.userId).sort();
    const home = (await homeFor(ctx)).teams.flatMap((t) => t.apprentices.map((a) => a.userId)).sort();
    expect(dashboard).toEqual(form);
    expect(home).toEqual(form);
  });

  test("a student with two apprenticeships is one student of the class", async () => {
    const classes = await schoolClassesWithStudents(await ctxFor(db, world.people.teacher.id), world.school.id);
    const ids = classes.flatMap((c) => c.students.map((s) => s.userId));
    expect(count(ids, twice.id)).toBe(1);
  });
});
