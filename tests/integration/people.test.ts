import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apprenticeships, auditEvents, memberships, users } from "#db/schema/index.ts";
import { findOpenPasswordCode } from "#app/modules/auth/password-codes.server.ts";
import { normalizeInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";
import { AUDIT_PAGE_SIZE, auditLog } from "#app/modules/people/audit-log.server.ts";
import { changeRole } from "#app/modules/people/change-role.server.ts";
import { editApprenticeship } from "#app/modules/people/edit-apprenticeship.server.ts";
import { deactivateMember, reactivateMember } from "#app/modules/people/membership-status.server.ts";
import { peoplePage } from "#app/modules/people/queries.server.ts";
import { createResetCode, resetCodeLimit } from "#app/modules/people/reset-code.server.ts";
import { ForbiddenError, NotFoundError } from "#app/utils/errors.ts";
import { loader as teamLoader } from "#app/routes/orgs.$orgId.team.tsx";
import { action as peopleAction } from "#app/routes/orgs.$orgId.people.tsx";
import { createMember, ctxFor, occupationId, sessionCookieFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();

async function apprenticeshipOf(userId: string) {
  const [row] = await db.select().from(apprenticeships).where(eq(apprenticeships.apprenticeId, userId));
  if (!row) throw new Error("no apprenticeship");
  return row;
}

async function eventsFor(targetId: string, action: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, targetId), eq(auditEvents.action, action)));
}

/** The contract's form as the people page sends it, unchanged. */
function contractForm(row: typeof apprenticeships.$inferSelect): Record<string, string> {
  return {
    intent: "apprenticeship",
    apprenticeshipId: row.id,
    trainerId: row.trainerId ?? "",
    occupationId: row.occupationId,
    startsOn: row.startsOn,
    plannedEndOn: row.plannedEndOn,
    actualEndOn: row.actualEndOn ?? "",
    birthDate: row.birthDate ?? "",
    recordRhythm: row.recordRhythm,
  };
}

describe("the people page", () => {
  test("an admin sees every member with roles, last sign-in, leavers and the apprenticeship", async () => {
    const w = await createWorld(db);
    const leaver = await createMember(db, w.company.id, "trainer");
    await db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, leaver.id));
    const signedIn = new Date("2026-11-30T08:15:00Z");
    await db.update(users).set({ lastSignInAt: signedIn }).where(eq(users.id, w.people.apprentice.id));

    const page = await peoplePage(await ctxFor(db, w.people.admin.id, new Date("2026-12-04T10:00:00Z")), w.company.id);
    expect(page.canManage).toBe(true);
    const ids = page.people.map((p) => p.userId);
    expect(ids.sort()).toEqual([w.people.trainer.id, w.people.admin.id, w.people.apprentice.id, leaver.id].sort());
    expect(page.people.find((p) => p.userId === leaver.id)?.active).toBe(false);
    const apprentice = page.people.find((p) => p.userId === w.people.apprentice.id);
    expect(apprentice?.lastSignInAt).toEqual(signedIn);
    // Started 2025-08-01: on 2026-12-04 the second training year runs.
    expect(apprentice?.apprenticeships[0]).toMatchObject({ trainingYear: 2, trainerName: w.people.trainer.name });
    expect(page.trainers.map((t) => t.id)).toEqual([w.people.trainer.id]);
  });

  test("a trainer sees the apprentices only and manages nothing", async () => {
    const w = await createWorld(db);
    const page = await peoplePage(await ctxFor(db, w.people.trainer.id), w.company.id);
    expect(page.canManage).toBe(false);
    expect(page.people.map((p) => p.userId)).toEqual([w.people.apprentice.id]);
  });

  test("the apprentice is refused (403), another company's admin does not learn it exists (404)", async () => {
    const w = await createWorld(db);
    await expect(peoplePage(await ctxFor(db, w.people.apprentice.id), w.company.id)).rejects.toThrow(ForbiddenError);
    await expect(peoplePage(await ctxFor(db, w.people.otherAdmin.id), w.company.id)).rejects.toThrow(NotFoundError);
  });
});

describe("changing a role", () => {
  test("the admin changes a member's role; the audit trail keeps from and to", async () => {
    const w = await createWorld(db);
    const ctx = await ctxFor(db, w.people.admin.id);
    const input = {
      organizationId: w.company.id,
      userId: w.people.trainer.id,
      from: "trainer",
      role: "admin",
    } as const;
    expect(await changeRole({ ctx, input })).toEqual({ ok: true, changed: true });
    const [row] = await db.select().from(memberships).where(eq(memberships.userId, w.people.trainer.id));
    expect(row?.role).toBe("admin");
    const events = await eventsFor(w.people.trainer.id, "membership.role_changed");
    expect(events.map((e) => [e.actorId, e.organizationId, e.details])).toEqual([
      [w.people.admin.id, w.company.id, { from: "trainer", to: "admin" }],
    ]);
    // Sent twice: the old role is gone, nothing changes twice.
    await expect(changeRole({ ctx, input })).rejects.toThrow(NotFoundError);
  });

  test("the last admin cannot give their admin role away; with a second admin they can", async () => {
    const w = await createWorld(db);
    const ctx = await ctxFor(db, w.people.admin.id);
    const input = { organizationId: w.company.id, userId: w.people.admin.id, from: "admin", role: "trainer" } as const;
    expect(await changeRole({ ctx, input })).toEqual({ ok: false, error: "errors.people.lastAdmin" });
    await createMember(db, w.company.id, "admin");
    expect(await changeRole({ ctx, input })).toEqual({ ok: true, changed: true });
  });

  test("a role the kind of organisation does not have is refused", async () => {
    const w = await createWorld(db);
    const ctx = await ctxFor(db, w.people.admin.id);
    const input = {
      organizationId: w.company.id,
      userId: w.people.trainer.id,
      from: "trainer",
      role: "teacher",
    } as const;
    expect(await changeRole({ ctx, input })).toEqual({ ok: false, error: "errors.people.roleNotAllowed" });
  });

  test("a trainer may not; another company's admin gets 404 and changes nothing (the permission check)", async () => {
    const w = await createWorld(db);
    const input = {
      organizationId: w.company.id,
      userId: w.people.apprentice.id,
      from: "apprentice",
      role: "trainer",
    } as const;
    await expect(changeRole({ ctx: await ctxFor(db, w.people.trainer.id), input })).rejects.toThrow(ForbiddenError);
    await expect(changeRole({ ctx: await ctxFor(db, w.people.otherAdmin.id), input })).rejects.toThrow(NotFoundError);
    const [row] = await db.select().from(memberships).where(eq(memberships.userId, w.people.apprentice.id));
    expect(row?.role).toBe("apprentice");
  });
});

describe("leavers", () => {
  test("a leaver loses access with the next request; nothing is deleted; taking back restores it", async () => {
    const w = await createWorld(db);
    const cookie = await sessionCookieFor(db, w.people.trainer.id);
    const team = () =>
      callRoute(teamLoader, { path: `/orgs/${w.company.id}/team`, cookie, params: { orgId: w.company.id } });
    expect((await team()).status).toBe(200);

    const ctx = await ctxFor(db, w.people.admin.id);
    const input = { organizationId: w.company.id, userId: w.people.trainer.id };
    expect(await deactivateMember({ ctx, input })).toEqual({ ok: true, changed: true });
    expect((await team()).status).toBe(404);
    // The responsible trainer stays on record.
    expect((await apprenticeshipOf(w.people.apprentice.id)).trainerId).toBe(w.people.trainer.id);
    // A second click changes nothing and writes no second event.
    expect(await deactivateMember({ ctx, input })).toEqual({ ok: true, changed: false });
    expect((await eventsFor(w.people.trainer.id, "membership.deactivated")).map((e) => e.details)).toEqual([
      { from: "active", to: "left" },
    ]);

    expect(await reactivateMember({ ctx, input })).toEqual({ ok: true, changed: true });
    expect((await team()).status).toBe(200);
  });

  test("the admin cannot sign themself out; another company's admin gets 404", async () => {
    const w = await createWorld(db);
    const own = { organizationId: w.company.id, userId: w.people.admin.id };
    expect(await deactivateMember({ ctx: await ctxFor(db, w.people.admin.id), input: own })).toEqual({
      ok: false,
      error: "errors.people.notYourself",
    });
    const input = { organizationId: w.company.id, userId: w.people.apprentice.id };
    const outsider = await ctxFor(db, w.people.otherAdmin.id);
    await expect(deactivateMember({ ctx: outsider, input })).rejects.toThrow(NotFoundError);
    await expect(reactivateMember({ ctx: outsider, input })).rejects.toThrow(NotFoundError);
    const [row] = await db.select().from(memberships).where(eq(memberships.userId, w.people.apprentice.id));
    expect(row?.deactivatedAt).toBeNull();
  });
});

describe("editing an apprenticeship", () => {
  test("the admin shortens it, ends it early and names another trainer; one event per field", async () => {
    const w = await createWorld(db);
    const second = await createMember(db, w.company.id, "trainer");
    const before = await apprenticeshipOf(w.people.apprentice.id);
    const ctx = await ctxFor(db, w.people.admin.id);
    const input = {
      organizationId: w.company.id,
      apprenticeshipId: before.id,
      trainerId: second.id,
      occupationId: before.occupationId,
      startsOn: before.startsOn,
      plannedEndOn: "2028-01-31",
      actualEndOn: "2026-10-31",
    };
    expect(await editApprenticeship({ ctx, input })).toEqual({ ok: true, changed: 3 });
    expect(await apprenticeshipOf(w.people.apprentice.id)).toMatchObject({
      trainerId: second.id,
      plannedEndOn: "2028-01-31",
      actualEndOn: "2026-10-31",
    });
    const details = (await eventsFor(w.people.apprentice.id, "apprenticeship.updated")).map((e) => e.details);
    expect(details).toContainEqual({ field: "plannedEndOn", from: before.plannedEndOn, to: "2028-01-31" });
    expect(details).toContainEqual({ field: "trainerId", from: w.people.trainer.name, to: second.name });
    expect(await editApprenticeship({ ctx, input })).toEqual({ ok: true, changed: 0 });
  });

  test("a trainer of another company is refused with a field error", async () => {
    const w = await createWorld(db);
    const before = await apprenticeshipOf(w.people.apprentice.id);
    const result = await editApprenticeship({
      ctx: await ctxFor(db, w.people.admin.id),
      input: {
        ...before,
        organizationId: w.company.id,
        apprenticeshipId: before.id,
        trainerId: w.people.otherTrainer.id,
        actualEndOn: undefined,
      },
    });
    expect(result).toEqual({ ok: false, field: "trainerId", error: "errors.people.trainer" });
  });

  test("an end before the start is a German field error from the form", async () => {
    const w = await createWorld(db);
    const before = await apprenticeshipOf(w.people.apprentice.id);
    const result = await callRoute(peopleAction, {
      path: `/orgs/${w.company.id}/people`,
      params: { orgId: w.company.id },
      cookie: await sessionCookieFor(db, w.people.admin.id),
      form: {
        intent: "apprenticeship",
        apprenticeshipId: before.id,
        trainerId: "",
        occupationId: await occupationId(db),
        startsOn: "2025-08-01",
        plannedEndOn: "2025-07-01",
        actualEndOn: "2025-07-15",
        birthDate: "",
        recordRhythm: "weekly",
      },
    });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({
      fieldErrors: {
        plannedEndOn: ["errors.people.endBeforeStart"],
        actualEndOn: ["errors.people.actualEndBeforeStart"],
      },
      values: { plannedEndOn: "2025-07-01" },
    });
  });

  test("the admin enters a date of birth and a daily record; the trail says so without the date", async () => {
    const w = await createWorld(db);
    const before = await apprenticeshipOf(w.people.apprentice.id);
    expect(before).toMatchObject({ birthDate: null, recordRhythm: "weekly" });
    const adminCookie = await sessionCookieFor(db, w.people.admin.id);
    const post = (fields: Record<string, string>) =>
      callRoute(peopleAction, {
        path: `/orgs/${w.company.id}/people`,
        params: { orgId: w.company.id },
        cookie: adminCookie,
        form: { ...contractForm(before), ...fields },
      });

    const saved = await post({ birthDate: "2009-03-14", recordRhythm: "daily" });
    expect(saved.status).toBe(200);
    expect(await apprenticeshipOf(w.people.apprentice.id)).toMatchObject({
      birthDate: "2009-03-14",
      recordRhythm: "daily",
      plannedEndOn: before.plannedEndOn,
    });
    const details = () =>
      eventsFor(w.people.apprentice.id, "apprenticeship.updated").then((rows) => rows.map((e) => e.details));
    expect(await details()).toEqual(
      expect.arrayContaining([
        { field: "birthDate", change: "set" },
        { field: "recordRhythm", from: "weekly", to: "daily" },
      ]),
    );
    expect(await details()).toHaveLength(2);

    // The admin's form shows both; the trainer sees the rhythm but not the date of birth.
    const asAdmin = await peoplePage(await ctxFor(db, w.people.admin.id), w.company.id);
    const asTrainer = await peoplePage(await ctxFor(db, w.people.trainer.id), w.company.id);
    const contractOf = (page: typeof asAdmin) =>
      page.people.find((p) => p.userId === w.people.apprentice.id)?.apprenticeships[0];
    expect(contractOf(asAdmin)).toMatchObject({ birthDate: "2009-03-14", recordRhythm: "daily" });
    expect(contractOf(asTrainer)).toMatchObject({ birthDate: null, recordRhythm: "daily" });
    expect(JSON.stringify(asTrainer)).not.toContain("2009-03-14");

    // Cleared: gone from the contract, and the trail never held it.
    expect((await post({ birthDate: "", recordRhythm: "daily" })).status).toBe(200);
    expect((await apprenticeshipOf(w.people.apprentice.id)).birthDate).toBeNull();
    expect(await details()).toContainEqual({ field: "birthDate", change: "removed" });
    expect(JSON.stringify(await details())).not.toContain("2009-03-14");
  });

  test("a hostile date of birth or rhythm is a field error and changes nothing", async () => {
    const w = await createWorld(db);
    const before = await apprenticeshipOf(w.people.apprentice.id);
    const cookie = await sessionCookieFor(db, w.people.admin.id);
    const post = (fields: Record<string, string>, drop?: string) => {
      const form: Record<string, string> = { ...contractForm(before), ...fields };
      if (drop) delete form[drop];
      return callRoute(peopleAction, {
        path: `/orgs/${w.company.id}/people`,
        params: { orgId: w.company.id },
        cookie,
        form,
      });
    };
    const refused: [Record<string, string>, string | undefined, string, string][] = [
      [{ birthDate: "2009-02-30" }, undefined, "birthDate", "errors.date.invalid"],
      [{ birthDate: "14.03.2009" }, undefined, "birthDate", "errors.date.invalid"],
      [{ birthDate: "vor\u0000nach" }, undefined, "birthDate", "errors.date.invalid"],
      [{ birthDate: "1939-12-31" }, undefined, "birthDate", "errors.people.birthDateRange"],
      [{ birthDate: "2021-01-01" }, undefined, "birthDate", "errors.people.birthDateRange"],
      [{ birthDate: "9999-12-31" }, undefined, "birthDate", "errors.people.birthDateRange"],
      [{}, "birthDate", "birthDate", "errors.date.invalid"],
      [{ recordRhythm: "monthly" }, undefined, "recordRhythm", "errors.people.recordRhythm"],
      [{ recordRhythm: "" }, undefined, "recordRhythm", "errors.people.recordRhythm"],
      [{ recordRhythm: "x".repeat(100_000) }, undefined, "recordRhythm", "errors.people.recordRhythm"],
      [{}, "recordRhythm", "recordRhythm", "errors.people.recordRhythm"],
    ];
    for (const [fields, drop, field, error] of refused) {
      const result = await post({ birthDate: "2009-03-14", recordRhythm: "daily", ...fields }, drop);
      const label = JSON.stringify(fields).slice(0, 60) + (drop ?? "");
      expect(result.status, label).toBe(400);
      expect(result.data, label).toMatchObject({ fieldErrors: { [field]: [error] } });
    }
    expect(await apprenticeshipOf(w.people.apprentice.id)).toMatchObject({ birthDate: null, recordRhythm: "weekly" });
    expect(await eventsFor(w.people.apprentice.id, "apprenticeship.updated")).toEqual([]);
  });

  test("left out of the input, date of birth and rhythm stay as they are", async () => {
    const w = await createWorld(db);
    const before = await apprenticeshipOf(w.people.apprentice.id);
    await db
      .update(apprenticeships)
      .set({ birthDate: "2008-06-01", recordRhythm: "daily" })
      .where(eq(apprenticeships.id, before.id));
    const ctx = await ctxFor(db, w.people.admin.id);
    const input = {
      organizationId: w.company.id,
      apprenticeshipId: before.id,
      trainerId: before.trainerId ?? undefined,
      occupationId: before.occupationId,
      startsOn: before.startsOn,
      plannedEndOn: "2028-01-31",
    };
    expect(await editApprenticeship({ ctx, input })).toEqual({ ok: true, changed: 1 });
    expect(await apprenticeshipOf(w.people.apprentice.id)).toMatchObject({
      birthDate: "2008-06-01",
      recordRhythm: "daily",
      plannedEndOn: "2028-01-31",
    });
  });

  test("another company's admin cannot touch it (404), nor reach it under their own company", async () => {
    const w = await createWorld(db);
    const before = await apprenticeshipOf(w.people.apprentice.id);
    const outsider = await ctxFor(db, w.people.otherAdmin.id);
    const input = {
      ...before,
      apprenticeshipId: before.id,
      trainerId: before.trainerId ?? undefined,
      plannedEndOn: "2030-07-31",
      actualEndOn: undefined,
    };
    await expect(
      editApprenticeship({ ctx: outsider, input: { ...input, organizationId: w.company.id } }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      editApprenticeship({ ctx: outsider, input: { ...input, organizationId: w.otherCompany.id } }),
    ).rejects.toThrow(NotFoundError);
    expect((await apprenticeshipOf(w.people.apprentice.id)).plannedEndOn).toBe(before.plannedEndOn);
  });
});

describe("password codes", () => {
  test("a trainer makes a code for their company's apprentice; a new one replaces the old", async () => {
    const w = await createWorld(db);
    const ctx = await ctxFor(db, w.people.trainer.id);
    const input = { organizationId: w.company.id, userId: w.people.apprentice.id };
    const first = await createResetCode({ ctx, input });
    if (!first.ok) throw new Error(first.error);
    expect(first.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(first.expiresAt.getTime() - ctx.now.getTime()).toBe(24 * 60 * 60 * 1000);
    const found = await findOpenPasswordCode(db, normalizeInvitationCode(first.code), ctx.now);
    expect(found?.userId).toBe(w.people.apprentice.id);

    const second = await createResetCode({ ctx, input });
    if (!second.ok) throw new Error(second.error);
    expect(await findOpenPasswordCode(db, normalizeInvitationCode(first.code), ctx.now)).toBeNull();
    expect(await eventsFor(w.people.apprentice.id, "password.code_issued")).toHaveLength(2);
  });

  test("a trainer reaches apprentices only; an admin reaches every member", async () => {
    const w = await createWorld(db);
    const trainer = await ctxFor(db, w.people.trainer.id);
    await expect(
      createResetCode({ ctx: trainer, input: { organizationId: w.company.id, userId: w.people.admin.id } }),
    ).rejects.toThrow(NotFoundError);
    const admin = await ctxFor(db, w.people.admin.id);
    const made = await createResetCode({
      ctx: admin,
      input: { organizationId: w.company.id, userId: w.people.trainer.id },
    });
    expect(made.ok).toBe(true);
  });

  test("nobody makes codes for another company's people (the permission check)", async () => {
    const w = await createWorld(db);
    for (const outsider of [w.people.otherTrainer.id, w.people.otherAdmin.id]) {
      const ctx = await ctxFor(db, outsider);
      await expect(
        createResetCode({ ctx, input: { organizationId: w.company.id, userId: w.people.apprentice.id } }),
      ).rejects.toThrow(NotFoundError);
      // Under their own company the other company's apprentice is nobody.
      await expect(
        createResetCode({ ctx, input: { organizationId: w.otherCompany.id, userId: w.people.apprentice.id } }),
      ).rejects.toThrow(NotFoundError);
    }
    await expect(
      createResetCode({
        ctx: await ctxFor(db, w.people.apprentice.id),
        input: { organizationId: w.company.id, userId: w.people.apprentice.id },
      }),
    ).rejects.toThrow(ForbiddenError);
  });

  test("a leaver gets no code", async () => {
    const w = await createWorld(db);
    await db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(eq(memberships.userId, w.people.apprentice.id));
    await expect(
      createResetCode({
        ctx: await ctxFor(db, w.people.trainer.id),
        input: { organizationId: w.company.id, userId: w.people.apprentice.id },
      }),
    ).rejects.toThrow(NotFoundError);
  });

  test(`at most ${resetCodeLimit.max} codes an hour per person making them`, async () => {
    const w = await createWorld(db);
    const ctx = await ctxFor(db, w.people.trainer.id);
    const input = { organizationId: w.company.id, userId: w.people.apprentice.id };
    for (let i = 0; i < resetCodeLimit.max; i++) expect((await createResetCode({ ctx, input })).ok).toBe(true);
    expect(await createResetCode({ ctx, input })).toEqual({ ok: false, error: "errors.people.resetTooMany" });
  });

  test("the page answers with code, link and QR code", async () => {
    const w = await createWorld(db);
    const result = await callRoute(peopleAction, {
      path: `/orgs/${w.company.id}/people`,
      params: { orgId: w.company.id },
      cookie: await sessionCookieFor(db, w.people.trainer.id),
      form: { intent: "resetCode", userId: w.people.apprentice.id },
    });
    expect(result.status).toBe(200);
    const { resetCode } = result.data as { resetCode: { code: string; link: string; qrCode: string } };
    expect(resetCode.link).toMatch(new RegExp(`/reset/${resetCode.code}$`));
    expect(resetCode.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  });
});

describe("the audit trail", () => {
  test("the admin reads it newest first, 50 a page, with who and whom", async () => {
    const w = await createWorld(db);
    const start = Date.parse("2026-12-01T08:00:00Z");
    await db.insert(auditEvents).values(
      Array.from({ length: AUDIT_PAGE_SIZE + 2 }, (_, i) => ({
        actorId: w.people.admin.id,
        organizationId: w.company.id,
        action: "membership.role_changed",
        targetId: w.people.trainer.id,
        details: { from: "trainer", to: "admin" },
        at: new Date(start + i * 60_000),
      })),
    );
    const ctx = await ctxFor(db, w.people.admin.id);
    const first = await auditLog(ctx, { organizationId: w.company.id, page: 1 });
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.pages).toBe(2);
    expect(first.events[0]).toMatchObject({ actorName: w.people.admin.name, targetName: w.people.trainer.name });
    expect(first.events[0]?.at).toEqual(new Date(start + (AUDIT_PAGE_SIZE + 1) * 60_000));
    expect((await auditLog(ctx, { organizationId: w.company.id, page: 2 })).events).toHaveLength(2);
  });

  test("trainers are refused; another company's admin sees nothing of it", async () => {
    const w = await createWorld(db);
    const input = { organizationId: w.company.id, page: 1 };
    await expect(auditLog(await ctxFor(db, w.people.trainer.id), input)).rejects.toThrow(ForbiddenError);
    await expect(auditLog(await ctxFor(db, w.people.otherAdmin.id), input)).rejects.toThrow(NotFoundError);
  });
});
