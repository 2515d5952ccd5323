import { describe, expect, test } from "vitest";
import { lintMarkdown, markdownToDocument } from "#app/modules/library/markdown.server.ts";
import { htmlDepth, jsonDepth, jsonTooDeep, markdownDepth, markupTooDeep } from "#app/modules/rich-text/nesting.ts";
import { isCalendarDate, trainingDate, typedDate } from "#app/modules/shared/typed-date.ts";
import {
  hasControlCharacters,
  jsonHasControlCharacters,
  stripControlCharacters,
  stripControlCharactersDeep,
  userLine,
  userText,
} from "#app/modules/shared/user-text.ts";
import { regularEnd } from "#app/modules/training/training-year.ts";

const errors = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("user text", () => {
  test("a line refuses every control character; a text allows tab and line breaks only", () => {
    for (const c of ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f", "\t", "\n", "\r"]) {
      expect(hasControlCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
    for (const c of ["\t", "\n", "\r"]) expect(hasControlCharacters(`a${c}b`, true)).toBe(false);
    for (const c of ["\u0000", "\u000b", "\u000c", "\u007f", "\u0085"])
      expect(hasControlCharacters(`a${c}b`, true)).toBe(true);
    expect(hasControlCharacters("Grüße, Maß und „Zitat“ – ok ✓")).toBe(false);
  });

  test("userLine and userText give the shared field error, besides their own messages", () => {
    const line = userLine({ max: 5, required: "leer", tooLong: "lang" });
    expect(line.safeParse("  Holz ").data).toBe("Holz");
    expect(errors(line.safeParse("Ho\u0000lz"))).toEqual(["errors.text.controlCharacters"]);
    expect(errors(line.safeParse("Zeile\n2"))).toContain("errors.text.controlCharacters");
    expect(errors(line.safeParse(""))).toEqual(["leer"]);
    expect(errors(line.safeParse(undefined))).toEqual(["leer"]);
    expect(errors(line.safeParse("zu lang"))).toEqual(["lang"]);
    const text = userText({ max: 50, tooLong: "lang", controlCharacters: "Steuerzeichen" });
    expect(text.safeParse("Zeile 1\r\n\tZeile 2").success).toBe(true);
    expect(text.safeParse("").success).toBe(true);
    expect(errors(text.safeParse("a\u0000"))).toEqual(["Steuerzeichen"]);
  });

  test("strip helpers keep tab and line breaks and reach every string of a JSON value", () => {
    expect(stripControlCharacters("a\u0000b\u0007\tc\r\n")).toBe("ab\tc\r\n");
    const dirty = { "k\u0000": ["x\u0000", { y: "z\u0001" }, 1, null, true] };
    expect(stripControlCharactersDeep(dirty)).toEqual({ k: ["x", { y: "z" }, 1, null, true] });
    expect(jsonHasControlCharacters(dirty)).toBe(true);
    expect(jsonHasControlCharacters({ text: "a\n\tb", n: [1, { m: "ok" }] })).toBe(false);
  });
});

describe("nesting limits", () => {
  test("JSON depth is counted without parsing, brackets in strings do not count", () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonDepth('{"a":"\\"[["}')).toBe(1);
    expect(jsonTooDeep("[".repeat(100_000))).toBe(true);
    expect(jsonTooDeep('{"type":"doc","content":[{"type":"paragraph"}]}')).toBe(false);
  });

  test("Markdown depth counts quotes, list markers with their indentation, and brackets", () => {
    expect(markdownDepth("Ein Absatz.\n\n> Zitat\n> > im Zitat")).toBe(2);
    expect(markdownDepth("- a\n  - b\n    - c")).toBe(3);
    expect(markdownDepth("        eingerückt, aber keine Liste")).toBe(0);
    expect(markdownDepth(`${"> ".repeat(20_000)}x`)).toBe(20_000);
    expect(markdownDepth(`${"[".repeat(50)}x`)).toBe(50);
  });

  test("HTML depth counts elements that nest, not void or self-closing ones", () => {
    expect(htmlDepth("<p>a<br>b<img src=x></p><p>c")).toBe(0);
    expect(htmlDepth("<ul><li><ul><li>x</li></ul></li></ul>")).toBe(2);
    expect(htmlDepth("<blockquote>".repeat(30_000))).toBe(30_000);
  });

  test("Markdown too deep is a lint problem and no document, before the reader recurses", () => {
    const deep = `${"> ".repeat(20_000)}x`;
    expect(markupTooDeep(deep)).toBe(true);
    expect(markupTooDeep("<div>".repeat(30_000))).toBe(true);
    expect(lintMarkdown(deep).problems[0]?.message).toMatch(/verschachtelt/);
    expect(markdownToDocument(deep)).toBeNull();
    expect(markdownToDocument("> > Zitat im Zitat")).not.toBeNull();
  });
});

describe("typed dates", () => {
  test("only real days in YYYY-MM-DD are dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("0050-01-01")).toBe(true);
    expect(isCalendarDate("2026-1-1")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
  });

  test("typedDate refuses implausible days with the range error", () => {
    const date = typedDate({ min: "2000-01-01", max: "2030-12-31", invalid: "kein Datum" });
    expect(date.safeParse("2026-08-01").success).toBe(true);
    expect(errors(date.safeParse("9999-12-01"))).toEqual(["errors.date.outOfRange"]);
    expect(errors(date.safeParse("0000-01-01"))).toEqual(["errors.date.outOfRange"]);
    expect(errors(date.safeParse("2026-02-30"))).toEqual(["kein Datum"]);
    expect(errors(date.safeParse("morgen"))).toEqual(["kein Datum"]);
    expect(errors(trainingDate().safeParse("1989-12-31"))).toEqual(["errors.date.outOfRange"]);
    expect(trainingDate().safeParse("2100-12-31").success).toBe(true);
  });

  test("the regular end of an apprenticeship stays in its century", () => {
    expect(regularEnd("2026-08-01", 36)).toBe("2029-07-31");
    expect(regularEnd("0001-01-01", 36)).toBe("0003-12-31");
    expect(regularEnd("0050-03-01", 12)).toBe("0051-02-28");
  });
});
