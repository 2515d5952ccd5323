import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  type ApprovedWeekNow,
  approvalHash,
  type ChainLink,
  canonicalJson,
  checkChain,
} from "#app/modules/records/chain.server.ts";
import type { RecordContent, RecordLine } from "#app/modules/records/types.ts";

describe("canonicalJson and approvalHash", () => {
  test("sorts keys at every depth, keeps array order, drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 2, x: 1 }], c: null, u: undefined } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":1,"y":2}]},"b":1}',
    );
    expect(canonicalJson([3, 1, 2])).toBe("[3,1,2]");
    expect(canonicalJson("Emre Yılmaz")).toBe('"Emre Yılmaz"');
  });

  test("the same content in any key order gives the same hash", () => {
    const a = { weekStart: "2026-11-30", content: { days: [], lines: [{ text: "Hobeln", hours: 2 }] } };
    const b = { content: { lines: [{ hours: 2, text: "Hobeln" }], days: [] }, weekStart: "2026-11-30" };
    expect(approvalHash(null, a)).toBe(approvalHash(null, b));
    expect(approvalHash("abc", a)).toBe(approvalHash("abc", b));
  });

  test("is SHA-256 over the previous hash, a newline and the canonical JSON (what an import must recompute)", () => {
    const snapshot = { z: 1, a: "ß" };
    const expected = (text: string) => createHash("sha256").update(text).digest("hex");
    expect(approvalHash(null, snapshot)).toBe(expected('\n{"a":"ß","z":1}'));
    expect(approvalHash("ff00", snapshot)).toBe(expected('ff00\n{"a":"ß","z":1}'));
    expect(approvalHash(null, snapshot)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("a different previous hash or content gives a different hash", () => {
    const snapshot = { content: { lines: [{ text: "Hobeln" }] } };
    const base = approvalHash(null, snapshot);
    expect(approvalHash("00", snapshot)).not.toBe(base);
    expect(approvalHash(null, { content: { lines: [{ text: "Hobeln." }] } })).not.toBe(base);
  });
});

describe("checkChain", () => {
  const mondays = ["2026-11-02", "2026-11-09", "2026-11-16"];
  function contentOf(text: string): RecordContent {
    const workLine: RecordLine = { section: "company", text, hours: 8, day: null, source: null };
    return { days: [{ place: "company", hours: 8, note: "" }], lines: [workLine] };
  }
  /** A valid chain sealing one week after the other; `sealed` as [week, text] in approval order. */
  function chain(sealed: [string, string][] = mondays.map((m) => [m, `Arbeit ${m}`])) {
    const links: ChainLink[] = [];
    for (const [index, [weekStart, text]] of sealed.entries()) {
      const previousHash = links[index - 1]?.contentHash ?? null;
      const snapshot = { version: 1, weekStart, content: contentOf(text), approverName: "Thomas Meister" };
      links.push({
        weekStart,
        chainPosition: index + 1,
        previousHash,
        contentHash: approvalHash(previousHash, snapshot),
        snapshot,
      });
    }
    const now = new Map<string, ApprovedWeekNow>();
    for (const [index, [weekStart, text]] of sealed.entries()) {
      now.set(weekStart, { weekStart, content: contentOf(text), contentHash: links[index]?.contentHash ?? null });
    }
    return { links, weeks: [...now.values()] };
  }
  const at = <T>(list: T[], index: number): T => {
    const item = list[index];
    if (!item) throw new Error(`no item ${index}`);
    return item;
  };

  test("a valid chain verifies, in whatever order its links are read", () => {
    const { links, weeks } = chain();
    expect(checkChain(links, weeks)).toEqual({ ok: true, approvals: 3 });
    expect(checkChain([...links].reverse(), [...weeks].reverse())).toEqual({ ok: true, approvals: 3 });
    expect(checkChain([], [])).toEqual({ ok: true, approvals: 0 });
  });

  test("a changed snapshot is a hash mismatch at that week", () => {
    const { links, weeks } = chain();
    const tampered = links.map((link, i) =>
      i === 1 ? { ...link, snapshot: { ...(link.snapshot as object), content: contentOf("geändert") } } : link,
    );
    expect(checkChain(tampered, weeks)).toEqual({
      ok: false,
      approvals: 3,
      weekStart: "2026-11-09",
      reason: "hashMismatch",
    });
  });

  test("a link that does not point to the one before is a broken link, even with a matching hash", () => {
    const { links, weeks } = chain();
    const third = at(links, 2);
    const forged = { ...third, previousHash: "0".repeat(64) };
    forged.contentHash = approvalHash(forged.previousHash, forged.snapshot);
    const result = checkChain(
      [at(links, 0), at(links, 1), forged],
      [at(weeks, 0), at(weeks, 1), { ...at(weeks, 2), contentHash: forged.contentHash }],
    );
    expect(result).toEqual({ ok: false, approvals: 3, weekStart: "2026-11-16", reason: "brokenLink" });
    // The first link must point to nothing.
    const first = { ...at(links, 0), previousHash: at(links, 2).contentHash };
    expect(checkChain([first, at(links, 1), at(links, 2)], weeks)).toMatchObject({
      ok: false,
      weekStart: "2026-11-02",
      reason: "brokenLink",
    });
  });

  test("a week whose content changed after approval is named, the earliest one first", () => {
    const { links, weeks } = chain();
    const changed = weeks.map((week, i) => (i >= 1 ? { ...week, content: contentOf("nachträglich") } : week));
    expect(checkChain(links, [...changed].reverse())).toEqual({
      ok: false,
      approvals: 3,
      weekStart: "2026-11-09",
      reason: "contentChanged",
    });
  });

  test("key order in the stored content does not count as a change", () => {
    const { links, weeks } = chain();
    const reordered = weeks.map((week) => ({
      ...week,
      content: {
        lines: week.content.lines.map((l) => ({
          source: l.source,
          day: l.day,
          hours: l.hours,
          text: l.text,
          section: l.section,
        })),
        days: week.content.days,
      },
    }));
    expect(checkChain(links, reordered)).toEqual({ ok: true, approvals: 3 });
  });

  test("a week carrying another hash than its seal, or approved without any seal, counts as changed", () => {
    const { links, weeks } = chain();
    expect(
      checkChain(
        links,
        weeks.map((w, i) => (i === 2 ? { ...w, contentHash: "f".repeat(64) } : w)),
      ),
    ).toMatchObject({
      ok: false,
      weekStart: "2026-11-16",
      reason: "contentChanged",
    });
    const unsealed = { weekStart: "2026-11-23", content: contentOf("nie freigegeben"), contentHash: "a".repeat(64) };
    expect(checkChain(links, [...weeks, unsealed])).toMatchObject({
      ok: false,
      weekStart: "2026-11-23",
      reason: "contentChanged",
    });
  });

  test("a missing position is a gap at the link after it", () => {
    const { links, weeks } = chain();
    expect(checkChain([at(links, 0), at(links, 2)], [at(weeks, 0), at(weeks, 2)])).toEqual({
      ok: false,
      approvals: 2,
      weekStart: "2026-11-16",
      reason: "gap",
    });
  });

  test("a week reopened and approved again must match its last approval", () => {
    const { links, weeks } = chain([
      ["2026-11-02", "erste Fassung"],
      ["2026-11-09", "Arbeit"],
      ["2026-11-02", "korrigiert"],
    ]);
    expect(weeks.find((w) => w.weekStart === "2026-11-02")?.content).toEqual(contentOf("korrigiert"));
    expect(checkChain(links, weeks)).toEqual({ ok: true, approvals: 3 });
    // Going back to the first approved text is a change too.
    const reverted = weeks.map((w) =>
      w.weekStart === "2026-11-02" ? { ...w, content: contentOf("erste Fassung") } : w,
    );
    expect(checkChain(links, reverted)).toMatchObject({ ok: false, weekStart: "2026-11-02", reason: "contentChanged" });
  });
});
