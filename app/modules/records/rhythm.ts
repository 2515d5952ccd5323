/**
 * How the training contract has the Ausbildungsnachweis kept: one sheet a week either way, its
 * lines for the whole week or per day (the column apprenticeships.record_rhythm). Its own file, so
 * that forms can offer it without loading zod or the record's server code.
 */
export const RECORD_RHYTHMS = ["weekly", "daily"] as const;
export type RecordRhythm = (typeof RECORD_RHYTHMS)[number];
