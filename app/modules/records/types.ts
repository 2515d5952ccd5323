// The record's types without the database schema's runtime: safe for client bundles.
export type {
  RecordContent,
  RecordDay,
  RecordLine,
  RecordOrigin,
  RecordPlace,
  RecordSection,
} from "#db/schema/record-content.ts";
export { RECORD_PLACES, RECORD_SECTIONS } from "#db/schema/record-content.ts";
export type RecordWeekStatus = "draft" | "submitted" | "approved";
