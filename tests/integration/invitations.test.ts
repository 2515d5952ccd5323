import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { apprenticeships, auditEvents, classEnrollments, invitations, memberships, users } from "#db/schema/index.ts";
import { validateSessionToken } from "#app/modules/auth/session.server.ts";
import { invitationCreationLimit, invitationLimit } from "#app/modules/auth/rate-limit.server.ts";
import { createClassCode } from "#app/modules/classes/enrolment.server.ts";
import { acceptInvitation } from "#app/modules/orgs/accept-invitation.server.ts";
import { action as joinAction } from "#app/routes/join.$code.tsx";
import { generateInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";
import { previewInvitation } from "#app/modules/orgs/preview-invitation.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { findOpenInvitation, listInvitations } from "#app/modules/orgs/queries.server.ts";
import { revokeInvitation } from "#app/modules/orgs/revoke-invitation.server.ts";
import { ForbiddenError, NotFoundError, TooManyRequestsError } from "#app/utils/errors.ts";
import { ctxFor, occupationId, unique } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const anonymous = (now = new Date()) => ({ db, actor: null, now });
const address = () => unique("203.0.113");
const newAccount = () => ({
  name: "Neue Person",
  email: `${unique("neu")}@example.test`,
  password: "ein langes passwort",
});
const apprenticeInvite = { label: "Lena", role: "apprentice" as const, validDays: 7 };

describe("createInvitation", () => {
  test("stores only the hash of the code, and an audit row", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { id, code } = await createInvitation({
      ctx,
      input: { ...apprenticeInvite, organizationId: world.company.id },
    });
    expect(code).toMatch(/^([A-Z2-7]{4}-){3}[A-Z2-7]{4}$/);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
    expect(JSON.stringify(row)).not.toContain(code.replaceAll("-", ""));
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(audit.map((a) => a.action)).toEqual(["invitation.created"]);
  });

  test(`at most ${invitationCreationLimit.max} invitations an hour per person, class codes and the operator's too`, async () => {
    const world = await createWorld(db);
    const now = new Date();
    const madeBy = async (userId: string, organizationId: string, n: number) =>
      db.insert(invitations).values(
        Array.from({ length: n }, (_, i) => ({
          organizationId,
          role: "apprentice" as const,
          codeHash: createHash("sha256")
            .update(`${userId}-${i}-${unique("c")}`)
            .digest("hex"),
          label: `Vorrat ${i}`,
          createdById: userId,
          createdAt: new Date(now.getTime() - 30 * 60 * 1000),
          expiresAt: new Date(now.getTime() + DAY),
        })),
      );
    await madeBy(world.people.trainer.id, world.company.id, invitationCreationLimit.max);
    const trainer = await ctxFor(db, world.people.trainer.id, now);
    const before = await db.select().from(invitations).where(eq(invitations.createdById, world.people.trainer.id));
    await expect(
      createInvitation({ ctx: trainer, input: { ...apprenticeInvite, organizationId: world.company.id } }),
    ).rejects.toThrow(TooManyRequestsError);
    const after = await db.select().from(invitations).where(eq(invitations.createdById, world.people.trainer.id));
    expect(after).toHaveLength(before.length);
    // The budget is the person's: the company's admin still invites.
    const admin = await ctxFor(db, world.people.admin.id, now);
    await expect(
      createInvitation({ ctx: admin, input: { ...apprenticeInvite, organizationId: world.company.id } }),
    ).resolves.toMatchObject({ code: expect.any(String) });

    await madeBy(world.people.teacher.id, world.school.id, invitationCreationLimit.max);
    await expect(
      createClassCode({
        ctx: await ctxFor(db, world.people.teacher.id, now),
        input: { schoolId: world.school.id, classId: world.schoolClass.id, validDays: 7 },
      }),
    ).rejects.toThrow(TooManyRequestsError);
  });

  test("a trainer may not hand out the admin role; an apprentice may not invite at all", async () => {
    const world = await createWorld(db);
    const trainer = await ctxFor(db, world.people.trainer.id);
    await expect(
      createInvitation({
        ctx: trainer,
        input: { ...apprenticeInvite, role: "admin", organizationId: world.company.id },
      }),
    ).rejects.toThrow(ForbiddenError);
    const apprentice = await ctxFor(db, world.people.apprentice.id);
    await expect(
      createInvitation({ ctx: apprentice, input: { ...apprenticeInvite, organizationId: world.company.id } }),
    ).rejects.toThrow(ForbiddenError);
  });

  test("nobody invites into an organisation they do not belong to", async () => {
    const world = await createWorld(db);
    for (const person of [world.people.otherTrainer, world.people.otherAdmin, world.people.teacher]) {
      const ctx = await ctxFor(db, person.id);
      await expect(
        createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } }),
      ).rejects.toThrow(NotFoundError);
    }
    expect(await db.select().from(invitations).where(eq(invitations.organizationId, world.company.id))).toEqual([]);
  });

  test("a class from another school is refused inside the transaction", async () => {
    const world = await createWorld(db);
    const otherTeacher = await ctxFor(db, world.people.otherTeacher.id);
    await expect(
      createInvitation({
        ctx: otherTeacher,
        input: { ...apprenticeInvite, organizationId: world.otherSchool.id, classId: world.schoolClass.id },
      }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe("acceptInvitation", () => {
  test("creates the account, the membership and the apprenticeship the trainer described, and logs in", async () => {
    const world = await createWorld(db);
    const trainer = await ctxFor(db, world.people.trainer.id);
    const { code, id } = await createInvitation({
      ctx: trainer,
      input: {
        ...apprenticeInvite,
        organizationId: world.company.id,
        occupationId: await occupationId(db),
        startsOn: "2026-08-01",
        plannedEndOn: "2029-07-31",
      },
    });
    const account = newAccount();
    const result = await acceptInvitation({
      ctx: anonymous(),
      input: { code: code.toLowerCase(), account, clientAddress: address() },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.session && (await validateSessionToken(db, result.session.token, new Date()))).toEqual({
      userId: result.userId,
    });

    const [user] = await db.select().from(users).where(eq(users.id, result.userId));
    expect(user?.email).toBe(account.email);
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=1\$/);
    const roles = await db.select().from(memberships).where(eq(memberships.userId, result.userId));
    expect(roles.map((m) => [m.organizationId, m.role])).toEqual([[world.company.id, "apprentice"]]);
    const [contract] = await db.select().from(apprenticeships).where(eq(apprenticeships.apprenticeId, result.userId));
    expect(contract).toMatchObject({
      companyId: world.company.id,
      trainerId: world.people.trainer.id,
      startsOn: "2026-08-01",
    });
    const [used] = await db.select().from(invitations).where(eq(invitations.id, id));
    expect(used?.usedById).toBe(result.userId);
  });

  test("without a planned end, the occupation's regular duration sets it", async () => {
    const world = await createWorld(db);
    const trainer = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({
      ctx: trainer,
      input: {
        ...apprenticeInvite,
        organizationId: world.company.id,
        occupationId: await occupationId(db),
        startsOn: "2026-08-01",
      },
    });
    const result = await acceptInvitation({
      ctx: anonymous(),
      input: { code, account: newAccount(), clientAddress: address() },
    });
    if (!result.ok) throw new Error(result.reason);
    const [contract] = await db.select().from(apprenticeships).where(eq(apprenticeships.apprenticeId, result.userId));
    expect(contract?.plannedEndOn).toBe("2029-07-31"); // Tischler/-in: 36 months
  });

  test("a code works once", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    expect(
      (await acceptInvitation({ ctx: anonymous(), input: { code, account: newAccount(), clientAddress: address() } }))
        .ok,
    ).toBe(true);
    expect(
      await acceptInvitation({ ctx: anonymous(), input: { code, account: newAccount(), clientAddress: address() } }),
    ).toEqual({
      ok: false,
      reason: "invalidCode",
    });
    expect(await findOpenInvitation(db, code, new Date())).toBeNull();
  });

  test("a double submit by the same person succeeds twice and creates one account", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    const account = newAccount();
    const first = await acceptInvitation({ ctx: anonymous(), input: { code, account, clientAddress: address() } });
    const second = await acceptInvitation({ ctx: anonymous(), input: { code, account, clientAddress: address() } });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.userId).toBe(first.userId);
    expect(second.session?.token).not.toBe(first.session?.token);
    expect(await db.select().from(users).where(eq(users.email, account.email))).toHaveLength(1);
    // Someone else with the used code still gets nowhere, even with the right e-mail but another password.
    const intruder = { ...account, password: "ein anderes passwort" };
    expect(
      await acceptInvitation({ ctx: anonymous(), input: { code, account: intruder, clientAddress: address() } }),
    ).toEqual({
      ok: false,
      reason: "invalidCode",
    });
  });

  test("ten people racing with one code: exactly one gets in", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        acceptInvitation({ ctx: anonymous(), input: { code, account: newAccount(), clientAddress: address() } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const members = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, world.company.id), eq(memberships.role, "apprentice")));
    expect(members).toHaveLength(2); // the world's apprentice and the one winner
  });

  test("guessing codes is limited per address, also by POST", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    const clientAddress = address();
    for (let i = 0; i < invitationLimit.max; i++) {
      const guess = await acceptInvitation({
        ctx: anonymous(),
        input: { code: generateInvitationCode(), account: newAccount(), clientAddress },
      });
      expect(guess).toEqual({ ok: false, reason: "invalidCode" });
    }
    const blocked = await acceptInvitation({ ctx: anonymous(), input: { code, account: newAccount(), clientAddress } });
    expect(blocked).toEqual({ ok: false, reason: "limited" });
    const preview = await previewInvitation({ ctx: anonymous(), input: { code, clientAddress } });
    expect(preview).toEqual({ state: "limited" });
    // The rightful invitee elsewhere is not affected.
    const elsewhere = await acceptInvitation({
      ctx: anonymous(),
      input: { code, account: newAccount(), clientAddress: address() },
    });
    expect(elsewhere.ok).toBe(true);
  });

  test("expired and revoked codes are refused", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const expiring = await createInvitation({
      ctx,
      input: { ...apprenticeInvite, validDays: 1, organizationId: world.company.id },
    });
    const later = anonymous(new Date(Date.now() + 2 * DAY));
    expect(
      await acceptInvitation({
        ctx: later,
        input: { code: expiring.code, account: newAccount(), clientAddress: address() },
      }),
    ).toEqual({
      ok: false,
      reason: "invalidCode",
    });

    const revoked = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    await revokeInvitation({ ctx, input: { organizationId: world.company.id, invitationId: revoked.id } });
    expect(
      await acceptInvitation({
        ctx: anonymous(),
        input: { code: revoked.code, account: newAccount(), clientAddress: address() },
      }),
    ).toEqual({
      ok: false,
      reason: "invalidCode",
    });
    const listed = await listInvitations(ctx, world.company.id);
    expect(listed.find((i) => i.id === revoked.id)?.status).toBe("revoked");
  });

  test("a taken e-mail is refused without using up the code", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    const taken = { ...newAccount(), email: world.people.admin.email.toUpperCase() };
    expect(
      await acceptInvitation({ ctx: anonymous(), input: { code, account: taken, clientAddress: address() } }),
    ).toEqual({
      ok: false,
      reason: "emailUnavailable",
    });
    expect(await findOpenInvitation(db, code, new Date())).not.toBeNull();
  });

  test("one open code answers at most 5 e-mail tries in 15 minutes, from any address, also at once", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    const now = new Date();
    const people = Object.values(world.people);
    const probes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        acceptInvitation({
          ctx: anonymous(now),
          input: {
            code,
            account: { ...newAccount(), email: people[i % people.length]?.email ?? "" },
            clientAddress: address(),
          },
        }),
      ),
    );
    const reasons = probes.map((p) => (p.ok ? "ok" : p.reason));
    expect(reasons.filter((r) => r === "emailUnavailable").length).toBeLessThanOrEqual(5);
    expect(reasons.filter((r) => r === "limited").length).toBeGreaterThanOrEqual(15);
    // Held back for everyone until the window passes; then the invitee gets in.
    const blocked = await acceptInvitation({
      ctx: anonymous(now),
      input: { code, account: newAccount(), clientAddress: address() },
    });
    expect(blocked).toEqual({ ok: false, reason: "limited" });
    const later = anonymous(new Date(now.getTime() + invitationLimit.windowMs + 1000));
    const invitee = await acceptInvitation({
      ctx: later,
      input: { code, account: newAccount(), clientAddress: address() },
    });
    expect(invitee.ok).toBe(true);
  });

  test("the join page does not say that an account exists for the e-mail", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const { code } = await createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } });
    const result = await callRoute(joinAction, {
      path: `/join/${code}`,
      params: { code },
      form: {
        name: "Neue Person",
        email: world.people.admin.email,
        password: "ein langes passwort",
        confirmPassword: "ein langes passwort",
      },
    });
    expect(result.status).toBe(409);
    expect(result.data).toMatchObject({ fieldErrors: { email: ["errors.invitation.emailUnavailable"] } });
    expect(JSON.stringify(result.data)).not.toContain("errors.email.taken");
  });

  test("e-mail tries count against the address too: 30 in 15 minutes over any number of codes", async () => {
    const world = await createWorld(db);
    const ctx = await ctxFor(db, world.people.trainer.id);
    const codes = await Promise.all(
      Array.from({ length: 7 }, () =>
        createInvitation({ ctx, input: { ...apprenticeInvite, organizationId: world.company.id } }),
      ),
    );
    const clientAddress = address();
    const taken = () => ({ ...newAccount(), email: world.people.teacher.email });
    for (const { code } of codes.slice(0, 6)) {
      for (let i = 0; i < 5; i++) {
        const probe = await acceptInvitation({ ctx: anonymous(), input: { code, account: taken(), clientAddress } });
        expect(probe).toEqual({ ok: false, reason: "emailUnavailable" });
      }
    }
    const seventh = codes[6]?.code ?? "";
    expect(
      await acceptInvitation({ ctx: anonymous(), input: { code: seventh, account: newAccount(), clientAddress } }),
    ).toEqual({ ok: false, reason: "limited" });
    expect(await previewInvitation({ ctx: anonymous(), input: { code: seventh, clientAddress } })).toEqual({
      state: "limited",
    });
  });

  test("a signed-in person adds the membership and the class to their existing account", async () => {
    const world = await createWorld(db);
    const teacher = await ctxFor(db, world.people.teacher.id);
    const { code } = await createInvitation({
      ctx: teacher,
      input: { ...apprenticeInvite, organizationId: world.school.id, classId: world.schoolClass.id },
    });
    const apprentice = await ctxFor(db, world.people.otherApprentice.id);
    const result = await acceptInvitation({
      ctx: apprentice,
      input: { code, account: null, clientAddress: address() },
    });
    expect(result).toEqual({ ok: true, userId: world.people.otherApprentice.id, session: null });
    const roles = await db.select().from(memberships).where(eq(memberships.userId, world.people.otherApprentice.id));
    expect(roles.map((m) => m.organizationId).sort()).toEqual([world.otherCompany.id, world.school.id].sort());
    const enrolments = await db
      .select()
      .from(classEnrollments)
      .where(eq(classEnrollments.apprenticeId, world.people.otherApprentice.id));
    expect(enrolments).toHaveLength(1);
  });
});

describe("revokeInvitation", () => {
  test("an invitation of another organisation cannot be revoked through one's own", async () => {
    const world = await createWorld(db);
    const trainer = await ctxFor(db, world.people.trainer.id);
    const { id } = await createInvitation({
      ctx: trainer,
      input: { ...apprenticeInvite, organizationId: world.company.id },
    });
    const otherTrainer = await ctxFor(db, world.people.otherTrainer.id);
    await expect(
      revokeInvitation({ ctx: otherTrainer, input: { organizationId: world.otherCompany.id, invitationId: id } }),
    ).rejects.toThrow(NotFoundError);
    await expect(
      revokeInvitation({ ctx: otherTrainer, input: { organizationId: world.company.id, invitationId: id } }),
    ).rejects.toThrow(NotFoundError);
    const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
    expect(row?.revokedAt).toBeNull();
  });
});
