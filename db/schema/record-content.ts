// The shape of a record week's content: plain types and lists, no database code, so that the
// browser bundle can use them too.

/** Where an apprentice was on a day, or why not (chamber practice: place of learning, absences). */
export const RECORD_PLACES = ["company", "school", "ulu", "centre", "vacation", "sick", "holiday", "absent"] as const;
export type RecordPlace = (typeof RECORD_PLACES)[number];

/** The three parts of a sheet (BIBB HA recommendation 156). */
export const RECORD_SECTIONS = ["company", "instruction", "school"] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/** One day of a week: Monday (0) to Saturday (5). Hours in quarter hours, as typed. */
export type RecordDay = { place: RecordPlace | null; hours: number | null; note: string };
/** One line of a section. `day` is set in the daily mode; `source` names a proposal it came from. */
export type RecordLine = {
  section: RecordSection;
  text: string;
  hours: number | null;
  day: number | null;
  source: string | null;
};
/** A week's content, as the apprentice wrote it: six days and the lines of the three sections. */
export type RecordContent = { days: RecordDay[]; lines: RecordLine[] };

/** The header of an imported week, as the other Werkbank had it. */
export type RecordOrigin = { companyName: string; occupationName: string; sheetNumber: number; importedAt: string };
