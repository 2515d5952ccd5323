import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { LessonEditor } from "#app/components/editor/lesson-editor.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, FieldErrors } from "#app/components/ui/field.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { lessonForEditing } from "#app/modules/authoring/queries.server.ts";
import { saveLesson } from "#app/modules/authoring/save-lesson.server.ts";
import { LessonSaveSchema } from "#app/modules/authoring/schemas.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(({ ctx, params }) => lessonForEditing(ctx, parseId(params.lessonId, "lesson")));

export const action = authenticated(async ({ ctx, params, request }) => {
  const lessonId = parseId(params.lessonId, "lesson");
  const formData = await readForm(request);
  const parsed = parseForm(LessonSaveSchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const { intent, ...fields } = parsed.data;
  const result = await saveLesson({ ctx, input: { lessonId, ...fields, publish: intent === "publish" } });
  if (!result.ok) return formFailure(parsed, { fieldErrors: { [result.field]: [result.error] } });
  // Post/redirect/get: a reload does not send the text again; the flag only picks the message.
  return redirect(`/edit/lessons/${lessonId}?saved=${result.published ? "published" : "draft"}`);
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.title);

export default function EditLessonPage() {
  const lesson = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const t = useT();
  const form = useFormFailure();
  const saving = useIsSubmitting();
  const bodyErrors = form.fieldErrors("body");
  const state =
    lesson.publishedVersion === 0
      ? t("editLesson.state.never")
      : t(lesson.unpublishedChanges ? "editLesson.state.changes" : "editLesson.state.current", {
          version: lesson.publishedVersion,
        });
  return (
    <>
      <PageHeader
        title={t("editLesson.title")}
        lead={t("editLesson.lead", { course: lesson.courseTitle, module: lesson.moduleTitle })}
      />
      {saved === "published" || saved === "draft" ? (
        <Alert tone="success">{t(saved === "published" ? "editLesson.published" : "editLesson.saved")}</Alert>
      ) : null}
      <p className="course-meta">{state}</p>
      <Form method="post" className="stack lesson-form">
        <Field
          label={t("editLesson.lessonTitle")}
          name="title"
          required
          maxLength={160}
          defaultValue={form.value("title") ?? lesson.title}
          errors={form.fieldErrors("title")}
        />
        <Field
          label={t("editLesson.minutes")}
          name="minutes"
          type="number"
          min={1}
          max={120}
          required
          defaultValue={form.value("minutes") ?? String(lesson.minutes)}
          errors={form.fieldErrors("minutes")}
        />
        <div className="field">
          <span id="lesson-body-label" className="field-label">
            {t("editLesson.body")}
          </span>
          <LessonEditor
            initial={lesson.draftBody}
            markdown={form.value("markdown") ?? lesson.markdown}
            uploadUrl={`/edit/lessons/${lesson.id}/images`}
            errorId={bodyErrors ? "lesson-body-error" : undefined}
            invalid={Boolean(bodyErrors)}
          />
          <FieldErrors id="lesson-body-error" errors={bodyErrors} />
        </div>
        <div className="form-actions">
          <Button name="intent" value="save" variant="secondary" disabled={saving}>
            {t("editLesson.save")}
          </Button>
          <Button name="intent" value="publish" disabled={saving}>
            {t("editLesson.publish")}
          </Button>
        </div>
      </Form>
      <p>
        <Link to={`/edit/courses/${lesson.courseId}`}>← {t("editLesson.backToCourse")}</Link>
        {lesson.publishedVersion > 0 ? (
          <>
            {" · "}
            <Link to={`/lessons/${lesson.id}`}>{t("editLesson.view")}</Link>
          </>
        ) : null}
      </p>
    </>
  );
}
