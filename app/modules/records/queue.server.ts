import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "#db/rows.server.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { recordRule } from "#app/modules/permissions/record-access.server.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { weekKey } from "./week-dates.ts";

const contract = { apprenticeId: sql`ap.apprentice_id`, companyId: sql`ap.company_id` };

export type WaitingWeek = {
  apprenticeshipId: string;
  apprenticeName: string;
  companyName: string;
  weekStart: string;
  week: string;
  submittedAt: string;
};

type WaitingRow = Omit<WaitingWeek, "week">;

/** Weeks waiting for this trainer's approval, oldest week first, per apprentice by name. */
function waitingQuery(ctx: Ctx, extra: SQL = sql`true`, limit = 200): SQL {
  return sql`select w.apprenticeship_id as "apprenticeshipId", u.name as "apprenticeName", org.name as "companyName",
      w.week_start::text as "weekStart", w.submitted_at::text as "submittedAt"
    from record_weeks w
    join apprenticeships ap on ap.id = w.apprenticeship_id
    join users u on u.id = ap.apprentice_id
    join organizations org on org.id = ap.company_id
    where w.status = 'submitted' and ${recordRule.review(ctx.actor, contract)} and ${extra}
    order by w.week_start, u.name, w.apprenticeship_id
    limit ${limit}`;
}

/** The approval queue ("Berichtshefte prüfen"): every waiting week the trainer may approve. */
export async function approvalQueue(ctx: Ctx): Promise<WaitingWeek[]> {
  const rows = await selectRows<WaitingRow>(ctx.db, waitingQuery(ctx));
  return rows.map((row) => ({ ...row, week: weekKey(row.weekStart) }));
}

/** The waiting week to go on to after this one: "Freigeben und weiter" in one tap. */
export async function nextWaitingWeek(
  ctx: Ctx,
  input: { after: { apprenticeshipId: string; monday: string } },
): Promise<WaitingWeek | null> {
  const [row] = await selectRows<WaitingRow>(
    ctx.db,
    waitingQuery(
      ctx,
      sql`not (w.apprenticeship_id = ${input.after.apprenticeshipId} and w.week_start = ${input.after.monday})`,
      1,
    ),
  );
  return row ? { ...row, week: weekKey(row.weekStart) } : null;
}

export type RecordCounts = {
  apprenticeshipId: string;
  apprenticeId: string;
  /** The Monday of the apprenticeship's first week, and its last day. */
  firstMonday: string;
  endsOn: string;
  waiting: number;
  /** Drafts a trainer sent back with a comment. */
  returned: number;
  missing: number;
};

/**
 * Per apprenticeship the actor follows as a company (or, with `own`, their own): weeks waiting
 * for approval, weeks returned, and weeks missing (ended weeks since the start without a submitted or approved sheet
 * that were not returned: the same three states the record page lists). One statement,
 * whatever the number of apprentices and weeks: the due weeks are counted by arithmetic, the
 * stored ones by the (apprenticeship, week) index.
 */
export async function recordCounts(
  ctx: Ctx,
  scope: { companyId?: string; apprenticeIds?: readonly string[]; own?: boolean } = {},
): Promise<RecordCounts[]> {
  const today = todayInGermany(ctx.now);
  const ids = scope.apprenticeIds;
  const company = scope.companyId === undefined ? sql`true` : sql`ap.company_id = ${scope.companyId}`;
  const people =
    ids === undefined
      ? sql`true`
      : ids.length === 0
        ? sql`false`
        : sql`ap.apprentice_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`;
  const only = sql`${company} and ${people}`;
  return selectRows<RecordCounts>(
    ctx.db,
    sql`with due as (
      select ap.id, ap.apprentice_id,
        date_trunc('week', ap.starts_on)::date as first_monday,
        coalesce(ap.actual_end_on, ap.planned_end_on) as ends_on,
        least(coalesce(ap.actual_end_on, ap.planned_end_on), ${today}::date - 7) as last_day
      from apprenticeships ap
      where ${scope.own ? recordRule.ownWritable(ctx.actor, contract) : recordRule.company(ctx.actor, contract)} and ${only}
    )
    select due.id as "apprenticeshipId", due.apprentice_id as "apprenticeId", due.first_monday::text as "firstMonday", due.ends_on::text as "endsOn",
      (select count(*)::int from record_weeks w where w.apprenticeship_id = due.id and w.status = 'submitted') as waiting,
      (select count(*)::int from record_weeks w where w.apprenticeship_id = due.id and w.status = 'draft'
        and w.return_comment is not null) as returned,
      greatest(0, case when due.last_day < due.first_monday then 0
        else ((due.last_day - due.first_monday) / 7 + 1) end
        - (select count(*)::int from record_weeks w where w.apprenticeship_id = due.id
            and (w.status <> 'draft' or w.return_comment is not null)
            and w.week_start between due.first_monday and due.last_day))::int as missing
    from due`,
  );
}
