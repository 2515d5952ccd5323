import { OverdueNote } from "#app/components/assignments/overdue-note.tsx";
import { Link } from "@remix-run/react";
import { EmptyState, Section } from "#app/components/ui/page.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";

type School = HomeData["classes"][number];

/** The teacher's "Meine Klassen": each class with its students and where they train. */
export function MyClasses({ school }: { school: School }) {
  const t = useT();
  const tc = useTCount();
  return (
    <Section
      title={t("home.classes.title", { organization: school.organizationName })}
      id={`classes-${school.organizationId}`}
    >
      {school.classes.length > 0 ? (
        <OverdueNote overdue={school.overdue} to={`/orgs/${school.organizationId}/classes?class=all&status=behind`} />
      ) : null}
      {school.classes.length === 0 ? (
        <EmptyState>{t("home.classes.empty")}</EmptyState>
      ) : (
        school.classes.map((c) => (
          <details key={c.id} className="disclosure">
            <summary>
              <strong>{c.name}</strong>{" "}
              <span className="muted">
                {[
                  c.occupationName,
                  t("home.training.yearValue", { year: c.trainingYear }),
                  `${tc("home.classes.students", c.students.length)} ${tc("home.classes.companies", c.companyCount)}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </summary>
            {c.students.length === 0 ? (
              <p className="muted">{t("home.classes.noStudents")}</p>
            ) : (
              <ul className="item-list">
                {c.students.map((s) => (
                  <li key={s.userId}>
                    <strong>{s.name}</strong>
                    <span className="muted">{s.companyName ?? t("home.classes.noCompany")}</span>
                  </li>
                ))}
              </ul>
            )}
          </details>
        ))
      )}
      {school.classes.length > 0 ? (
        <p className="next-step">
          <Link
            to={`/orgs/${school.organizationId}/classes`}
            aria-label={t("classes.home.openNamed", { organization: school.organizationName })}
          >
            {t("classes.home.open")}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
