import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CourseCard } from "#app/components/courses/course-card.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { EmptyState, PageHeader } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { listCatalogue } from "#app/modules/courses/catalogue.server.ts";
import { occupationCodes, occupationList } from "#db/seed/occupations.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** A bad filter value in the URL is ignored rather than an error: the page still shows courses. */
const FilterSchema = z.object({
  occupation: z.enum(occupationCodes).optional().catch(undefined),
  year: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
});

export const loader = authenticated(async ({ ctx, request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = FilterSchema.parse({ occupation: params.occupation || undefined, year: params.year || undefined });
  const courses = await listCatalogue(ctx, filter);
  return { courses, filter, occupations: occupationList.map(({ code, name }) => ({ code, name })) };
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "courses.title");

export default function CataloguePage() {
  const { courses, filter, occupations } = useLoaderData<typeof loader>();
  const t = useT();
  const occupationNames = Object.fromEntries(occupations.map((o) => [o.code, o.name]));
  const filtered = Boolean(filter.occupation || filter.year);
  return (
    <>
      <PageHeader title={t("courses.title")} lead={t("courses.lead")} />
      <Form method="get" className="filter-bar">
        <fieldset>
          <legend>{t("courses.filter.legend")}</legend>
          <div className="field">
            <label htmlFor="filter-occupation">{t("courses.filter.occupation")}</label>
            <select id="filter-occupation" name="occupation" defaultValue={filter.occupation ?? ""}>
              <option value="">{t("courses.filter.anyOccupation")}</option>
              {occupations.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-year">{t("courses.filter.year")}</label>
            <select id="filter-year" name="year" defaultValue={filter.year ?? ""}>
              <option value="">{t("courses.filter.anyYear")}</option>
              {[1, 2, 3, 4].map((year) => (
                <option key={year} value={year}>
                  {t("courses.filter.yearN", { year })}
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary">{t("courses.filter.submit")}</Button>
          {filtered ? <Link to="/courses">{t("courses.filter.reset")}</Link> : null}
        </fieldset>
      </Form>
      {courses.length === 0 ? (
        <EmptyState>{t("courses.empty")}</EmptyState>
      ) : (
        <ul className="course-list">
          {courses.map((course) => (
            <CourseCard key={course.id} course={course} occupationNames={occupationNames} />
          ))}
        </ul>
      )}
    </>
  );
}
