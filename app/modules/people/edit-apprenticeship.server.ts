import { and, eq, inArray, isNull } from "drizzle-orm";
import { apprenticeships, auditEvents, memberships, occupations, users } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { EditApprenticeshipInput } from "./schemas.ts";

const fields = [
  "trainerId",
  "occupationId",
  "startsOn",
  "plannedEndOn",
  "actualEndOn",
  "birthDate",
  "recordRhythm",
] as const;
type Field = (typeof fields)[number];

/** Input of the form; the Berichtsheft's two fields may be left out (undefined), which keeps them. */
type Input = Omit<EditApprenticeshipInput, "birthDate" | "recordRhythm"> &
  Partial<Pick<EditApprenticeshipInput, "birthDate" | "recordRhythm">> & { organizationId: string };

/**
 * What the audit event keeps of a change. A date of birth is kept out of the trail (it only
 * serves the JArbSchG warning, and a removed one must be gone): only that it was entered,
 * changed or removed.
 */
function auditDetails(
  field: Field,
  from: string | null,
  to: string | null,
  shown: (value: string | null) => string | null,
): Record<string, string | null> {
  if (field === "birthDate") return { field, change: from === null ? "set" : to === null ? "removed" : "changed" };
  return { field, from: shown(from), to: shown(to) };
}

/**
 * An admin corrects an apprenticeship of the organisation: responsible trainer (an active trainer
 * here), occupation, start, planned end (shortened or extended), actual end (ended early), and
 * for the Berichtsheft the date of birth and whether the record is kept weekly or daily.
 * One audit event per changed field, with what it was and what it is now.
 */
export async function editApprenticeship({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: Input;
}): Promise<{ ok: true; changed: number } | { ok: false; field: Field; error: string }> {
  requirePermission(ctx.actor, "people.manage", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        apprenticeId: apprenticeships.apprenticeId,
        trainerId: apprenticeships.trainerId,
        occupationId: apprenticeships.occupationId,
        startsOn: apprenticeships.startsOn,
        plannedEndOn: apprenticeships.plannedEndOn,
        actualEndOn: apprenticeships.actualEndOn,
        birthDate: apprenticeships.birthDate,
        recordRhythm: apprenticeships.recordRhythm,
      })
      .from(apprenticeships)
      .where(and(eq(apprenticeships.id, input.apprenticeshipId), eq(apprenticeships.companyId, input.organizationId)))
      .for("update");
    if (!current) throw new NotFoundError("apprenticeship");

    const next = {
      trainerId: input.trainerId ?? null,
      occupationId: input.occupationId,
      startsOn: input.startsOn,
      plannedEndOn: input.plannedEndOn,
      actualEndOn: input.actualEndOn ?? null,
      birthDate: input.birthDate === undefined ? current.birthDate : input.birthDate,
      recordRhythm: input.recordRhythm ?? current.recordRhythm,
    };
    if (next.trainerId && next.trainerId !== current.trainerId) {
      const [trainer] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, input.organizationId),
            eq(memberships.userId, next.trainerId),
            eq(memberships.role, "trainer"),
            isNull(memberships.deactivatedAt),
          ),
        );
      if (!trainer) return { ok: false as const, field: "trainerId" as const, error: "errors.people.trainer" };
    }
    if (next.occupationId !== current.occupationId) {
      const [occupation] = await tx
        .select({ id: occupations.id })
        .from(occupations)
        .where(eq(occupations.id, next.occupationId));
      if (!occupation) return { ok: false as const, field: "occupationId" as const, error: "errors.people.occupation" };
    }

    const changed = fields.filter((field) => next[field] !== current[field]);
    if (changed.length === 0) return { ok: true as const, changed: 0 };
    await tx.update(apprenticeships).set(next).where(eq(apprenticeships.id, input.apprenticeshipId));
    // The trail shows names, not ids: who was responsible, which occupation.
    const ids = [current.trainerId, next.trainerId, current.occupationId, next.occupationId].filter(
      (id): id is string => id !== null,
    );
    const [people, trades] = await Promise.all([
      tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)),
      tx.select({ id: occupations.id, name: occupations.name }).from(occupations).where(inArray(occupations.id, ids)),
    ]);
    const names = new Map([...people, ...trades].map((row) => [row.id, row.name]));
    const shown = (field: Field, value: string | null) =>
      value !== null && (field === "trainerId" || field === "occupationId") ? (names.get(value) ?? value) : value;
    await tx.insert(auditEvents).values(
      changed.map((field) => ({
        actorId: ctx.actor.id,
        organizationId: input.organizationId,
        action: "apprenticeship.updated",
        targetId: current.apprenticeId,
        details: auditDetails(field, current[field], next[field], (value) => shown(field, value)),
        at: ctx.now,
      })),
    );
    return { ok: true as const, changed: changed.length };
  });
}
