import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import {
  apprenticeships,
  classEnrollments,
  memberships,
  occupations,
  organizations,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { createSession } from "#app/modules/auth/session.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import type { OrganizationKind, Role } from "#app/modules/permissions/roles.ts";

export const TEST_PASSWORD = "richtig-langes-passwort";
let passwordHash: Promise<string> | undefined;

/** Unique per call, so tests never collide, even in parallel against one server database. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createOrganization(db: Database, kind: OrganizationKind, name = unique(kind)) {
  const [row] = await db.insert(organizations).values({ kind, name, town: "Stendal" }).returning();
  if (!row) throw new Error("no organisation");
  return row;
}

export async function createUser(db: Database, overrides: { name?: string; email?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({
      name: overrides.name ?? unique("Person"),
      email: overrides.email ?? `${unique("user")}@example.test`,
      passwordHash: await passwordHash,
    })
    .returning();
  if (!row) throw new Error("no user");
  return row;
}

/** A new user holding `role` in the organisation. */
export async function createMember(db: Database, organizationId: string, role: Role, name?: string) {
  const user = await createUser(db, { name });
  await db.insert(memberships).values({ userId: user.id, organizationId, role });
  return user;
}

export async function occupationId(db: Database, code = "tischler"): Promise<string> {
  const [row] = await db.select({ id: occupations.id }).from(occupations).where(eq(occupations.code, code));
  if (!row) throw new Error(`occupation ${code} missing: did the test call openTestDatabase()?`);
  return row.id;
}

export async function createApprenticeship(
  db: Database,
  input: {
    apprenticeId: string;
    companyId: string;
    trainerId: string | null;
    startsOn?: string;
    plannedEndOn?: string;
  },
) {
  await db.insert(apprenticeships).values({
    apprenticeId: input.apprenticeId,
    companyId: input.companyId,
    trainerId: input.trainerId,
    occupationId: await occupationId(db),
    startsOn: input.startsOn ?? "2025-08-01",
    plannedEndOn: input.plannedEndOn ?? "2028-07-31",
  });
}

export async function createClass(db: Database, schoolId: string, apprenticeIds: string[] = []) {
  const [row] = await db
    .insert(schoolClasses)
    .values({ schoolId, name: unique("Klasse"), trainingYear: 1 })
    .returning();
  if (!row) throw new Error("no class");
  if (apprenticeIds.length > 0) {
    await db.insert(classEnrollments).values(apprenticeIds.map((apprenticeId) => ({ classId: row.id, apprenticeId })));
  }
  return row;
}

export async function ctxFor(db: Database, userId: string, now = new Date()): Promise<Ctx> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error("no actor");
  return { db, actor, now };
}

/** A Cookie header value with a fresh session for the user, as a browser would send it. */
export async function sessionCookieFor(db: Database, userId: string): Promise<string> {
  const { token } = await createSession(db, userId, new Date());
  return `werkbank_session=${token}`;
}
