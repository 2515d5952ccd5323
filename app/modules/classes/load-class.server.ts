import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { auditEvents, schoolClasses } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";

/**
 * The class, if it belongs to this very school; otherwise "not found" (an id of another school's
 * class reveals nothing). `active`: an archived class counts as not found, for every write.
 */
export async function loadSchoolClass(db: Database, schoolId: string, classId: string, options = { active: true }) {
  const [row] = await db
    .select()
    .from(schoolClasses)
    .where(and(eq(schoolClasses.id, classId), eq(schoolClasses.schoolId, schoolId)))
    .limit(1);
  if (!row || (options.active && row.archivedAt)) throw new NotFoundError("class");
  return row;
}

export async function auditClass(
  db: Database,
  ctx: Ctx,
  event: {
    schoolId: string;
    action: string;
    targetId: string;
    details?: Record<string, string | number | boolean | null>;
  },
) {
  await db.insert(auditEvents).values({
    actorId: ctx.actor.id,
    organizationId: event.schoolId,
    action: event.action,
    targetId: event.targetId,
    details: event.details ?? null,
  });
}

/** PostgreSQL's unique violation of the named constraint, wherever the driver wraps it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: string; constraint_name?: string; constraint?: string };
    if (candidate.code === "23505" && (candidate.constraint_name ?? candidate.constraint) === constraint) return true;
  }
  return false;
}
