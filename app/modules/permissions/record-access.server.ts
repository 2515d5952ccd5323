import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "#app/modules/context.server.ts";
import { organizationIdsWith } from "./permissions.ts";
import { classRoster } from "./rosters.server.ts";

function within(column: SQL, ids: string[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${column} in (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

/** Columns of an apprenticeship row in the query that asks. */
type Contract = { apprenticeId: SQL; companyId: SQL };

/**
 * Who may see and act on an apprenticeship's Berichtsheft, as SQL over that apprenticeship, so
 * the lists (queue, counts, team) and the week page ask the same question (DESIGN.md "Who sees
 * what"). Each part is a boolean expression:
 * - `own`: the apprentice: reads always (the record is theirs, also after a change of company);
 *   writes and submits the weeks of the apprenticeship (`ownWritable`; the weeks end with its
 *   last day, so nothing after a change of company lands with the old one).
 * - `company`: trainers and admins of the company that holds the apprenticeship — also after the
 *   apprentice left, for the weeks up to the last day (they must be approved by that company).
 * - `review`: the company's trainers (`records.review`), never for their own record, whatever
 *   roles they hold elsewhere.
 * - `school`: teachers and admins of a school where the apprentice is in a class: days and the
 *   school section only.
 */
export const recordRule = {
  own(actor: Actor, ap: Contract): SQL {
    return sql`(${ap.apprenticeId} = ${actor.id})`;
  },
  ownWritable(actor: Actor, ap: Contract): SQL {
    // Her own weeks up to the apprenticeship's last day, also after leaving: the record of that
    // apprenticeship must still be completed and submitted via the company (HwO § 36).
    return sql`(${ap.apprenticeId} = ${actor.id})`;
  },
  company(actor: Actor, ap: Contract): SQL {
    return within(ap.companyId, organizationIdsWith(actor, "team.view"));
  },
  review(actor: Actor, ap: Contract): SQL {
    const ids = organizationIdsWith(actor, "records.review");
    return sql`(${within(ap.companyId, ids)} and ${ap.apprenticeId} <> ${actor.id})`;
  },
  school(actor: Actor, ap: Contract): SQL {
    return classRoster.where(organizationIdsWith(actor, "classes.view"), ap.apprenticeId);
  },
};

/** What the actor may do with one record, as the SQL above answered it for that row. */
export type RecordAccess = { own: boolean; ownWritable: boolean; company: boolean; review: boolean; school: boolean };

/** The flags' SQL, to select beside an apprenticeship (`recordAccessFlags(actor, ap)` in a select list). */
export function recordAccessFlags(actor: Actor, ap: Contract): SQL {
  return sql`${recordRule.own(actor, ap)} as "own", ${recordRule.ownWritable(actor, ap)} as "ownWritable",
    ${recordRule.company(actor, ap)} as "company", ${recordRule.review(actor, ap)} as "review",
    ${recordRule.school(actor, ap)} as "school"`;
}

/** Whether the record can be opened at all. */
export function canOpenRecord(access: RecordAccess): boolean {
  return access.own || access.company || access.school;
}

/** Staff of a school see the days and the school section only, unless they see it as the company too. */
export function seesSchoolPartOnly(access: RecordAccess): boolean {
  return access.school && !access.own && !access.company;
}
