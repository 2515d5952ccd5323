import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CourseDetailsForm } from "#app/components/authoring/course-details-form.tsx";
import { ModuleEditor } from "#app/components/authoring/module-editor.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button, ButtonLink } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { EmptyState, PageHeader, Section } from "#app/components/ui/page.tsx";
import { useFormFailure } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { updateCourse } from "#app/modules/authoring/course-writes.server.ts";
import { addLesson, moveLesson, setLessonArchived } from "#app/modules/authoring/lesson-writes.server.ts";
import { addModule, moveModule, setModuleArchived, updateModule } from "#app/modules/authoring/module-writes.server.ts";
import { courseForEditing } from "#app/modules/authoring/queries.server.ts";
import { createModuleQuiz } from "#app/modules/quizzes/authoring/quiz-writes.server.ts";
import {
  CourseEditIntentSchema,
  DirectionSchema,
  LessonMetaSchema,
  ModuleSchema,
  UpdateCourseSchema,
} from "#app/modules/authoring/schemas.ts";
import { occupationList } from "#db/seed/occupations.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, params }) => {
  const editing = await courseForEditing(ctx, parseId(params.courseId, "course"));
  return { ...editing, occupations: occupationList.map(({ code, name }) => ({ code, name })) };
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const courseId = parseId(params.courseId, "course");
  const formData = await readForm(request);
  const asked = CourseEditIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!asked.success) throw new Response("Unknown intent", { status: 400 });
  const [intent, target] = asked.data.intent;
  const back = redirect(`/edit/courses/${courseId}`);
  const id = () => parseId(formData.get("id"), "item");
  const direction = () => {
    const parsed = DirectionSchema.safeParse(target);
    if (!parsed.success) throw new Response("Unknown direction", { status: 400 });
    return parsed.data;
  };
  switch (intent) {
    case "details": {
      const parsed = parseForm(UpdateCourseSchema, formData, ["occupations", "trainingYears"]);
      if (!parsed.ok) return formFailure(parsed);
      await updateCourse({ ctx, input: { courseId, ...parsed.data } });
      return { ok: true as const, saved: "details" };
    }
    case "addModule": {
      const parsed = parseForm(ModuleSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      await addModule({ ctx, input: { courseId, ...parsed.data } });
      return back;
    }
    case "updateModule": {
      const parsed = parseForm(ModuleSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      await updateModule({ ctx, input: { moduleId: parseId(target, "module"), ...parsed.data } });
      return back;
    }
    case "addLesson": {
      const parsed = parseForm(LessonMetaSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      const lesson = await addLesson({ ctx, input: { moduleId: parseId(target, "module"), ...parsed.data } });
      return redirect(`/edit/lessons/${lesson.id}`);
    }
    case "addQuiz": {
      const quiz = await createModuleQuiz({ ctx, input: { moduleId: parseId(target, "module") } });
      return redirect(`/edit/quizzes/${quiz.id}`);
    }
    case "moveModule":
      await moveModule({ ctx, input: { moduleId: id(), direction: direction() } });
      return back;
    case "moveLesson":
      await moveLesson({ ctx, input: { lessonId: id(), direction: direction() } });
      return back;
    case "archiveModule":
    case "restoreModule":
      await setModuleArchived({ ctx, input: { moduleId: id(), archived: intent === "archiveModule" } });
      return back;
    case "archiveLesson":
    case "restoreLesson":
      await setLessonArchived({ ctx, input: { lessonId: id(), archived: intent === "archiveLesson" } });
      return back;
  }
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.course.title);

export default function EditCoursePage() {
  const { course, modules, occupations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const moduleForm = useFormFailure("addModule");
  return (
    <>
      <PageHeader
        title={course.title}
        lead={t(`status.${course.status}`)}
        actions={
          <ButtonLink variant="secondary" to={`/courses/${course.id}`}>
            {t("editCourse.view")}
          </ButtonLink>
        }
      />
      {result && "saved" in result ? <Alert tone="success">{t("editCourse.saved")}</Alert> : null}
      <Section title={t("editCourse.modules")} id="modules">
        {modules.length === 0 ? <EmptyState>{t("editCourse.noModules")}</EmptyState> : null}
        <ol className="module-editor-list">
          {modules.map((module) => (
            <ModuleEditor key={module.id} module={module} />
          ))}
        </ol>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="addModule" />
          <Field
            label={t("editCourse.moduleTitle")}
            name="title"
            required
            maxLength={160}
            defaultValue={moduleForm.value("title")}
            errors={moduleForm.fieldErrors("title")}
          />
          <Button variant="secondary">{t("editCourse.addModule")}</Button>
        </Form>
      </Section>
      <Section title={t("editCourse.details")} id="details">
        <CourseDetailsForm course={course} occupations={occupations} />
      </Section>
    </>
  );
}
