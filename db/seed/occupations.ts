/**
 * Ausbildungsberufe the platform knows from the start (reference data, on every database).
 * Durations are the regular ones of the training regulations (Ausbildungsordnungen).
 */
export const occupationList = [
  {
    code: "anlagenmechaniker-shk",
    name: "Anlagenmechaniker/-in für Sanitär-, Heizungs- und Klimatechnik",
    durationMonths: 42,
  },
  { code: "dachdecker", name: "Dachdecker/-in", durationMonths: 36 },
  { code: "elektroniker", name: "Elektroniker/-in (Energie- und Gebäudetechnik)", durationMonths: 42 },
  { code: "kfz-mechatroniker", name: "Kraftfahrzeugmechatroniker/-in", durationMonths: 42 },
  { code: "maler", name: "Maler/-in und Lackierer/-in", durationMonths: 36 },
  { code: "maurer", name: "Maurer/-in", durationMonths: 36 },
  { code: "tischler", name: "Tischler/-in", durationMonths: 36 },
  { code: "zimmerer", name: "Zimmerer/Zimmerin", durationMonths: 36 },
] as const;

export type OccupationCode = (typeof occupationList)[number]["code"];

/** The codes, for zod enums (catalogue filter). */
export const occupationCodes = occupationList.map((o) => o.code) as [OccupationCode, ...OccupationCode[]];

/** What a course may be "for": a trade, or "all" of them. */
export const courseOccupationCodes = ["all", ...occupationCodes] as ["all", ...OccupationCode[]];
