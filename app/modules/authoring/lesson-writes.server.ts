import { and, asc, desc, eq, gt, isNull, lt, max } from "drizzle-orm";
import { lessons } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requireManagedLesson, requireManagedModule } from "./load-owned.server.ts";
import { uniqueSlug } from "./slugs.ts";

const emptyDocument = { type: "doc", content: [{ type: "paragraph" }] };

export async function addLesson({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { moduleId: string; title: string; minutes: number };
}) {
  await requireManagedModule(ctx.db, ctx.actor, input.moduleId);
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ position: max(lessons.position) })
      .from(lessons)
      .where(eq(lessons.moduleId, input.moduleId));
    const [lesson] = await tx
      .insert(lessons)
      .values({
        moduleId: input.moduleId,
        slug: uniqueSlug(input.title),
        position: (last?.position ?? 0) + 1,
        title: input.title,
        minutes: input.minutes,
        draftBody: emptyDocument,
      })
      .returning({ id: lessons.id });
    if (!lesson) throw new Error("insert returned nothing");
    return lesson;
  });
}

export async function setLessonArchived({ ctx, input }: { ctx: Ctx; input: { lessonId: string; archived: boolean } }) {
  await requireManagedLesson(ctx.db, ctx.actor, input.lessonId);
  await ctx.db
    .update(lessons)
    .set({ archivedAt: input.archived ? ctx.now : null, updatedAt: ctx.now })
    .where(eq(lessons.id, input.lessonId));
}

export async function moveLesson({ ctx, input }: { ctx: Ctx; input: { lessonId: string; direction: "up" | "down" } }) {
  const lesson = await requireManagedLesson(ctx.db, ctx.actor, input.lessonId);
  await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ position: lessons.position })
      .from(lessons)
      .where(eq(lessons.id, lesson.id))
      .for("update");
    if (!current) return;
    const up = input.direction === "up";
    const [neighbour] = await tx
      .select({ id: lessons.id, position: lessons.position })
      .from(lessons)
      .where(
        and(
          eq(lessons.moduleId, lesson.moduleId),
          isNull(lessons.archivedAt),
          up ? lt(lessons.position, current.position) : gt(lessons.position, current.position),
        ),
      )
      .orderBy(up ? desc(lessons.position) : asc(lessons.position))
      .limit(1)
      .for("update");
    if (!neighbour) return;
    await tx.update(lessons).set({ position: neighbour.position, updatedAt: ctx.now }).where(eq(lessons.id, lesson.id));
    await tx
      .update(lessons)
      .set({ position: current.position, updatedAt: ctx.now })
      .where(eq(lessons.id, neighbour.id));
  });
}
