import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, ButtonLink } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { EmptyState, PageHeader, Section } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { createCourse } from "#app/modules/authoring/course-writes.server.ts";
import { listOrganizationCourses } from "#app/modules/authoring/queries.server.ts";
import { CreateCourseSchema } from "#app/modules/authoring/schemas.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { formatDate } from "#app/utils/format.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { useLocale } from "#app/i18n/use-t.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(({ ctx, params }) =>
  listOrganizationCourses(ctx, parseId(params.orgId, "organization")),
);

export const action = authenticated(async ({ ctx, params, request }) => {
  const organizationId = parseId(params.orgId, "organization");
  const formData = await readForm(request);
  const parsed = parseForm(CreateCourseSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const course = await createCourse({ ctx, input: { organizationId, title: parsed.data.title } });
  return redirect(`/edit/courses/${course.id}`);
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.title");

export default function OrganizationCoursesPage() {
  const { organization, courses } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const form = useFormFailure();
  const submitting = useIsSubmitting();
  return (
    <>
      <PageHeader title={t("authoring.title")} lead={t("authoring.lead", { organization: organization.name })} />
      <Section title={t("authoring.new")} id="new-course">
        <Form method="post" className="inline-form">
          <Field
            label={t("authoring.newTitle")}
            name="title"
            required
            maxLength={160}
            defaultValue={form.value("title")}
            errors={form.fieldErrors("title")}
          />
          <Button disabled={submitting}>{t("authoring.create")}</Button>
        </Form>
        <p>
          {t("authoring.fromLibrary")} <Link to="/courses">{t("authoring.toLibrary")}</Link>
        </p>
      </Section>
      <Section title={t("authoring.list", { organization: organization.name })} id="course-list">
        {courses.length === 0 ? (
          <EmptyState>{t("authoring.empty")}</EmptyState>
        ) : (
          <ul className="plain-list">
            {courses.map((course) => (
              <li key={course.id} className="list-row">
                <div>
                  <Link to={`/edit/courses/${course.id}`}>{course.title}</Link>
                  <p className="course-meta">
                    <span className={`status status-${course.status}`}>{t(`status.${course.status}`)}</span> ·{" "}
                    {formatDate(locale, new Date(course.updatedAt))}
                    {course.copiedFromId ? ` · ${t("authoring.copied")}` : ""}
                  </p>
                </div>
                <ButtonLink
                  variant="secondary"
                  to={`/edit/courses/${course.id}`}
                  aria-label={t("editCourse.editNamed", { title: course.title })}
                >
                  {t("editCourse.edit")}
                </ButtonLink>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
