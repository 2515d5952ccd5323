import { describe, expect, test } from "vitest";
import { de } from "#app/i18n/de.ts";
import { deStaff } from "#app/i18n/de-staff.ts";
import { en } from "#app/i18n/en.ts";
import { enStaff } from "#app/i18n/en-staff.ts";
import { translate, translateCount } from "#app/i18n/translate.ts";
import { formatDate } from "#app/utils/format.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  test("English uses the same placeholders as German for every key", () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
    }
    for (const key of Object.keys(deStaff) as (keyof typeof deStaff)[]) {
      expect(placeholders(enStaff[key]), key).toEqual(placeholders(deStaff[key]));
    }
  });

  test("a key lives in one part only, and staff texts are found once the server registered them", () => {
    expect(Object.keys(de).filter((key) => Object.hasOwn(deStaff, key))).toEqual([]);
    expect(translate("de", "grading.title")).toBe(deStaff["grading.title"]);
    expect(translate("en", "grading.title")).toBe(enStaff["grading.title"]);
  });

  test("fills placeholders and falls back to a readable message for unknown keys", () => {
    expect(translate("de", "home.greeting", { name: "Lena" })).toBe("Hallo, Lena!");
    expect(translate("en", "home.greeting", { name: "Lena" })).toBe("Hello, Lena!");
    expect(translate("de", "no.such.key")).toBe(de["errors.unknown"]);
  });
});

describe("translateCount", () => {
  test("uses the singular for one and the plural otherwise, with German number formatting", () => {
    expect(translateCount("de", "home.classes.companies", 1)).toBe("aus 1 Betrieb");
    expect(translateCount("de", "home.classes.companies", 2)).toBe("aus 2 Betrieben");
    expect(translateCount("de", "home.classes.students", 1200)).toBe("1.200 Schüler/innen");
    expect(translateCount("en", "home.classes.students", 1)).toBe("1 student");
  });
});

describe("formatDate", () => {
  test("writes German dates as DD.MM.YYYY", () => {
    expect(formatDate("de", "2026-08-01")).toBe("01.08.2026");
    expect(formatDate("de", new Date("2026-11-27T23:30:00Z"))).toBe("28.11.2026");
  });
});
