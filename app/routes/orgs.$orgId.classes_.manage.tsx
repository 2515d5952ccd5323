import { type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClassForm } from "#app/components/classes/class-form.tsx";
import { EmptyState, PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { createClass } from "#app/modules/classes/manage-classes.server.ts";
import { classManagement } from "#app/modules/classes/queries.server.ts";
import { ClassSchema } from "#app/modules/classes/schemas.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

/** "Klassen verwalten": the school's classes (archived ones last) and a form for a new one. */
export const loader = authenticated(async ({ ctx, params }) => {
  return classManagement(ctx, parseId(params.orgId, "organization"));
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const schoolId = parseId(params.orgId, "organization");
  const parsed = parseForm(ClassSchema, await readForm(request));
  if (!parsed.ok) return formFailure(parsed);
  const result = await createClass({ ctx, input: { ...parsed.data, schoolId } });
  if (!result.ok) return formFailure(parsed, { fieldErrors: result.fieldErrors, formErrors: [] });
  return redirect(`/orgs/${schoolId}/classes/manage/${result.id}`);
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "classes.manage.title");

export default function ManageClassesPage() {
  const { school, classes, occupations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("classes.manage.title")} lead={t("classes.manage.lead", { school: school.name })} />
      <Section title={t("classes.manage.list")} id="class-list">
        {classes.length === 0 ? (
          <EmptyState>{t("classes.manage.empty")}</EmptyState>
        ) : (
          <ul className="item-list">
            {classes.map((c) => (
              <li key={c.id}>
                <Link to={`/orgs/${school.id}/classes/manage/${c.id}`}>{c.name}</Link>{" "}
                <span className="muted">
                  {[
                    c.occupationName,
                    t("classes.meta.year", { year: c.trainingYear }),
                    c.schoolYear,
                    t(c.students === 1 ? "classes.meta.students.one" : "classes.meta.students.other", {
                      count: c.students,
                    }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                {c.archivedAt ? <span className="badge">{t("classes.manage.archived")}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("classes.manage.new")} id="new-class">
        <ClassForm intent="create" occupations={occupations} submitLabel={t("classes.manage.create")} />
      </Section>
    </>
  );
}
