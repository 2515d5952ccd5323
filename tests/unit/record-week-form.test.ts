import { describe, expect, test } from "vitest";
import type { RecordDay } from "#app/modules/records/types.ts";
import { readWeekForm } from "#app/modules/records/week-form.ts";

const LESSON_ID = "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

function day(place: RecordDay["place"], hours: number | null = null, note = ""): RecordDay {
  return { place, hours, note };
}

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}
function lineFields(lines: { section?: string; text: string; hours?: string; day?: string; source?: string }[]) {
  return lines.flatMap((l): [string, string][] => [
    ["line.section", l.section ?? "company"],
    ["line.text", l.text],
    ["line.hours", l.hours ?? ""],
    ["line.day", l.day ?? ""],
    ["line.source", l.source ?? ""],
  ]);
}

describe("readWeekForm", () => {
  test("reads hours with a German decimal comma or a point", () => {
    const { content, errors } = readWeekForm(
      form([
        ["day0.place", "company"],
        ["day0.hours", "7,5"],
        ["day1.place", "school"],
        ["day1.hours", "6.25"],
        ["day2.place", "ulu"],
        ["day2.hours", " 8 "],
        ["day3.place", "sick"],
        ["day3.hours", ""],
        ["day4.place", "holiday"],
        ["day4.note", "  1. Weihnachtstag "],
      ]),
    );
    expect(errors).toEqual({});
    expect(content.days).toEqual([
      day("company", 7.5),
      day("school", 6.25),
      day("ulu", 8),
      day("sick"),
      day("holiday", null, "1. Weihnachtstag"),
      day(null),
    ]);
  });

  test.each(["7,3", "7.1", "abc", "25", "-1", "100", "1e1", "7,5,5"])(
    "refuses %j hours and keeps what was typed",
    (typed) => {
      const { content, typedHours, errors } = readWeekForm(
        form([
          ["day2.place", "company"],
          ["day2.hours", typed],
        ]),
      );
      expect(errors).toEqual({ "day2.hours": "errors.records.hours" });
      expect(typedHours).toEqual({ "day2.hours": typed });
      expect(content.days[2]).toEqual(day("company"));
    },
  );

  test.each([
    ["0", 0],
    ["0,25", 0.25],
    ["7,50", 7.5],
    ["7,75", 7.75],
    ["24", 24],
  ])("accepts %j as %d hours", (typed, hours) => {
    const { content, errors } = readWeekForm(form([["day0.hours", typed]]));
    expect(errors).toEqual({});
    expect(content.days[0]?.hours).toBe(hours);
  });

  test("drops empty lines and numbers the errors by the lines that stay", () => {
    const { content, typedHours, errors } = readWeekForm(
      form(
        lineFields([
          { text: "", hours: "3" },
          { text: "  Tür   einpassen ", hours: "2,5", day: "1" },
          { text: "   ", hours: "x" },
          { section: "school", text: "Holzschutz", hours: "1,1" },
        ]),
      ),
    );
    expect(content.lines).toEqual([
      { section: "company", text: "Tür einpassen", hours: 2.5, day: 1, source: null },
      { section: "school", text: "Holzschutz", hours: null, day: null, source: null },
    ]);
    expect(errors).toEqual({ "line1.hours": "errors.records.lineHours" });
    expect(typedHours).toEqual({ "line1.hours": "1,1" });
  });

  test("a line may hold a week's hours (up to 168), a day no more than 24", () => {
    const { content, errors } = readWeekForm(
      form(
        Object.entries({
          "day0.hours": "31,5",
          "line.section": "company",
          "line.text": "Werkstatt",
          "line.hours": "31,5",
        }),
      ),
    );
    expect(content.lines[0]?.hours).toBe(31.5);
    expect(errors).toEqual({ "day0.hours": "errors.records.hours" });
    const tooMany = Object.entries({ "line.section": "company", "line.text": "Werkstatt", "line.hours": "168,25" });
    expect(readWeekForm(form(tooMany)).errors).toEqual({
      "line0.hours": "errors.records.lineHours",
    });
  });

  test("unknown places, sections, days and sources fall back to nothing", () => {
    const { content, errors } = readWeekForm(
      form([
        ["day0.place", "beach"],
        ...lineFields([
          { section: "holidays", text: "Eins", day: "6", source: "evil:1" },
          { section: "instruction", text: "Zwei", day: "x", source: `lesson:${LESSON_ID}` },
          { section: "school", text: "Drei", day: "-1", source: `lesson:${LESSON_ID}x` },
        ]),
      ]),
    );
    expect(errors).toEqual({});
    expect(content.days[0]?.place).toBeNull();
    expect(content.lines).toEqual([
      { section: "company", text: "Eins", hours: null, day: null, source: null },
      { section: "instruction", text: "Zwei", hours: null, day: null, source: `lesson:${LESSON_ID}` },
      { section: "school", text: "Drei", hours: null, day: null, source: null },
    ]);
  });

  test("a line over 300 characters is an error, and the text stays to be shortened", () => {
    const long = "a".repeat(301);
    const { content, errors } = readWeekForm(form(lineFields([{ text: "kurz" }, { text: long }])));
    expect(errors).toEqual({ "line1.text": "errors.records.lineTooLong" });
    expect(content.lines[1]?.text).toBe(long);
    expect(readWeekForm(form(lineFields([{ text: "a".repeat(300) }]))).errors).toEqual({});
  });

  test("a note over 200 characters is an error", () => {
    expect(readWeekForm(form([["day1.note", "n".repeat(201)]])).errors).toEqual({
      "day1.note": "errors.records.noteTooLong",
    });
  });

  test("more than 40 lines in one section is an error, 40 are fine", () => {
    const many = (n: number, section: string) => Array.from({ length: n }, (_, i) => ({ section, text: `Zeile ${i}` }));
    expect(readWeekForm(form(lineFields([...many(40, "company"), ...many(40, "school")]))).errors).toEqual({});
    expect(readWeekForm(form(lineFields(many(41, "instruction")))).errors).toEqual({
      lines: "errors.records.tooManyLines",
    });
  });
});
