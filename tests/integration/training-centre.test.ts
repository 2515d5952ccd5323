/**
 * A training centre (Bildungszentrum) has both a team and classes: the permission matrix, not the
 * call sites, says so. Its trainers follow the team, its teachers the classes, its admins both.
 */
import { describe, expect, test } from "vitest";
import { classView } from "#app/modules/assignments/class-view.server.ts";
import { defaultClassViewFilter } from "#app/modules/assignments/class-view-query.ts";
import { teamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { homeFor } from "#app/modules/home/home.server.ts";
import { ForbiddenError } from "#app/utils/errors.ts";
import { createClass, createMember, createOrganization, ctxFor } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();
const centre = await createOrganization(db, "training_centre");
const trainer = await createMember(db, centre.id, "trainer");
const teacher = await createMember(db, centre.id, "teacher");
const admin = await createMember(db, centre.id, "admin");
const apprentice = await createMember(db, centre.id, "apprentice");
await createClass(db, centre.id, [apprentice.id]);
const as = (userId: string) => ctxFor(db, userId);

describe("a training centre", () => {
  test("its admin sees the team and the classes, on the dashboards and at home", async () => {
    const ctx = await as(admin.id);
    expect((await teamDashboard(ctx, centre.id)).apprentices.map((a) => a.userId)).toEqual([apprentice.id]);
    const classes = await classView(ctx, centre.id, defaultClassViewFilter);
    expect(classes.classes.flatMap((c) => c.students.map((s) => s.userId))).toEqual([apprentice.id]);
    const home = await homeFor(ctx);
    expect(home.teams.map((t) => t.organizationId)).toEqual([centre.id]);
    expect(home.classes.map((c) => c.organizationId)).toEqual([centre.id]);
  });

  test("its trainer follows the team, not the classes; its teacher the classes, not the team", async () => {
    expect((await teamDashboard(await as(trainer.id), centre.id)).apprentices).toHaveLength(1);
    await expect(classView(await as(trainer.id), centre.id, defaultClassViewFilter)).rejects.toThrow(ForbiddenError);
    expect((await classView(await as(teacher.id), centre.id, defaultClassViewFilter)).classes).toHaveLength(1);
    await expect(teamDashboard(await as(teacher.id), centre.id)).rejects.toThrow(ForbiddenError);
  });
});
