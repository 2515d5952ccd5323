import { Link } from "@remix-run/react";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import { type ClassViewFilter, filterQuery, isFiltered } from "#app/modules/assignments/class-view-query.ts";
import type { ClassMatrix as Matrix } from "#app/modules/assignments/class-view.server.ts";
import { ClassMatrix } from "./class-matrix.tsx";

type Props = { schoolId: string; schoolClass: Matrix; canManage: boolean; filter: ClassViewFilter };

/** One class: who is in it, how far behind, the download, and the students × assignments table. */
export function ClassSection({ schoolId, schoolClass, canManage, filter }: Props) {
  const t = useT();
  const tc = useTCount();
  const { name } = schoolClass;
  const assignHref = `/orgs/${schoolId}/assignments/new?class=${schoolClass.id}`;
  const csvHref = `/orgs/${schoolId}/classes/${schoolClass.id}.csv${filterQuery(filter)}`;
  const facts = [
    schoolClass.occupationName,
    t("classes.meta.year", { year: schoolClass.trainingYear }),
    // "24 Schüler/innen aus 3 Betrieben"
    [
      tc("classes.meta.students", schoolClass.studentCount),
      schoolClass.companyCount > 0 ? tc("classes.meta.companies", schoolClass.companyCount) : "",
    ]
      .join(" ")
      .trim(),
  ].filter(Boolean);
  return (
    <Section title={name} id={`class-${schoolClass.id}`}>
      <p className="muted">{facts.join(" · ")}</p>
      {schoolClass.assignmentCount > 0 && schoolClass.studentCount > 0 ? (
        <p className={schoolClass.studentsBehind > 0 ? "class-summary class-summary-behind" : "class-summary"}>
          {schoolClass.studentsBehind > 0
            ? t("classes.summary.behind", { behind: schoolClass.studentsBehind, total: schoolClass.studentCount })
            : t("classes.summary.onTrack")}
        </p>
      ) : null}
      <div className="class-actions">
        {schoolClass.studentCount > 0 ? (
          // A download, not a page: the browser fetches it directly.
          <a className="button button-secondary" href={csvHref} download aria-label={t("classes.csvNamed", { name })}>
            {t("classes.csv")}
          </a>
        ) : null}
        {canManage && schoolClass.assignmentCount > 0 ? (
          <ButtonLink variant="secondary" to={assignHref} aria-label={t("classes.assignNamed", { name })}>
            {t("classes.assign")}
          </ButtonLink>
        ) : null}
      </div>
      <ClassBody schoolId={schoolId} schoolClass={schoolClass} canManage={canManage} filter={filter} />
    </Section>
  );
}

function ClassBody({ schoolId, schoolClass, canManage, filter }: Props) {
  const t = useT();
  if (schoolClass.studentCount === 0) return <EmptyState>{t("classes.noStudents")}</EmptyState>;
  if (schoolClass.assignmentCount === 0) {
    // The empty state carries the next step itself (the action row leaves it out); the students
    // are listed all the same, so a teacher sees who has joined before the first task.
    return (
      <>
        {canManage ? (
          <EmptyState
            action={
              <ButtonLink to={`/orgs/${schoolId}/assignments/new?class=${schoolClass.id}`}>
                {t("classes.noAssignmentsAction")}
              </ButtonLink>
            }
          >
            {t("classes.noAssignments")}
          </EmptyState>
        ) : (
          <EmptyState>{t("classes.noAssignmentsReadOnly")}</EmptyState>
        )}
        <ClassMatrix schoolId={schoolId} schoolClass={schoolClass} canManage={canManage} />
      </>
    );
  }
  if (schoolClass.students.length === 0 && isFiltered(filter)) {
    const reset = `/orgs/${schoolId}/classes${filter.class ? `?class=${filter.class}` : ""}`;
    return <EmptyState action={<Link to={reset}>{t("classes.filter.reset")}</Link>}>{t("classes.noMatch")}</EmptyState>;
  }
  return <ClassMatrix schoolId={schoolId} schoolClass={schoolClass} canManage={canManage} />;
}
