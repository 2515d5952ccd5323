import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ProgressMeter } from "#app/components/courses/progress-meter.tsx";
import { ModuleList } from "#app/components/courses/module-list.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button, ButtonLink } from "#app/components/ui/button.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import { copyLibraryCourse } from "#app/modules/authoring/copy-library-course.server.ts";
import { courseOverview } from "#app/modules/courses/course-overview.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(({ ctx, params }) => courseOverview(ctx, parseId(params.courseId, "course")));

export const action = authenticated(async ({ ctx, params, request }) => {
  const formData = await readForm(request);
  const copy = await copyLibraryCourse({
    ctx,
    input: {
      courseId: parseId(params.courseId, "course"),
      organizationId: parseId(formData.get("organizationId"), "organization"),
    },
  });
  return redirect(`/edit/courses/${copy.id}`);
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.course.title);

export default function CoursePage() {
  const { course, modules, lessonCount, doneCount, minutes, percent, next, canManage, copyTargets } =
    useLoaderData<typeof loader>();
  const t = useT();
  const tCount = useTCount();
  return (
    <>
      <PageHeader
        title={course.title}
        lead={course.summary}
        actions={
          canManage ? (
            <ButtonLink variant="secondary" to={`/edit/courses/${course.id}`}>
              {t("course.edit")}
            </ButtonLink>
          ) : null
        }
      />
      {course.status !== "published" ? <Alert tone="info">{t("course.draftNotice")}</Alert> : null}
      <section className="card course-progress" aria-label={t("courses.progressLabel")}>
        <p>
          {t("course.doneCount", { done: doneCount, total: lessonCount })} · {tCount("courses.lessons", lessonCount)} ·{" "}
          {t("courses.minutes", { minutes })}
        </p>
        <ProgressMeter percent={percent} />
        {next ? (
          <ButtonLink to={`/lessons/${next.id}`}>{next.started ? t("course.continue") : t("course.start")}</ButtonLink>
        ) : lessonCount > 0 ? (
          <p className="success-text">{t("course.allDone")}</p>
        ) : (
          <p>{t("course.noLessons")}</p>
        )}
      </section>
      <Section title={t("course.modules")} id="modules">
        <ModuleList modules={modules} />
      </Section>
      {course.learningFields.length > 0 ? (
        <Section title={t("course.learningFields")} id="learning-fields">
          <ul>
            {course.learningFields.map((field) => (
              <li key={field}>{field}</li>
            ))}
          </ul>
        </Section>
      ) : null}
      {copyTargets.length > 0 ? (
        <Section title={t("course.copy.title")} id="copy">
          <p>{t("course.copy.lead")}</p>
          <Form method="post" className="inline-form">
            {copyTargets.length === 1 ? (
              <input type="hidden" name="organizationId" value={copyTargets[0]?.organizationId} />
            ) : (
              <div className="field">
                <label htmlFor="copy-organization">{t("course.copy.organization")}</label>
                <select id="copy-organization" name="organizationId">
                  {copyTargets.map((org) => (
                    <option key={org.organizationId} value={org.organizationId}>
                      {org.organizationName}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <Button variant="secondary">{t("course.copy.submit")}</Button>
          </Form>
        </Section>
      ) : null}
      <p>
        <Link to="/courses">← {t("courses.title")}</Link>
      </p>
    </>
  );
}
