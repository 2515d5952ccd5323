import { eq } from "drizzle-orm";
import { courses } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { requireManagedCourse } from "./load-owned.server.ts";
import { uniqueSlug } from "./slugs.ts";

/** A new, empty draft course of the organisation. */
export async function createCourse({ ctx, input }: { ctx: Ctx; input: { organizationId: string; title: string } }) {
  requirePermission(ctx.actor, "courses.manage", input.organizationId);
  const [course] = await ctx.db
    .insert(courses)
    .values({
      slug: uniqueSlug(input.title),
      ownerOrganizationId: input.organizationId,
      title: input.title,
      occupations: ["all"],
      trainingYears: [1],
      status: "draft",
    })
    .returning({ id: courses.id });
  if (!course) throw new Error("insert returned nothing");
  return course;
}

export async function updateCourse({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    courseId: string;
    title: string;
    summary: string;
    occupations: string[];
    trainingYears: number[];
    status: "draft" | "published" | "archived";
  };
}) {
  await requireManagedCourse(ctx.db, ctx.actor, input.courseId);
  const { courseId, ...values } = input;
  await ctx.db
    .update(courses)
    .set({ ...values, updatedAt: ctx.now })
    .where(eq(courses.id, courseId));
}
