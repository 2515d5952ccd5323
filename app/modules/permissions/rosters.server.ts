import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * Who belongs to a company's team — once, as an SQL condition over a person's id, so the
 * dashboard, the home page, the assignment form and the recipient check count the same people (a
 * person with two apprenticeships at one company is one team member).
 */
export const teamRoster = {
  /** The person is an apprentice of the company (or training centre): a member in that role. */
  where(companyId: string | SQLWrapper, person: SQLWrapper): SQL {
    return sql`exists (select 1 from memberships tm where tm.user_id = ${person}
      and tm.organization_id = ${companyId} and tm.role = 'apprentice')`;
  },
};
