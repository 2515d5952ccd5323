import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, TextAreaField } from "#app/components/ui/field.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { StoredHtml } from "#app/components/ui/stored-html.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { gradeEssay } from "#app/modules/quizzes/grade-essay.server.ts";
import { essayForGrading } from "#app/modules/quizzes/grading-queue.server.ts";
import { GradeEssaySchema, SlotParamSchema } from "#app/modules/quizzes/schemas.ts";
import { formatNumber } from "#app/utils/format.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { readForm } from "#app/utils/read-form.server.ts";

function parseSlot(value: string | undefined): number {
  const slot = SlotParamSchema.safeParse(value);
  if (!slot.success) throw new NotFoundError("answer");
  return slot.data;
}

export const loader = authenticated(({ ctx, params }) =>
  essayForGrading(ctx, parseId(params.attemptId, "attempt"), parseSlot(params.slot)),
);

export const action = authenticated(async ({ ctx, params, request }) => {
  const attemptId = parseId(params.attemptId, "attempt");
  const slot = parseSlot(params.slot);
  const formData = await readForm(request);
  const parsed = parseForm(GradeEssaySchema, formData);
  if (!parsed.ok) return formFailure(parsed);
  const result = await gradeEssay({ ctx, input: { attemptId, slot, ...parsed.data } });
  if (result.status === "too-many-points") {
    return formFailure(parsed, { fieldErrors: { points: ["errors.grading.tooManyPoints"] } });
  }
  return redirect("/grading?graded=1");
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.questionTitle);

export default function GradeEssayPage() {
  const essay = useLoaderData<typeof loader>();
  useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const form = useFormFailure();
  const submitting = useIsSubmitting();
  const max = formatNumber(locale, essay.maxPoints);
  return (
    <>
      <PageHeader
        title={t("grading.essayTitle", { name: essay.apprenticeName })}
        lead={`${essay.courseTitle} › ${essay.quizTitle}`}
      />
      <p>
        <Link to="/grading">← {t("grading.back")}</Link>
      </p>
      <Section title={essay.questionTitle}>
        <StoredHtml className="lesson-body" html={essay.promptHtml} />
        {essay.generalFeedbackHtml ? (
          <div className="feedback">
            <strong>{t("grading.hint")}</strong>
            <StoredHtml className="lesson-body" html={essay.generalFeedbackHtml} />
          </div>
        ) : null}
      </Section>
      <Section title={t("grading.answer")}>
        <p className="essay-answer">{essay.text || t("quiz.noAnswer")}</p>
      </Section>
      <Section title={t("grading.yourGrade")}>
        {!essay.waiting && essay.points !== null ? (
          <Alert tone="info">{t("grading.alreadyGraded", { points: formatNumber(locale, essay.points), max })}</Alert>
        ) : null}
        <Form method="post" className="stack">
          <Field
            label={t("grading.points", { max })}
            name="points"
            inputMode="decimal"
            required
            autoComplete="off"
            defaultValue={form.value("points") ?? (essay.points === null ? "" : formatNumber(locale, essay.points))}
            errors={form.fieldErrors("points")}
          />
          <TextAreaField
            label={t("grading.comment")}
            hint={t("grading.commentHint")}
            name="comment"
            rows={4}
            maxLength={2000}
            defaultValue={form.value("comment") ?? essay.comment}
            errors={form.fieldErrors("comment")}
          />
          <Button disabled={submitting}>{t("grading.save")}</Button>
        </Form>
      </Section>
    </>
  );
}
