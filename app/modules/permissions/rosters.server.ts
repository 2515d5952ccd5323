import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** One organisation (an id or an SQL expression) or a list of ids. */
type Organizations = string | SQLWrapper | readonly string[];

function matches(column: SQL, organizations: Organizations): SQL {
  if (typeof organizations === "string" || !Array.isArray(organizations)) return sql`${column} = ${organizations}`;
  if (organizations.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    organizations.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/**
 * Who belongs to a company's team — once, as an SQL condition over a person's id, so the
 * dashboard, the home page, the assignment form, the recipient check and the grading rule count
 * the same people (a person with two apprenticeships at one company is one team member).
 */
export const teamRoster = {
  /** The person is an apprentice of the company (or training centre): an active member in that role. */
  where(companies: Organizations, person: SQLWrapper): SQL {
    return sql`exists (select 1 from memberships tm where tm.user_id = ${person}
      and ${matches(sql`tm.organization_id`, companies)} and tm.role = 'apprentice' and tm.deactivated_at is null)`;
  },
};

/**
 * Who belongs to a school's classes — the students a school's staff follow and grade, and the
 * people a class assignment may reach. Enrolment decides, not membership.
 */
export const classRoster = {
  /** The person is enrolled in a class of the school (or training centre). */
  where(schools: Organizations, person: SQLWrapper): SQL {
    return sql`exists (select 1 from class_enrollments ce join school_classes sc on sc.id = ce.class_id
      where ce.apprentice_id = ${person} and ${matches(sql`sc.school_id`, schools)})`;
  },
  /** The person is enrolled in this class of this school (a class of another school is no class). */
  inClass(schoolId: string, classId: string, person: SQLWrapper): SQL {
    return sql`exists (select 1 from class_enrollments ce join school_classes sc on sc.id = ce.class_id
      where ce.apprentice_id = ${person} and ce.class_id = ${classId} and sc.school_id = ${schoolId})`;
  },
};
