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
