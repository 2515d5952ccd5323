import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { canOpenRecord, type RecordAccess, recordAccessFlags } from "#app/modules/permissions/record-access.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import type { GermanState } from "./holidays.ts";

/** An apprenticeship as its record needs it: the sheet's header and the dates that bound it. */
export type RecordContract = {
  id: string;
  apprenticeId: string;
  apprenticeName: string;
  companyId: string;
  companyName: string;
  companyState: GermanState;
  occupationName: string;
  startsOn: string;
  /** The actual end if set, else the planned end. */
  lastDay: string;
  birthDate: string | null;
  rhythm: "weekly" | "daily";
};

type Row = RecordContract & RecordAccess;

/**
 * Loads an apprenticeship with what the actor may do with its record, decided by the one rule
 * (permissions/record-access.server.ts) in the same statement. Outsiders get "not found".
 */
export async function loadRecordContract(
  db: Database,
  actor: Actor,
  apprenticeshipId: string,
): Promise<{ contract: RecordContract; access: RecordAccess }> {
  const ap = { apprenticeId: sql`ap.apprentice_id`, companyId: sql`ap.company_id` };
  const [row] = await selectRows<Row>(
    db,
    sql`select ap.id, ap.apprentice_id as "apprenticeId", u.name as "apprenticeName", ap.company_id as "companyId",
      org.name as "companyName", org.state as "companyState", occ.name as "occupationName",
      ap.starts_on::text as "startsOn", coalesce(ap.actual_end_on, ap.planned_end_on)::text as "lastDay",
      ap.birth_date::text as "birthDate", ap.record_rhythm as "rhythm", ${recordAccessFlags(actor, ap)}
    from apprenticeships ap
    join users u on u.id = ap.apprentice_id
    join organizations org on org.id = ap.company_id
    join occupations occ on occ.id = ap.occupation_id
    where ap.id = ${apprenticeshipId}`,
  );
  if (!row) throw new NotFoundError("record");
  const { own, ownWritable, company, review, school, ...contract } = row;
  const access = { own, ownWritable, company, review, school };
  if (!canOpenRecord(access)) throw new NotFoundError("record");
  return { contract, access };
}
