/**
 * The Länder by their ISO 3166-2:DE code (without "DE-"), as organisations store them (the
 * database's check constraint lists the same). In the order of their German names, for selects.
 */
export const GERMAN_STATES = [
  "BW",
  "BY",
  "BE",
  "BB",
  "HB",
  "HH",
  "HE",
  "MV",
  "NI",
  "NW",
  "RP",
  "SL",
  "SN",
  "ST",
  "SH",
  "TH",
] as const;
export type GermanState = (typeof GERMAN_STATES)[number];

/** Werkbank's home region: new organisations start in Sachsen-Anhalt (the column's default too). */
export const DEFAULT_STATE: GermanState = "ST";
