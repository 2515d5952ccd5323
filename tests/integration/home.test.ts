import { describe, expect, test } from "vitest";
import { homeFor } from "#app/modules/home/home.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { revokeInvitation } from "#app/modules/orgs/revoke-invitation.server.ts";
import { companyTeam, schoolClassesWithStudents } from "#app/modules/training/queries.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { ctxFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

describe("what each role sees at home", () => {
  test("a trainer sees the apprentices of their own company only", async () => {
    const world = await createWorld(db);
    const home = await homeFor(await ctxFor(db, world.people.trainer.id));
    expect(home.teams).toHaveLength(1);
    expect(home.teams[0]?.apprentices.map((a) => a.userId)).toEqual([world.people.apprentice.id]);
    expect(home.training).toBeNull();
    expect(home.classes).toEqual([]);
    expect(home.administration).toEqual([]);
  });

  test("a teacher sees the class with apprentices of both companies", async () => {
    const world = await createWorld(db);
    const home = await homeFor(await ctxFor(db, world.people.teacher.id));
    const [schoolClass] = home.classes[0]?.classes ?? [];
    expect(schoolClass?.students.map((s) => s.userId).sort()).toEqual(
      [world.people.apprentice.id, world.people.otherApprentice.id].sort(),
    );
    expect(schoolClass?.companyCount).toBe(2);
  });

  test("an apprentice sees their own training and class, nobody else's", async () => {
    const world = await createWorld(db);
    const home = await homeFor(await ctxFor(db, world.people.apprentice.id));
    expect(home.training?.apprenticeships).toHaveLength(1);
    expect(home.training?.apprenticeships[0]?.trainerName).toBe(world.people.trainer.name);
    expect(home.training?.classes.map((c) => c.id)).toEqual([world.schoolClass.id]);
    expect(home.teams).toEqual([]);
    expect(JSON.stringify(home)).not.toContain(world.people.otherApprentice.name);
  });

  test("an admin sees the members of their organisation and how many invitations are open", async () => {
    const world = await createWorld(db);
    const trainer = await ctxFor(db, world.people.trainer.id);
    const invite = { label: "X", role: "apprentice" as const, validDays: 7, organizationId: world.company.id };
    await createInvitation({ ctx: trainer, input: invite });
    const withdrawn = await createInvitation({ ctx: trainer, input: invite });
    await revokeInvitation({ ctx: trainer, input: { organizationId: world.company.id, invitationId: withdrawn.id } });
    expect((await homeFor(await ctxFor(db, world.people.admin.id))).administration[0]?.openInvitations).toBe(1);
    const home = await homeFor(await ctxFor(db, world.people.admin.id));
    expect(home.administration[0]?.members.map((m) => m.userId).sort()).toEqual(
      [world.people.trainer.id, world.people.admin.id, world.people.apprentice.id].sort(),
    );
  });
});

describe("other organisations' data cannot be read", () => {
  test("a trainer asking for another company's team gets 'not found'", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.otherTrainer.id);
    await expect(companyTeam(ctx, world.company.id)).rejects.toThrow(NotFoundError);
  });

  test("a teacher of another school cannot see the class, its students or their companies", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.otherTeacher.id);
    await expect(schoolClassesWithStudents(ctx, world.school.id)).rejects.toThrow(NotFoundError);
    const home = await homeFor(ctx);
    expect(JSON.stringify(home)).not.toContain(world.schoolClass.name);
  });

  test("an apprentice of the company cannot read the team list", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.apprentice.id);
    await expect(companyTeam(ctx, world.company.id)).rejects.toThrow(ForbiddenError);
  });
});
