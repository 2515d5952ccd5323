import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { selectRows } from "#db/rows.server.ts";
import type { RecordContent } from "./types.ts";
import { type ChainCheck, type ChainLink, checkChain } from "./chain.server.ts";

type LinkRow = ChainLink & { apprenticeshipId: string; chainId: string };
type WeekRow = {
  apprenticeshipId: string;
  weekStart: string;
  content: RecordContent;
  contentHash: string | null;
  chainId: string | null;
};

export type RecordVerification = { apprenticeshipId: string; chainId: string; result: ChainCheck };

/**
 * Checks the approval chains of some apprenticeships (or all): two reads, then pure hashing.
 * An approved week belongs to the chain of its last approval; a week approved without any
 * approval in the history fails as "changed".
 */
export async function verifyRecords(
  db: Database,
  apprenticeshipIds?: readonly string[],
): Promise<RecordVerification[]> {
  const scope =
    apprenticeshipIds === undefined
      ? sql`true`
      : apprenticeshipIds.length === 0
        ? sql`false`
        : sql`w.apprenticeship_id in (${sql.join(
            apprenticeshipIds.map((id) => sql`${id}`),
            sql`, `,
          )})`;
  const [links, weeks, unsealed] = await Promise.all([
    selectRows<LinkRow>(
      db,
      sql`select w.apprenticeship_id as "apprenticeshipId", e.chain_id as "chainId", w.week_start::text as "weekStart",
          e.chain_position as "chainPosition", e.previous_hash as "previousHash", e.content_hash as "contentHash", e.snapshot
        from record_events e join record_weeks w on w.id = e.week_id
        where e.action = 'approved' and ${scope}
        order by e.chain_id, e.chain_position`,
    ),
    selectRows<WeekRow>(
      db,
      sql`select w.apprenticeship_id as "apprenticeshipId", w.week_start::text as "weekStart", w.content, w.content_hash as "contentHash",
          (select e.chain_id from record_events e where e.week_id = w.id and e.action = 'approved'
            order by e.at desc, e.chain_position desc limit 1) as "chainId"
        from record_weeks w
        where w.status = 'approved' and ${scope}`,
    ),
    // Approved once, not approved now, and no reopening (with its reason) since: only a change
    // that went around the app and the trigger leaves a week like this.
    selectRows<{ apprenticeshipId: string; weekStart: string }>(
      db,
      sql`select w.apprenticeship_id as "apprenticeshipId", w.week_start::text as "weekStart"
        from record_weeks w
        where w.status <> 'approved' and ${scope}
          and exists (select 1 from record_events e where e.week_id = w.id and e.action = 'approved')
          and not exists (select 1 from record_events r where r.week_id = w.id and r.action = 'reopened'
            and r.at >= (select max(e.at) from record_events e where e.week_id = w.id and e.action = 'approved'))`,
    ),
  ]);
  const chains = new Map<string, { apprenticeshipId: string; links: ChainLink[]; weeks: WeekRow[] }>();
  const chainOf = (apprenticeshipId: string, chainId: string) => {
    let chain = chains.get(chainId);
    if (!chain) {
      chain = { apprenticeshipId, links: [], weeks: [] };
      chains.set(chainId, chain);
    }
    return chain;
  };
  for (const link of links) chainOf(link.apprenticeshipId, link.chainId).links.push(link);
  // A week approved with no approval on record: its own (empty) chain, which fails.
  for (const week of weeks)
    chainOf(week.apprenticeshipId, week.chainId ?? `missing:${week.apprenticeshipId}`).weeks.push(week);
  const results: RecordVerification[] = [...chains.entries()].map(([chainId, chain]) => ({
    apprenticeshipId: chain.apprenticeshipId,
    chainId,
    result: checkChain(chain.links, chain.weeks),
  }));
  for (const week of unsealed) {
    results.push({
      apprenticeshipId: week.apprenticeshipId,
      chainId: `unsealed:${week.apprenticeshipId}:${week.weekStart}`,
      result: { ok: false, approvals: 0, weekStart: week.weekStart, reason: "unsealed" },
    });
  }
  return results;
}

/** The first failing chain of one apprenticeship's record, or null if all verify. */
export async function firstBrokenWeek(db: Database, apprenticeshipId: string) {
  const results = await verifyRecords(db, [apprenticeshipId]);
  const failures = results.flatMap((r) => (r.result.ok ? [] : [r.result]));
  failures.sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
  return { approvals: results.reduce((n, r) => n + r.result.approvals, 0), broken: failures[0] ?? null };
}
