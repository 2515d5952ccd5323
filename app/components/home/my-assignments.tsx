import { Link } from "@remix-run/react";
import { StatusBadge } from "#app/components/assignments/status-badge.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import type { MyAssignment } from "#app/modules/assignments/my-assignments.server.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";

/** "Meine Aufgaben": what to do by when, overdue first; finished work folded away below. */
export function MyAssignments({ assignments }: { assignments: MyAssignment[] }) {
  const t = useT();
  const tc = useTCount();
  const open = assignments.filter((a) => a.status !== "done");
  const done = assignments.filter((a) => a.status === "done");
  return (
    <Section title={t("home.assignments.title")} id="assignments">
      {open.length === 0 ? (
        <EmptyState>{t(done.length > 0 ? "home.assignments.allDone" : "home.assignments.none")}</EmptyState>
      ) : (
        <ol className="assignment-list">
          {open.map((assignment) => (
            <AssignmentItem key={assignment.id} assignment={assignment} />
          ))}
        </ol>
      )}
      {done.length > 0 ? (
        <details className="disclosure">
          <summary>{tc("home.assignments.doneCount", done.length)}</summary>
          <ol className="assignment-list">
            {done.map((assignment) => (
              <AssignmentItem key={assignment.id} assignment={assignment} />
            ))}
          </ol>
        </details>
      ) : null}
    </Section>
  );
}

function DueText({ assignment }: { assignment: MyAssignment }) {
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  const date = formatDate(locale, assignment.dueOn);
  if (assignment.status === "done" && assignment.completedAt)
    return <>{t("home.assignments.completedOn", { date: formatDate(locale, assignment.completedAt) })}</>;
  if (assignment.daysLeft < 0) return <>{tc("home.assignments.overdueDays", -assignment.daysLeft)}</>;
  if (assignment.daysLeft === 0) return <>{t("home.assignments.dueToday")}</>;
  if (assignment.daysLeft === 1) return <>{t("home.assignments.dueTomorrow")}</>;
  return <>{t("home.assignments.dueOn", { date, days: assignment.daysLeft })}</>;
}

function AssignmentItem({ assignment }: { assignment: MyAssignment }) {
  const t = useT();
  const locale = useLocale();
  const headingId = `assignment-${assignment.id}`;
  return (
    <li className={`assignment assignment-${assignment.status}`} aria-labelledby={headingId}>
      <div className="assignment-head">
        <h3 id={headingId}>
          <Link to={assignment.href}>{assignment.title}</Link>
        </h3>
        <StatusBadge status={assignment.status} />
      </div>
      <p className="muted">
        {t(`assignment.kind.${assignment.kind}`)}
        {assignment.kind !== "course" ? ` · ${assignment.courseTitle}` : ""}
        {" · "}
        <DueText assignment={assignment} />
      </p>
      {assignment.note ? (
        <blockquote className="assignment-note">
          <p>{assignment.note}</p>
          {assignment.givenBy ? <footer>{assignment.givenBy}</footer> : null}
        </blockquote>
      ) : null}
      <p>
        {t("assignments.itemsDone", { done: assignment.itemsDone, total: assignment.itemsTotal })}
        {assignment.scorePercent !== null
          ? ` · ${t("assignments.score", { percent: formatNumber(locale, assignment.scorePercent, 0) })}`
          : ""}
        {assignment.pendingGrading ? ` · ${t("assignment.status.pendingGrading")}` : ""}
        {assignment.minutesNeeded > 0
          ? ` · ${t("home.assignments.minutesLeft", { minutes: assignment.minutesNeeded })}`
          : ""}
      </p>
      {assignment.next ? (
        <ButtonLink to={assignment.next.href} variant={assignment.status === "overdue" ? "primary" : "secondary"}>
          {t(
            // Library quiz titles already start with "Quiz:".
            assignment.next.kind === "lesson" || /^quiz\b/i.test(assignment.next.title)
              ? "home.assignments.nextLesson"
              : "home.assignments.nextQuiz",
            { title: assignment.next.title },
          )}
        </ButtonLink>
      ) : null}
    </li>
  );
}
