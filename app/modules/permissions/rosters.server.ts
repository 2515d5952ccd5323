import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * Who belongs to a company's team and to a school's classes — each once, as an SQL condition over
 * a person's id, so the dashboard, the home page, the assignment form and the recipient check
 * count the same people (a person with two apprenticeships at one company is one team member).
 */
export const teamRoster = {
  /** The person is an apprentice of the company (or training centre): a member in that role. */
  where(companyId: string, person: SQLWrapper): SQL {
    return sql`exists (select 1 from memberships tm where tm.user_id = ${person}
      and tm.organization_id = ${companyId} and tm.role = 'apprentice')`;
  },
};

export const classRoster = {
  /** The person is enrolled in a class of the school (`classId`: in that class only). */
  where(schoolId: string, person: SQLWrapper, classId?: string): SQL {
    return sql`exists (select 1 from class_enrollments ce join school_classes sc on sc.id = ce.class_id
      where ce.apprentice_id = ${person} and sc.school_id = ${schoolId}
      ${classId === undefined ? sql`` : sql`and sc.id = ${classId}`})`;
  },
};
