import type { RecordLine, RecordPlace, RecordSection, RecordWeekStatus } from "./types.ts";

/**
 * One week as it is shown, printed and exported: the header and the content with everything
 * derived (dates, totals). Built by `sheet-view.server.ts`; the PDF and the JSON export read this.
 */
export type RecordSheet = {
  apprenticeName: string;
  occupationName: string;
  companyName: string;
  /** Ausbildungsjahr in this week (1 to 4). */
  trainingYear: number;
  sheetNumber: number;
  /** "2026-W49" and the ISO year/week. */
  weekKey: string;
  isoYear: number;
  isoWeek: number;
  /** Monday and Saturday of the week (ISO dates). */
  weekStart: string;
  weekEnd: string;
  rhythm: "weekly" | "daily";
  status: RecordWeekStatus;
  days: { date: string; place: RecordPlace | null; hours: number | null; note: string }[];
  lines: RecordLine[];
  totals: { perDay: number[]; week: number; perSection: Record<RecordSection, number> };
  /** When the apprentice last submitted (ISO timestamp), or null. */
  submittedAt: string | null;
  approval: { at: string; byName: string; hash: string } | null;
  /** Set for a week imported from another Werkbank. */
  importedFrom: string | null;
};
