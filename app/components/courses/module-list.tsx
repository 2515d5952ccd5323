import { Link } from "@remix-run/react";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { formatNumber } from "#app/utils/format.ts";
import { ProgressMeter } from "./progress-meter.tsx";

type ModuleEntry = {
  id: string;
  title: string;
  summary: string;
  percent: number;
  lessons: { id: string; title: string; minutes: number; done: boolean }[];
  quiz: { id: string; title: string; bestPercent: number | null; passed: boolean } | null;
};

export function ModuleList({ modules }: { modules: ModuleEntry[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="module-list">
      {modules.map((module) => (
        <li key={module.id}>
          <h3>{module.title}</h3>
          {module.summary ? <p>{module.summary}</p> : null}
          <ProgressMeter percent={module.percent} label={module.title} />
          <ol className="lesson-list">
            {module.lessons.map((lesson) => (
              <li key={lesson.id} className={lesson.done ? "is-done" : undefined}>
                <Link to={`/lessons/${lesson.id}`}>{lesson.title}</Link>
                <span className="lesson-meta">
                  {t("courses.minutes", { minutes: lesson.minutes })}
                  {lesson.done ? <span className="done-badge"> · ✓ {t("course.lessonDone")}</span> : null}
                </span>
              </li>
            ))}
            {module.quiz ? (
              <li className={module.quiz.passed ? "is-done quiz-entry" : "quiz-entry"}>
                <Link to={`/quizzes/${module.quiz.id}`}>{module.quiz.title}</Link>
                <span className="lesson-meta">
                  {t("course.quiz")}
                  {module.quiz.passed ? (
                    <span className="done-badge"> · ✓ {t("course.quizPassed")}</span>
                  ) : module.quiz.bestPercent !== null ? (
                    ` · ${t("course.quizBest", { percent: formatNumber(locale, module.quiz.bestPercent, 1) })}`
                  ) : null}
                </span>
              </li>
            ) : null}
          </ol>
        </li>
      ))}
    </ol>
  );
}
