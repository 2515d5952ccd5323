import { type ApprovedWeekNow, type ChainLink, checkChain } from "./chain.server.ts";
import type { RecordJson, RecordJsonApproval, RecordJsonWeek } from "./record-json-schema.ts";

/** An approved week to take in, with the approval it holds now (its seal). */
export type ImportWeek = { week: RecordJsonWeek; seal: RecordJsonApproval };

export type ImportPlan =
  | { ok: true; weeks: ImportWeek[]; leftOut: number }
  | { ok: false; reason: "chainBroken" | "leftOutApproval" | "noApprovedWeeks"; weekStart?: string };

/** The approval a week holds now: its last one (by time, then position), as verifyRecords takes it. */
function sealOf(approvals: readonly RecordJsonApproval[]): RecordJsonApproval | undefined {
  return [...approvals].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.chainPosition - b.chainPosition)).at(-1);
}

const earliest = (weekStarts: string[]) => [...weekStarts].sort()[0];

/**
 * What an import of this record would take in, decided before anything is written:
 * - every chain in the file must verify (each link hashes its snapshot and the link before it,
 *   each approved week holds what its last approval sealed, each approval seals the week that
 *   holds it), else the first week that fails is named;
 * - only approved weeks are taken in. A week that was approved, reopened and not approved again
 *   stays behind, and with it its approvals; a chain may end without them but not skip them, so
 *   such a week before an approved one of the same chain refuses the import (named).
 */
export function planRecordImport(record: RecordJson): ImportPlan {
  const failures: string[] = [];
  const chains = new Map<string, { links: ChainLink[]; weeks: ApprovedWeekNow[] }>();
  const chain = (chainId: string) => {
    let found = chains.get(chainId);
    if (!found) {
      found = { links: [], weeks: [] };
      chains.set(chainId, found);
    }
    return found;
  };
  for (const week of record.weeks) {
    for (const approval of week.approvals) {
      if (approval.snapshot.weekStart !== week.weekStart) failures.push(week.weekStart);
      chain(approval.chainId).links.push({ ...approval, weekStart: week.weekStart });
    }
  }
  const weeks: ImportWeek[] = [];
  for (const week of record.weeks) {
    if (week.status !== "approved") continue;
    const seal = sealOf(week.approvals);
    if (!seal) {
      failures.push(week.weekStart);
      continue;
    }
    chain(seal.chainId).weeks.push({ weekStart: week.weekStart, content: week.content, contentHash: seal.contentHash });
    weeks.push({ week, seal });
  }
  for (const { links, weeks: approvedNow } of chains.values()) {
    const result = checkChain(links, approvedNow);
    if (!result.ok) failures.push(result.weekStart);
  }
  if (failures.length > 0) return { ok: false, reason: "chainBroken", weekStart: earliest(failures) };
  if (weeks.length === 0) return { ok: false, reason: "noApprovedWeeks" };

  const taken = new Set(weeks.map(({ week }) => week.weekStart));
  const skipped: string[] = [];
  for (const { links } of chains.values()) {
    const lastTaken = Math.max(0, ...links.filter((l) => taken.has(l.weekStart)).map((l) => l.chainPosition));
    for (const link of links)
      if (!taken.has(link.weekStart) && link.chainPosition < lastTaken) skipped.push(link.weekStart);
  }
  if (skipped.length > 0) return { ok: false, reason: "leftOutApproval", weekStart: earliest(skipped) };
  return { ok: true, weeks, leftOut: record.weeks.length - weeks.length };
}
