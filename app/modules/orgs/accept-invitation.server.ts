import { giveClassAssignmentsToNewStudent } from "#app/modules/assignments/join-class-assignments.server.ts";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import {
  apprenticeships,
  auditEvents,
  classEnrollments,
  invitations,
  memberships,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import { hashPassword, verifyPassword } from "#app/modules/auth/password.server.ts";
import { giveBack, invitationCodeLimit, invitationLimit, takeSlot } from "#app/modules/auth/rate-limit.server.ts";
import { createSession, type NewSession } from "#app/modules/auth/session.server.ts";
import type { PublicCtx } from "#app/modules/context.server.ts";
import { hashInvitationCode, isWellFormedInvitationCode } from "./invitation-code.server.ts";
import { findOpenInvitation } from "./queries.server.ts";

export type NewAccount = { name: string; email: string; password: string };

export type AcceptInvitationResult =
  | { ok: true; userId: string; session: NewSession | null }
  | { ok: false; reason: "invalidCode" | "emailUnavailable" | "limited" };

/** Rolls the transaction back with a reason the caller turns into an answer. */
class Refusal extends Error {
  constructor(readonly reason: "invalidCode" | "emailUnavailable") {
    super(reason);
  }
}

/**
 * Redeems an invitation: for a signed-in actor it adds the membership to their account;
 * otherwise it creates the account from `account`. Claiming the code is one conditional
 * UPDATE, so two people racing with the same code cannot both get in.
 *
 * Every try is counted before it is checked (see rate-limit.server.ts) and handed back when it
 * succeeds. Wrong codes count against the client's address; an e-mail that cannot be used (it
 * has an account) counts against the address and against the code, so an open code cannot be
 * used to find out which addresses have accounts. The costly password hash is only computed
 * for a code that is open: guessing codes by POST is as slow as guessing by link.
 */
export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: PublicCtx;
  input: { code: string; account: NewAccount | null; clientAddress: string };
}): Promise<AcceptInvitationResult> {
  if (!ctx.actor && !input.account) throw new Error("acceptInvitation needs an actor or a new account");
  const addressKey = `invitation:address:${input.clientAddress}`;
  const codeKey = `invitation:code:${hashInvitationCode(input.code)}`;
  const taken: string[] = [];
  const handBack = async () => {
    for (const key of taken) await giveBack(ctx.db, key);
  };

  const address = await takeSlot(ctx.db, addressKey, invitationLimit, ctx.now);
  taken.push(addressKey);
  if (!address.allowed) {
    await handBack();
    return { ok: false, reason: "limited" };
  }
  if (!(await findOpenInvitation(ctx.db, input.code, ctx.now))) {
    const repeated = await repeatedAcceptance(ctx, input);
    if (repeated) await handBack();
    return repeated ?? { ok: false, reason: "invalidCode" };
  }
  if (!ctx.actor) {
    // A new account's e-mail may be refused: such tries are limited per code as well.
    const code = await takeSlot(ctx.db, codeKey, invitationCodeLimit, ctx.now);
    taken.push(codeKey);
    if (!code.allowed) {
      await handBack();
      return { ok: false, reason: "limited" };
    }
  }
  // Hash outside the transaction: it is the slow part, and needs no lock.
  const passwordHash = input.account && !ctx.actor ? await hashPassword(input.account.password) : null;

  const result = await claim(ctx, input, passwordHash);
  // A refused e-mail keeps its slots; so does a code someone else claimed a moment earlier.
  if (result.ok) await handBack();
  return result;
}

async function claim(
  ctx: PublicCtx,
  input: { code: string; account: NewAccount | null },
  passwordHash: string | null,
): Promise<AcceptInvitationResult> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const codeHash = hashInvitationCode(input.code);
      const open = and(
        eq(invitations.codeHash, codeHash),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, ctx.now),
      );
      // A class code stays open for the next student; any other code is used up here.
      const [multi] = await tx
        .select()
        .from(invitations)
        .where(and(open, eq(invitations.multiUse, true)));
      const [invitation] = multi
        ? [multi]
        : await tx
            .update(invitations)
            .set({ usedAt: ctx.now })
            .where(and(open, eq(invitations.multiUse, false)))
            .returning();
      if (!invitation) throw new Refusal("invalidCode");
      if (invitation.classId && (await classArchived(tx, invitation.classId))) throw new Refusal("invalidCode");

      let userId: string;
      if (ctx.actor) {
        userId = ctx.actor.id;
      } else {
        const account = input.account as NewAccount;
        const [taken] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.email})`, account.email.toLowerCase()));
        if (taken) throw new Refusal("emailUnavailable");
        const [created] = await tx
          .insert(users)
          .values({ name: account.name, email: account.email, passwordHash: passwordHash as string })
          .returning({ id: users.id });
        if (!created) throw new Error("insert returned no row");
        userId = created.id;
      }

      if (!invitation.multiUse) {
        await tx.update(invitations).set({ usedById: userId }).where(eq(invitations.id, invitation.id));
      }
      await tx
        .insert(memberships)
        .values({ userId, organizationId: invitation.organizationId, role: invitation.role })
        .onConflictDoNothing();
      if (invitation.occupationId && invitation.startsOn && invitation.plannedEndOn) {
        await tx.insert(apprenticeships).values({
          apprenticeId: userId,
          companyId: invitation.organizationId,
          trainerId: invitation.trainerId,
          occupationId: invitation.occupationId,
          startsOn: invitation.startsOn,
          plannedEndOn: invitation.plannedEndOn,
        });
      }
      if (invitation.classId) {
        const enrolled = await tx
          .insert(classEnrollments)
          .values({ classId: invitation.classId, apprenticeId: userId })
          .onConflictDoNothing()
          .returning({ classId: classEnrollments.classId });
        // A class code entered twice enrols once.
        if (invitation.multiUse && enrolled.length === 0) {
          const session = ctx.actor ? null : await createSession(tx, userId, ctx.now, ctx.userAgent);
          return { ok: true as const, userId, session };
        }
        await giveClassAssignmentsToNewStudent(tx, { classId: invitation.classId, apprenticeId: userId, now: ctx.now });
      }
      await tx.insert(auditEvents).values({
        actorId: userId,
        organizationId: invitation.organizationId,
        action: "invitation.accepted",
        targetId: invitation.id,
      });
      const session = ctx.actor ? null : await createSession(tx, userId, ctx.now, ctx.userAgent);
      return { ok: true as const, userId, session };
    });
  } catch (error) {
    // "invalidCode" here means someone else claimed the code a moment earlier.
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    // Two sign-ups with one e-mail at the same moment: the unique index decides.
    if (isUniqueViolation(error, "users_email_lower_key")) return { ok: false, reason: "emailUnavailable" };
    throw error;
  }
}

/**
 * A double submit (double tap, reload of the POST, a second tab) reaches us after the first
 * one used the code. If it is the same person, answer as the first time instead of failing:
 * the signed-in actor who used it, or the new account's owner proving it with the password.
 */
async function repeatedAcceptance(
  ctx: PublicCtx,
  input: { code: string; account: NewAccount | null },
): Promise<AcceptInvitationResult | null> {
  if (!isWellFormedInvitationCode(input.code)) return null;
  const [used] = await ctx.db
    .select({ usedById: invitations.usedById, email: users.email, passwordHash: users.passwordHash })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.usedById))
    .where(eq(invitations.codeHash, hashInvitationCode(input.code)));
  if (!used?.usedById) return null;
  if (ctx.actor) return ctx.actor.id === used.usedById ? { ok: true, userId: used.usedById, session: null } : null;
  if (!input.account || input.account.email.toLowerCase() !== used.email.toLowerCase()) return null;
  if (!(await verifyPassword(used.passwordHash, input.account.password))) return null;
  return {
    ok: true,
    userId: used.usedById,
    session: await createSession(ctx.db, used.usedById, ctx.now, ctx.userAgent),
  };
}

async function classArchived(db: Database, classId: string): Promise<boolean> {
  const [row] = await db
    .select({ archivedAt: schoolClasses.archivedAt })
    .from(schoolClasses)
    .where(eq(schoolClasses.id, classId));
  return !row || row.archivedAt !== null;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: string; constraint_name?: string; constraint?: string };
    if (candidate.code === "23505" && (candidate.constraint_name ?? candidate.constraint) === constraint) return true;
  }
  return false;
}
