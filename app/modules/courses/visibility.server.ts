import { and, eq, gt, inArray, isNull, or, type SQL } from "drizzle-orm";
import { courseModules, courses, lessons } from "#db/schema/index.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { courseReaderOrganizations } from "#app/modules/permissions/permissions.ts";

/** A lesson readers can see: published at least once, neither it nor its module archived. */
export const lessonIsLive: SQL = and(
  isNull(lessons.archivedAt),
  gt(lessons.publishedVersion, 0),
  isNull(courseModules.archivedAt),
) as SQL;

/** Published courses of the library and of the actor's organisations (the permissions rule, in SQL). */
export function publishedCoursesFor(actor: Actor): SQL {
  const owners = courseReaderOrganizations(actor);
  return and(
    eq(courses.status, "published"),
    owners.length > 0
      ? or(isNull(courses.ownerOrganizationId), inArray(courses.ownerOrganizationId, owners))
      : isNull(courses.ownerOrganizationId),
  ) as SQL;
}
