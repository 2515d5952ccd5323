import { Form, useSearchParams } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, SelectField, TextAreaField } from "#app/components/ui/field.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import type { QuizSettings } from "#app/modules/quizzes/quiz-settings.ts";

/** The quiz's settings; after a refused save it shows what was typed, with the errors. */
export function QuizSettingsForm({ quiz }: { quiz: QuizSettings }) {
  const t = useT();
  const form = useFormFailure("settings");
  const submitting = useIsSubmitting("settings");
  const [search] = useSearchParams();
  const failed = form.formErrors.length > 0 || form.value("intent") !== undefined;
  const value = (name: keyof QuizSettings, fallback: string) => form.value(name) ?? fallback;
  const checked = (name: "shuffleQuestions" | "shuffleAnswers") => (failed ? form.value(name) === "on" : quiz[name]);
  return (
    <Form method="post" className="stack">
      {search.get("saved") === "settings" && !failed ? <Alert tone="success">{t("editQuiz.saved")}</Alert> : null}
      <input type="hidden" name="intent" value="settings" />
      <Field
        label={t("editQuiz.title")}
        name="title"
        required
        maxLength={160}
        defaultValue={value("title", quiz.title)}
        errors={form.fieldErrors("title")}
      />
      <TextAreaField
        label={t("editQuiz.intro")}
        hint={t("editQuiz.introHint")}
        name="introMarkdown"
        rows={3}
        defaultValue={value("introMarkdown", quiz.introMarkdown)}
        errors={form.fieldErrors("introMarkdown")}
      />
      <Field
        label={t("editQuiz.passPercent")}
        name="passPercent"
        type="number"
        min={0}
        max={100}
        required
        inputMode="numeric"
        defaultValue={value("passPercent", String(quiz.passPercent))}
        errors={form.fieldErrors("passPercent")}
      />
      <Field
        label={t("editQuiz.attempts")}
        hint={t("editQuiz.attemptsHint")}
        name="maxAttempts"
        type="number"
        min={1}
        max={20}
        inputMode="numeric"
        defaultValue={value("maxAttempts", quiz.maxAttempts === null ? "" : String(quiz.maxAttempts))}
        errors={form.fieldErrors("maxAttempts")}
      />
      <Field
        label={t("editQuiz.draw")}
        hint={t("editQuiz.drawHint")}
        name="drawCount"
        type="number"
        min={1}
        max={200}
        inputMode="numeric"
        defaultValue={value("drawCount", quiz.drawCount === null ? "" : String(quiz.drawCount))}
        errors={form.fieldErrors("drawCount")}
      />
      <Field
        label={t("editQuiz.perPage")}
        name="perPage"
        type="number"
        min={1}
        max={20}
        required
        inputMode="numeric"
        defaultValue={value("perPage", String(quiz.perPage))}
        errors={form.fieldErrors("perPage")}
      />
      <fieldset className="checkbox-group">
        <legend>{t("editQuiz.shuffle")}</legend>
        <label>
          <input type="checkbox" name="shuffleQuestions" defaultChecked={checked("shuffleQuestions")} />{" "}
          {t("editQuiz.shuffleQuestions")}
        </label>
        <label>
          <input type="checkbox" name="shuffleAnswers" defaultChecked={checked("shuffleAnswers")} />{" "}
          {t("editQuiz.shuffleAnswers")}
        </label>
      </fieldset>
      <SelectField
        label={t("editQuiz.review")}
        name="reviewPolicy"
        defaultValue={value("reviewPolicy", quiz.reviewPolicy)}
        errors={form.fieldErrors("reviewPolicy")}
        options={(["after_attempt", "after_pass", "never"] as const).map((policy) => ({
          value: policy,
          label: t(`editQuiz.reviewPolicy.${policy}`),
        }))}
      />
      <Button disabled={submitting}>{t("editQuiz.saveSettings")}</Button>
    </Form>
  );
}
