import { createHash } from "node:crypto";
import type { RecordContent } from "./types.ts";

/**
 * What an approval seals: the sheet's header and content, when it was submitted and who
 * approved it when. Names rather than ids, so an imported record verifies in another Werkbank.
 */
export type ApprovalSnapshot = {
  version: 1;
  chainId: string;
  weekStart: string;
  sheetNumber: number;
  apprenticeName: string;
  occupationName: string;
  companyName: string;
  content: RecordContent;
  submittedAt: string;
  approvedAt: string;
  approverName: string;
};

/**
 * JSON with the keys of every object sorted and no whitespace, so the same content always gives
 * the same text, whatever order a driver or an import hands the keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 (hex) of the previous approval's hash (empty for the first) and the snapshot. */
export function approvalHash(previousHash: string | null, snapshot: unknown): string {
  return createHash("sha256")
    .update(`${previousHash ?? ""}\n${canonicalJson(snapshot)}`)
    .digest("hex");
}

/** One approval as the history keeps it. */
export type ChainLink = {
  weekStart: string;
  chainPosition: number;
  previousHash: string | null;
  contentHash: string;
  snapshot: unknown;
};

/** One approved week as it stands now, with the hash it carries. */
export type ApprovedWeekNow = { weekStart: string; content: RecordContent; contentHash: string | null };

export type ChainCheck =
  | { ok: true; approvals: number }
  | { ok: false; approvals: number; weekStart: string; reason: ChainFault };
export type ChainFault = "hashMismatch" | "brokenLink" | "contentChanged" | "gap" | "unsealed";

/**
 * Walks one chain in order: every link's hash must be the hash of its snapshot and the link
 * before it, and every approved week must still hold what its last approval sealed. Names the
 * first week that does not match.
 */
export function checkChain(links: ChainLink[], weeksNow: ApprovedWeekNow[]): ChainCheck {
  const sorted = [...links].sort((a, b) => a.chainPosition - b.chainPosition);
  const lastSeal = new Map<string, ChainLink>();
  let previous: ChainLink | null = null;
  for (const [index, link] of sorted.entries()) {
    const fail = (reason: ChainFault): ChainCheck => ({
      ok: false,
      approvals: sorted.length,
      weekStart: link.weekStart,
      reason,
    });
    if (link.chainPosition !== index + 1) return fail("gap");
    if ((link.previousHash ?? null) !== (previous?.contentHash ?? null)) return fail("brokenLink");
    if (approvalHash(link.previousHash, link.snapshot) !== link.contentHash) return fail("hashMismatch");
    lastSeal.set(link.weekStart, link);
    previous = link;
  }
  const changed = [...weeksNow]
    .sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1))
    .find((week) => {
      const seal = lastSeal.get(week.weekStart);
      const sealed = (seal?.snapshot as { content?: unknown } | undefined)?.content;
      return !seal || seal.contentHash !== week.contentHash || canonicalJson(sealed) !== canonicalJson(week.content);
    });
  if (changed) return { ok: false, approvals: sorted.length, weekStart: changed.weekStart, reason: "contentChanged" };
  return { ok: true, approvals: sorted.length };
}
