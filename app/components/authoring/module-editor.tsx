import { Form, Link } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { useFormFailure } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

type LessonRow = {
  id: string;
  title: string;
  minutes: number;
  archived: boolean;
  published: boolean;
  unpublishedChanges: boolean;
};
type ModuleRow = {
  id: string;
  title: string;
  summary: string;
  archived: boolean;
  quizId: string | null;
  lessons: LessonRow[];
};

/** One small POST form per action: each works without JavaScript and says what it acts on. */
function ActionButton({
  intent,
  id,
  label,
  text,
  variant = "quiet",
}: {
  intent: string;
  id: string;
  label: string;
  text: string;
  variant?: "quiet" | "secondary";
}) {
  return (
    <Form method="post" className="inline-action">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Button variant={variant} aria-label={label}>
        {text}
      </Button>
    </Form>
  );
}

/** Up, down, archive or restore: the same four actions for modules and lessons. */
function RowActions({
  kind,
  id,
  title,
  archived,
  compact = false,
}: {
  kind: "Module" | "Lesson";
  id: string;
  title: string;
  archived: boolean;
  compact?: boolean;
}) {
  const t = useT();
  const named = { title };
  return (
    <>
      <ActionButton
        intent={`move${kind}:up`}
        id={id}
        label={t("editCourse.moveUpNamed", named)}
        text={compact ? "↑" : `↑ ${t("editCourse.moveUp")}`}
      />
      <ActionButton
        intent={`move${kind}:down`}
        id={id}
        label={t("editCourse.moveDownNamed", named)}
        text={compact ? "↓" : `↓ ${t("editCourse.moveDown")}`}
      />
      <ActionButton
        intent={`${archived ? "restore" : "archive"}${kind}`}
        id={id}
        label={t(archived ? "editCourse.restoreNamed" : "editCourse.archiveNamed", named)}
        text={t(archived ? "editCourse.restore" : "editCourse.archive")}
      />
    </>
  );
}

export function ModuleEditor({ module }: { module: ModuleRow }) {
  const t = useT();
  const renameForm = useFormFailure(`updateModule:${module.id}`);
  const lessonForm = useFormFailure(`addLesson:${module.id}`);
  return (
    <li className={`module-editor${module.archived ? " is-archived" : ""}`}>
      <details>
        <summary>
          <strong>{module.title}</strong>
          {module.archived ? ` (${t("editCourse.archived")})` : null}
        </summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value={`updateModule:${module.id}`} />
          <Field
            label={t("editCourse.moduleTitle")}
            name="title"
            required
            maxLength={160}
            defaultValue={renameForm.value("title") ?? module.title}
            errors={renameForm.fieldErrors("title")}
          />
          <Field
            label={t("editCourse.moduleSummary")}
            name="summary"
            maxLength={600}
            defaultValue={renameForm.value("summary") ?? module.summary}
          />
          <Button variant="secondary">{t("editCourse.saveModule")}</Button>
        </Form>
      </details>
      <div className="row-actions">
        <RowActions kind="Module" id={module.id} title={module.title} archived={module.archived} />
      </div>
      <ol className="lesson-editor-list">
        {module.lessons.map((lesson) => {
          const lessonNamed = { title: lesson.title };
          return (
            <li key={lesson.id} className={lesson.archived ? "is-archived" : undefined}>
              <Link to={`/edit/lessons/${lesson.id}`} aria-label={t("editCourse.editNamed", lessonNamed)}>
                {lesson.title}
              </Link>
              <span className="lesson-meta">
                {t("courses.minutes", { minutes: lesson.minutes })}
                {lesson.archived
                  ? ` · ${t("editCourse.archived")}`
                  : !lesson.published
                    ? ` · ${t("editCourse.unpublished")}`
                    : lesson.unpublishedChanges
                      ? ` · ${t("editCourse.changes")}`
                      : null}
              </span>
              <div className="row-actions">
                <RowActions kind="Lesson" id={lesson.id} title={lesson.title} archived={lesson.archived} compact />
              </div>
            </li>
          );
        })}
      </ol>
      {module.quizId ? (
        <p>
          <Link to={`/edit/quizzes/${module.quizId}`}>{t("editCourse.editQuiz")}</Link>
        </p>
      ) : module.archived ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value={`addQuiz:${module.id}`} />
          <Button variant="secondary">{t("editCourse.addQuiz")}</Button>
        </Form>
      )}
      {module.archived ? null : (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value={`addLesson:${module.id}`} />
          <Field
            label={t("editCourse.lessonTitle")}
            name="title"
            required
            maxLength={160}
            defaultValue={lessonForm.value("title")}
            errors={lessonForm.fieldErrors("title")}
          />
          <Field
            label={t("editCourse.lessonMinutes")}
            name="minutes"
            type="number"
            min={1}
            max={120}
            required
            defaultValue={lessonForm.value("minutes") ?? "10"}
            errors={lessonForm.fieldErrors("minutes")}
          />
          <Button variant="secondary">{t("editCourse.addLesson")}</Button>
        </Form>
      )}
    </li>
  );
}
