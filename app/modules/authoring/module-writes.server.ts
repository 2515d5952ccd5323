import { and, asc, desc, eq, gt, isNull, lt, max } from "drizzle-orm";
import { courseModules } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireManagedCourse, requireManagedModule } from "./load-owned.server.ts";
import { uniqueSlug } from "./slugs.ts";

export async function addModule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { courseId: string; title: string; summary: string };
}) {
  await requireManagedCourse(ctx.db, ctx.actor, input.courseId);
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(courseModules.position) })
      .from(courseModules)
      .where(eq(courseModules.courseId, input.courseId));
    const [module] = await tx
      .insert(courseModules)
      .values({
        courseId: input.courseId,
        slug: uniqueSlug(input.title),
        position: (last?.position ?? 0) + 1,
        title: input.title,
        summary: input.summary,
      })
      .returning({ id: courseModules.id });
    return module;
  });
}

export async function updateModule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { moduleId: string; title: string; summary: string };
}) {
  await requireManagedModule(ctx.db, ctx.actor, input.moduleId);
  await ctx.db
    .update(courseModules)
    .set({ title: input.title, summary: input.summary, updatedAt: ctx.now })
    .where(eq(courseModules.id, input.moduleId));
}

/** Archived modules disappear for readers; progress in their lessons is kept. */
export async function setModuleArchived({ ctx, input }: { ctx: Ctx; input: { moduleId: string; archived: boolean } }) {
  await requireManagedModule(ctx.db, ctx.actor, input.moduleId);
  await ctx.db
    .update(courseModules)
    .set({ archivedAt: input.archived ? ctx.now : null, updatedAt: ctx.now })
    .where(eq(courseModules.id, input.moduleId));
}

/** Swaps the module with its live neighbour, in one transaction. At the edge nothing happens. */
export async function moveModule({ ctx, input }: { ctx: Ctx; input: { moduleId: string; direction: "up" | "down" } }) {
  const module = await requireManagedModule(ctx.db, ctx.actor, input.moduleId);
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ position: courseModules.position })
      .from(courseModules)
      .where(eq(courseModules.id, module.id))
      .for("update");
    if (!current) return;
    const up = input.direction === "up";
    const [neighbour] = await tx
      .select({ id: courseModules.id, position: courseModules.position })
      .from(courseModules)
      .where(
        and(
          eq(courseModules.courseId, module.courseId),
          isNull(courseModules.archivedAt),
          up ? lt(courseModules.position, current.position) : gt(courseModules.position, current.position),
        ),
      )
      .orderBy(up ? desc(courseModules.position) : asc(courseModules.position))
      .limit(1)
      .for("update");
    if (!neighbour) return;
    await tx
      .update(courseModules)
      .set({ position: neighbour.position, updatedAt: ctx.now })
      .where(eq(courseModules.id, module.id));
    await tx
      .update(courseModules)
      .set({ position: current.position, updatedAt: ctx.now })
      .where(eq(courseModules.id, neighbour.id));
  });
}
