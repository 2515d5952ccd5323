import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { courseModules, courses, lessons, questions, quizzes } from "#db/schema/index.ts";
import type { Database } from "#db/client.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { uniqueSlug } from "./slugs.ts";

/**
 * "Als Vorlage übernehmen": copies a published library course with its live modules, lessons and
 * quizzes into the organisation as a draft, in one transaction. The copy starts with the lessons already
 * published (same text and HTML), so publishing the course is all it takes to use it as is.
 */
export async function copyLibraryCourse({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { courseId: string; organizationId: string };
}) {
  requirePermission(ctx.actor, "courses.manage", input.organizationId);
  return ctx.db.transaction(async (tx) => {
    const [source] = await tx
      .select()
      .from(courses)
      .where(and(eq(courses.id, input.courseId), isNull(courses.ownerOrganizationId), eq(courses.status, "published")));
    if (!source) throw new NotFoundError("course");
    const [copy] = await tx
      .insert(courses)
      .values({
        slug: uniqueSlug(source.title),
        ownerOrganizationId: input.organizationId,
        title: source.title,
        summary: source.summary,
        occupations: source.occupations,
        trainingYears: source.trainingYears,
        learningFields: source.learningFields,
        coverImage: source.coverImage,
        status: "draft",
        copiedFromId: source.id,
      })
      .returning({ id: courses.id });
    if (!copy) throw new Error("insert returned nothing");
    const modules = await tx
      .select()
      .from(courseModules)
      .where(and(eq(courseModules.courseId, source.id), isNull(courseModules.archivedAt)))
      .orderBy(asc(courseModules.position));
    if (modules.length === 0) return copy;
    const newModules = await tx
      .insert(courseModules)
      .values(
        modules.map((m) => ({
          courseId: copy.id,
          slug: m.slug,
          position: m.position,
          title: m.title,
          summary: m.summary,
        })),
      )
      .returning({ id: courseModules.id, slug: courseModules.slug });
    const moduleIdBySlug = new Map(newModules.map((m) => [m.slug, m.id]));
    const sourceSlugById = new Map(modules.map((m) => [m.id, m.slug]));
    const sourceLessons = await tx
      .select()
      .from(lessons)
      .where(
        and(
          inArray(lessons.moduleId, [...sourceSlugById.keys()]),
          isNull(lessons.archivedAt),
          gt(lessons.publishedVersion, 0),
        ),
      );
    if (sourceLessons.length > 0) {
      await tx.insert(lessons).values(
        sourceLessons.map((l) => ({
          moduleId: moduleIdBySlug.get(sourceSlugById.get(l.moduleId) ?? "") ?? "",
          slug: l.slug,
          position: l.position,
          title: l.publishedTitle ?? l.title,
          minutes: l.minutes,
          draftBody: l.publishedBody ?? l.draftBody,
          publishedTitle: l.publishedTitle,
          publishedBody: l.publishedBody,
          publishedHtml: l.publishedHtml,
          publishedVersion: 1,
          publishedAt: ctx.now,
        })),
      );
    }
    await copyQuizzes(tx, new Map(modules.map((m) => [m.id, moduleIdBySlug.get(m.slug) ?? ""])));
    return copy;
  });
}

/** Each module's quiz with its live questions; the copy's attempts start from nothing. */
async function copyQuizzes(tx: Database, moduleIds: Map<string, string>) {
  const sourceQuizzes = await tx
    .select()
    .from(quizzes)
    .where(inArray(quizzes.moduleId, [...moduleIds.keys()]));
  if (sourceQuizzes.length === 0) return;
  const copies = await tx
    .insert(quizzes)
    .values(
      sourceQuizzes.map(({ id: _id, createdAt: _c, updatedAt: _u, moduleId, ...settings }) => ({
        ...settings,
        moduleId: moduleIds.get(moduleId) ?? "",
      })),
    )
    .returning({ id: quizzes.id, moduleId: quizzes.moduleId });
  const copyOfModule = new Map(copies.map((quiz) => [quiz.moduleId, quiz.id]));
  const quizIds = new Map(
    sourceQuizzes.map((quiz) => [quiz.id, copyOfModule.get(moduleIds.get(quiz.moduleId) ?? "") ?? ""]),
  );
  const sourceQuestions = await tx
    .select()
    .from(questions)
    .where(and(inArray(questions.quizId, [...quizIds.keys()]), isNull(questions.archivedAt)));
  if (sourceQuestions.length === 0) return;
  await tx.insert(questions).values(
    sourceQuestions.map(({ id: _id, createdAt: _c, updatedAt: _u, quizId, ...question }) => ({
      ...question,
      quizId: quizIds.get(quizId) ?? "",
    })),
  );
}
