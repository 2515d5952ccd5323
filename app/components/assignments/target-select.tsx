import { useId } from "react";
import { FieldFrame } from "#app/components/ui/field.tsx";
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
  return (
    <FieldFrame id={id} label={t("assignments.form.target")} hint={t("assignments.form.targetHint")} errors={errors}>
      {(aria) => (
        <select id={id} name="target" className="input" defaultValue={defaultValue ?? ""} required {...aria}>
          <option value="">{t("assignments.form.targetPlaceholder")}</option>
          {targets.map((course) => (
            <optgroup key={course.id} label={course.title}>
              <option value={`course:${course.id}`}>
                {t("assignments.form.wholeCourse", { title: course.title })}
              </option>
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
      )}
    </FieldFrame>
  );
}
