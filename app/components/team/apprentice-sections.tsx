import { useTrainingStage } from "#app/components/training/use-training-stage.ts";
import { Link } from "@remix-run/react";
import { StatusBadge } from "#app/components/assignments/status-badge.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import type { ApprenticeOverview } from "#app/modules/assignments/apprentice-overview.server.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";

type Props = { overview: ApprenticeOverview };

/** Company, occupation and training year; the school classes. */
export function ApprenticeTraining({ overview }: Props) {
  const t = useT();
  const stage = useTrainingStage();
  const { apprenticeships, classes } = overview;
  return (
    <Section title={t("team.apprentice.training")} id="apprentice-training">
      {apprenticeships.length === 0 && classes.length === 0 ? (
        <p className="muted">{t("team.apprentice.noTraining")}</p>
      ) : (
        <dl className="facts">
          {apprenticeships.map((a) => (
            <div key={a.companyId}>
              <dt>{t("home.training.company")}</dt>
              <dd>{[a.companyName, a.occupationName, stage(a)].filter(Boolean).join(" · ")}</dd>
            </div>
          ))}
          {classes.map((c) => (
            <div key={`${c.schoolId}:${c.className}`}>
              <dt>{t("home.training.school")}</dt>
              <dd>
                {[
                  t("team.apprentice.class", { className: c.className, school: c.schoolName }),
                  c.trainingYear ? t("home.training.yearValue", { year: c.trainingYear }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}

/** Their assignments, overdue first, with status, progress and result. */
export function ApprenticeAssignments({ overview }: Props) {
  const t = useT();
  const locale = useLocale();
  const { organization, apprentice, assignments } = overview;
  const assign = overview.canManageAssignments ? (
    <ButtonLink to={`/orgs/${organization.id}/assignments/new?apprentice=${apprentice.id}`}>
      {t("team.assign")}
    </ButtonLink>
  ) : null;
  return (
    <Section title={t("team.apprentice.assignments")} id="apprentice-assignments">
      {overview.assignmentScope === "school" ? <p className="muted">{t("team.apprentice.schoolOnly")}</p> : null}
      {assignments.length === 0 ? (
        <EmptyState action={assign}>{t("team.apprentice.noAssignments")}</EmptyState>
      ) : (
        <ul className="item-list">
          {assignments.map((a) => (
            <li key={a.id}>
              <div>
                <strong>{a.title}</strong>
                <span className="muted">
                  {[
                    t(`assignment.kind.${a.kind}`),
                    a.kind === "course" ? null : a.courseTitle,
                    t("team.apprentice.givenBy", { organization: a.organizationName }),
                    t("team.due", { date: formatDate(locale, a.dueOn) }),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <span className="team-assignment-progress">
                  <StatusBadge status={a.status} />{" "}
                  {t("team.apprentice.itemsDone", { done: a.itemsDone, total: a.itemsTotal })}
                  {a.scorePercent === null
                    ? null
                    : ` · ${t("team.apprentice.score", { value: formatNumber(locale, a.scorePercent, 0) })}`}
                  {a.pendingGrading ? ` · ${t("assignment.status.pendingGrading")}` : null}
                </span>
              </div>
              {a.canManage ? (
                <Link
                  to={`/orgs/${a.organizationId}/assignments/${a.id}`}
                  aria-label={t("team.apprentice.editNamed", { title: a.title })}
                >
                  {t("team.apprentice.edit")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Courses with lessons done of all lessons. */
export function ApprenticeCourses({ overview }: Props) {
  const t = useT();
  return (
    <Section title={t("team.apprentice.courses")} id="apprentice-courses">
      {overview.courses.length === 0 ? (
        <p className="muted">{t("team.apprentice.noCourses")}</p>
      ) : (
        <ul className="item-list">
          {overview.courses.map((course) => (
            <li key={course.id}>
              <div>
                <strong>
                  {course.canOpen ? <Link to={`/courses/${course.id}`}>{course.title}</Link> : course.title}
                </strong>
                <span className="muted">
                  {t("team.apprentice.lessonsDone", { done: course.lessonsDone, total: course.lessonsTotal })}
                </span>
              </div>
              <progress
                className="team-progress"
                max={100}
                value={course.percent}
                aria-label={t("team.apprentice.courseProgress", { title: course.title })}
              >
                {course.percent} %
              </progress>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Per quiz: best result, passed or not, attempts, waiting for a grade. */
export function ApprenticeQuizzes({ overview }: Props) {
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  return (
    <Section title={t("team.apprentice.quizzes")} id="apprentice-quizzes">
      {overview.quizzes.length === 0 ? (
        <p className="muted">{t("team.apprentice.noQuizzes")}</p>
      ) : (
        <ul className="item-list">
          {overview.quizzes.map((quiz) => (
            <li key={quiz.id}>
              <div>
                <strong>{quiz.title}</strong>
                <span className="muted">
                  {[quiz.courseTitle, tc("team.apprentice.attempts", quiz.attempts)].join(" · ")}
                </span>
                <span>
                  {[
                    quiz.bestPercent === null
                      ? t("team.apprentice.noResult")
                      : t("team.apprentice.best", { value: formatNumber(locale, quiz.bestPercent, 0) }),
                    quiz.pendingGrading ? t("assignment.status.pendingGrading") : null,
                    quiz.open ? t("team.apprentice.attemptRunning") : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </div>
              <span className={quiz.passed ? "status status-done" : "status status-open"}>
                {quiz.passed ? t("team.apprentice.passed") : t("team.apprentice.notPassed")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
