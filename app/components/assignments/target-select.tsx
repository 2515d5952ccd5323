import { useId } from "react";
import { FieldErrors } from "#app/components/ui/field.tsx";
import { useT } from "#app/i18n/use-t.ts";
import type { TargetTree } from "#app/modules/assignments/targets.server.ts";

/**
 * What to assign, in one native select grouped by course: the whole course, a module, a lesson
 * or a quiz. Native, so it works without JavaScript and uses the phone's own picker.
 */
export function TargetSelect({
  targets,
  defaultValue,
  errors,
}: {
  targets: TargetTree;
  defaultValue?: string;
  errors?: string[];
}) {
  const t = useT();
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t("assignments.form.target")}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {t("assignments.form.targetHint")}
      </p>
      <select
        id={id}
        name="target"
        className="input"
        defaultValue={defaultValue ?? ""}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
        required
      >
        <option value="">{t("assignments.form.targetPlaceholder")}</option>
        {targets.map((course) => (
          <optgroup key={course.id} label={course.title}>
            <option value={`course:${course.id}`}>{t("assignments.form.wholeCourse", { title: course.title })}</option>
            {course.modules.flatMap((module) => [
              <option key={module.id} value={`module:${module.id}`}>
                {t("assignments.form.module", { title: module.title })}
              </option>,
              ...module.lessons.map((lesson) => (
                <option key={lesson.id} value={`lesson:${lesson.id}`}>
                  {t("assignments.form.lesson", { title: lesson.title, minutes: lesson.minutes })}
                </option>
              )),
              ...(module.quiz
                ? [
                    <option key={module.quiz.id} value={`quiz:${module.quiz.id}`}>
                      {/^quiz\b/i.test(module.quiz.title)
                        ? `– ${module.quiz.title}`
                        : t("assignments.form.quiz", { title: module.quiz.title })}
                    </option>,
                  ]
                : []),
            ])}
          </optgroup>
        ))}
      </select>
      {errorId ? <FieldErrors id={errorId} errors={errors} /> : null}
    </div>
  );
}
