/**
 * Betriebswechsel: the old company ends the apprenticeship (actual end) and signs the apprentice
 * out; the new company takes them in. The old company's staff must not see the new work.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apprenticeships, auditEvents, lessonProgress, memberships } from "#db/schema/index.ts";
import { apprenticeOverview } from "#app/modules/assignments/apprentice-overview.server.ts";
import { myAssignments } from "#app/modules/assignments/my-assignments.server.ts";
import { teamDashboard } from "#app/modules/assignments/team-dashboard.server.ts";
import { acceptInvitation } from "#app/modules/orgs/accept-invitation.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { editApprenticeship } from "#app/modules/people/edit-apprenticeship.server.ts";
import { endApprenticeship } from "#app/modules/people/end-apprenticeship.server.ts";
import { deactivateMember } from "#app/modules/people/membership-status.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { assign } from "#tests/factories/assignments.ts";
import { createCourse } from "#tests/factories/courses.ts";
import { createApprenticeship, ctxFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

async function scenario() {
  const w = await createWorld(db);
  const { apprentice } = w.people;
  const course = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 2 });
  const [before, after] = course.lessonIds as [string, string];
  // One lesson while still at the old company, one after its apprenticeship ended.
  await db.insert(lessonProgress).values([
    { userId: apprentice.id, lessonId: before, completedAt: new Date("2026-10-20T09:00:00Z") },
    { userId: apprentice.id, lessonId: after, completedAt: new Date("2026-11-15T09:00:00Z") },
  ]);
  const [contract] = await db.select().from(apprenticeships).where(eq(apprenticeships.apprenticeId, apprentice.id));
  if (!contract) throw new Error("no apprenticeship");
  const admin = await ctxFor(db, w.people.admin.id, new Date("2026-12-01T10:00:00Z"));
  const ended = await editApprenticeship({
    ctx: admin,
    input: {
      organizationId: w.company.id,
      apprenticeshipId: contract.id,
      trainerId: contract.trainerId ?? undefined,
      occupationId: contract.occupationId,
      startsOn: contract.startsOn,
      plannedEndOn: contract.plannedEndOn,
      actualEndOn: "2026-10-31",
    },
  });
  expect(ended).toEqual({ ok: true, changed: 1 });
  return { w, admin };
}

describe("changing company", () => {
  test("while still listed, the old company counts activity only up to the actual end", async () => {
    const { w } = await scenario();
    const dashboard = await teamDashboard(await ctxFor(db, w.people.trainer.id), w.company.id);
    const row = dashboard.apprentices.find((a) => a.userId === w.people.apprentice.id);
    expect(row?.lastActivityAt).toEqual(new Date("2026-10-20T09:00:00Z"));
  });

  test("signed out, the apprentice is gone for the old company and whole for the new one", async () => {
    const { w, admin } = await scenario();
    const { apprentice } = w.people;
    expect(
      await deactivateMember({ ctx: admin, input: { organizationId: w.company.id, userId: apprentice.id } }),
    ).toEqual({
      ok: true,
      changed: true,
    });
    // The new company's invitation, accepted by the existing account.
    await db
      .insert(memberships)
      .values({ userId: apprentice.id, organizationId: w.otherCompany.id, role: "apprentice" });
    await createApprenticeship(db, {
      apprenticeId: apprentice.id,
      companyId: w.otherCompany.id,
      trainerId: w.people.otherTrainer.id,
      startsOn: "2026-11-01",
    });

    const oldTrainer = await ctxFor(db, w.people.trainer.id);
    const oldTeam = await teamDashboard(oldTrainer, w.company.id);
    expect(oldTeam.apprentices.map((a) => a.userId)).not.toContain(apprentice.id);
    await expect(apprenticeOverview(oldTrainer, w.company.id, apprentice.id)).rejects.toThrow(NotFoundError);

    const newTeam = await teamDashboard(await ctxFor(db, w.people.otherTrainer.id), w.otherCompany.id);
    const row = newTeam.apprentices.find((a) => a.userId === apprentice.id);
    expect(row?.lastActivityAt).toEqual(new Date("2026-11-15T09:00:00Z"));
  });

  test("in two companies at once, each company's trainer sees none of the other company's own courses or tasks", async () => {
    const w = await createWorld(db);
    const { apprentice } = w.people;
    await db
      .insert(memberships)
      .values({ userId: apprentice.id, organizationId: w.otherCompany.id, role: "apprentice" });
    const theirs = await createCourse(db, { owner: w.otherCompany.id, modules: 1, lessonsPerModule: 1 });
    const [lesson] = theirs.lessonIds as [string];
    await db.insert(lessonProgress).values({ userId: apprentice.id, lessonId: lesson, completedAt: new Date() });
    await assign(db, {
      by: w.people.otherTrainer.id,
      organizationId: w.otherCompany.id,
      target: { kind: "course", id: theirs.course.id },
      apprenticeIds: [apprentice.id],
      note: "Nur für Betrieb B",
    });
    const seen = JSON.stringify(
      await apprenticeOverview(await ctxFor(db, w.people.trainer.id), w.company.id, apprentice.id),
    );
    expect(seen).not.toContain(theirs.course.title);
    expect(seen).not.toContain("Nur für Betrieb B");
    // Company B's trainer does see it.
    const own = JSON.stringify(
      await apprenticeOverview(await ctxFor(db, w.people.otherTrainer.id), w.otherCompany.id, apprentice.id),
    );
    expect(own).toContain(theirs.course.title);
  });
});

describe("ending an apprenticeship in one step (Betriebswechsel)", () => {
  const today = "2026-12-01";
  const at = new Date(`${today}T10:00:00Z`);
  async function contractOf(apprenticeId: string) {
    const [contract] = await db.select().from(apprenticeships).where(eq(apprenticeships.apprenticeId, apprenticeId));
    if (!contract) throw new Error("no apprenticeship");
    return contract;
  }

  test("the trainer ends it: end date set, signed out at once, the old company sees nothing; the account keeps everything", async () => {
    const w = await createWorld(db);
    const { apprentice } = w.people;
    const contract = await contractOf(apprentice.id);
    const course = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 1 });
    const [lesson] = course.lessonIds as [string];
    await db
      .insert(lessonProgress)
      .values({ userId: apprentice.id, lessonId: lesson, completedAt: new Date("2026-11-20T09:00:00Z") });
    const trainer = await ctxFor(db, w.people.trainer.id, at);
    const input = { organizationId: w.company.id, apprenticeshipId: contract.id, lastDay: "2026-11-30" };

    expect(await endApprenticeship({ ctx: trainer, input })).toMatchObject({ ok: true, changed: true });
    expect((await contractOf(apprentice.id)).actualEndOn).toBe("2026-11-30");
    const [membership] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, apprentice.id), eq(memberships.organizationId, w.company.id)));
    expect(membership?.deactivatedAt).toEqual(at);
    // A double submit changes nothing and writes no second event.
    expect(await endApprenticeship({ ctx: trainer, input })).toMatchObject({ ok: true, changed: false });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, apprentice.id));
    expect(events.map((e) => e.action).sort()).toEqual(["apprenticeship.ended", "membership.deactivated"]);

    const oldTrainer = await ctxFor(db, w.people.trainer.id, at);
    expect((await teamDashboard(oldTrainer, w.company.id)).apprentices.map((a) => a.userId)).not.toContain(
      apprentice.id,
    );
    await expect(apprenticeOverview(oldTrainer, w.company.id, apprentice.id)).rejects.toThrow(NotFoundError);
    // Nothing of the apprentice's own is gone.
    expect(await db.select().from(lessonProgress).where(eq(lessonProgress.userId, apprentice.id))).toHaveLength(1);
  });

  test("the apprentice's list of tasks drops the old company's, keeps the school's", async () => {
    const w = await createWorld(db);
    const { apprentice } = w.people;
    const course = await createCourse(db, { owner: null, modules: 1, lessonsPerModule: 1 });
    await assign(db, {
      by: w.people.trainer.id,
      organizationId: w.company.id,
      target: { kind: "course", id: course.course.id },
      apprenticeIds: [apprentice.id],
      note: "Vom alten Betrieb",
    });
    await assign(db, {
      by: w.people.teacher.id,
      organizationId: w.school.id,
      target: { kind: "course", id: course.course.id },
      classId: w.schoolClass.id,
      apprenticeIds: [apprentice.id],
      note: "Von der Schule",
    });
    const notes = async () => (await myAssignments(await ctxFor(db, apprentice.id))).map((a) => a.note).sort();
    expect(await notes()).toEqual(["Vom alten Betrieb", "Von der Schule"]);
    const contract = await contractOf(apprentice.id);
    await endApprenticeship({
      ctx: await ctxFor(db, w.people.trainer.id),
      input: { organizationId: w.company.id, apprenticeshipId: contract.id, lastDay: contract.startsOn },
    });
    expect(await notes()).toEqual(["Von der Schule"]);
  });

  test("a last day ahead or before the start is a field error and changes nothing", async () => {
    const w = await createWorld(db);
    const contract = await contractOf(w.people.apprentice.id);
    const admin = await ctxFor(db, w.people.admin.id, at);
    for (const [lastDay, error] of [
      ["2026-12-02", "errors.people.lastDayAhead"],
      ["2000-01-01", "errors.people.actualEndBeforeStart"],
    ] as const) {
      expect(
        await endApprenticeship({
          ctx: admin,
          input: { organizationId: w.company.id, apprenticeshipId: contract.id, lastDay },
        }),
      ).toEqual({ ok: false, field: "lastDay", error });
    }
    expect((await contractOf(w.people.apprentice.id)).actualEndOn).toBeNull();
  });

  test("another company's trainer or admin cannot end it, not even under their own company; an apprentice not at all", async () => {
    const w = await createWorld(db);
    const contract = await contractOf(w.people.apprentice.id);
    for (const [userId, organizationId] of [
      [w.people.otherTrainer.id, w.company.id],
      [w.people.otherAdmin.id, w.otherCompany.id],
      [w.people.apprentice.id, w.company.id],
    ] as const) {
      const ctx = await ctxFor(db, userId, at);
      await expect(
        endApprenticeship({ ctx, input: { organizationId, apprenticeshipId: contract.id, lastDay: today } }),
      ).rejects.toSatisfy((error) => error instanceof NotFoundError || error instanceof ForbiddenError);
    }
    expect((await contractOf(w.people.apprentice.id)).actualEndOn).toBeNull();
    expect(await db.select().from(auditEvents).where(eq(auditEvents.targetId, w.people.apprentice.id))).toEqual([]);
  });

  test("the new company's invitation, taken with the existing account, starts the new apprenticeship", async () => {
    const w = await createWorld(db);
    const { apprentice } = w.people;
    const contract = await contractOf(apprentice.id);
    await endApprenticeship({
      ctx: await ctxFor(db, w.people.trainer.id, at),
      input: { organizationId: w.company.id, apprenticeshipId: contract.id, lastDay: "2026-11-30" },
    });
    const invited = await createInvitation({
      ctx: await ctxFor(db, w.people.otherTrainer.id, at),
      input: {
        organizationId: w.otherCompany.id,
        label: "Wechsel",
        role: "apprentice",
        validDays: 7,
        occupationId: contract.occupationId,
        startsOn: "2026-12-01",
        plannedEndOn: contract.plannedEndOn,
      },
    });
    const accepted = await acceptInvitation({
      ctx: await ctxFor(db, apprentice.id, at),
      input: { code: invited.code, account: null, clientAddress: "203.0.113.77" },
    });
    expect(accepted.ok).toBe(true);
    const contracts = await db.select().from(apprenticeships).where(eq(apprenticeships.apprenticeId, apprentice.id));
    expect(contracts.map((c) => [c.companyId, c.actualEndOn]).sort()).toEqual(
      [
        [w.company.id, "2026-11-30"],
        [w.otherCompany.id, null],
      ].sort(),
    );
    const newTeam = await teamDashboard(await ctxFor(db, w.people.otherTrainer.id, at), w.otherCompany.id);
    expect(newTeam.apprentices.map((a) => a.userId)).toContain(apprentice.id);
  });
});
