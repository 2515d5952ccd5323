import { z } from "zod";
import { isCalendarDate } from "#app/modules/shared/typed-date.ts";
import { LINE_MAX, LINES_MAX, MAX_HOURS_PER_DAY, NOTE_MAX } from "./content.ts";
import { RECORD_PLACES, RECORD_SECTIONS } from "./types.ts";
import { DAYS_PER_SHEET, isMonday } from "./week-dates.ts";

// The file an apprentice takes along when changing company: the whole record with its approval
// chain. The export writes this shape and the import reads it with the same schema. The parts an
// approval hashes (content, snapshot) are strict objects without transforms, so what zod hands
// back is exactly what was hashed; the other parts ignore fields a later version may add.

export const RECORD_JSON_FORMAT = "werkbank-berichtsheft";
export const RECORD_JSON_VERSION = 1;
/** Three years of full weeks fit many times over; a larger file is refused before it is parsed. */
export const RECORD_JSON_MAX_BYTES = 5 * 1024 * 1024;

/** `\u0000` and lone surrogates: PostgreSQL refuses them in text and jsonb (a 500 otherwise). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (value: string) => !value.includes("\u0000") && !LONE_SURROGATE.test(value);
const text = (max: number) => z.string().max(max).refine(storable);
const name = text(300);

/** Years the record can plausibly hold (PostgreSQL has no year 0; a typo year 9999 is no record). */
const inRange = (iso: string) => iso.slice(0, 4) >= "1990" && iso.slice(0, 4) <= "2100";
const day = z.string().refine((value) => isCalendarDate(value) && inRange(value));
const monday = z.string().refine((value) => isMonday(value) && inRange(value));
const timestamp = z.iso.datetime({ offset: true }).refine((value) => {
  // zod runs this check after a failed format check too: never trust `value` to be a date here.
  const time = Date.parse(value);
  return Number.isFinite(time) && inRange(new Date(time).toISOString());
});
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

// Bounds wide enough for any sheet the week form or a later one stores: a day's hours, and a
// line's hours up to a whole week (a weekly line may sum up the week).
const hours = (max: number) => z.number().min(0).max(max).nullable();
const recordDaySchema = z.strictObject({
  place: z.enum(RECORD_PLACES).nullable(),
  hours: hours(MAX_HOURS_PER_DAY),
  note: text(NOTE_MAX * 2),
});
const recordLineSchema = z.strictObject({
  section: z.enum(RECORD_SECTIONS),
  text: text(LINE_MAX * 2),
  hours: hours(MAX_HOURS_PER_DAY * 7),
  day: z
    .int()
    .min(0)
    .max(DAYS_PER_SHEET - 1)
    .nullable(),
  source: text(100).nullable(),
});
/** A week's content (RecordContent), as the week form stores it. */
export const recordContentSchema = z.strictObject({
  days: z.array(recordDaySchema).length(DAYS_PER_SHEET),
  lines: z.array(recordLineSchema).max(LINES_MAX * RECORD_SECTIONS.length),
});

/** What an approval sealed (ApprovalSnapshot in chain.server.ts). */
export const approvalSnapshotSchema = z.strictObject({
  version: z.literal(1),
  chainId: z.uuid(),
  weekStart: monday,
  sheetNumber: z.int().min(-1000).max(1000),
  apprenticeName: name,
  occupationName: name,
  companyName: name,
  content: recordContentSchema,
  submittedAt: timestamp,
  approvedAt: timestamp,
  approverName: name,
});

/** One link of a chain: an approval as the week's history keeps it. */
const approvalSchema = z.object({
  chainId: z.uuid(),
  chainPosition: z.int().min(1).max(100_000),
  previousHash: sha256.nullable(),
  contentHash: sha256,
  snapshot: approvalSnapshotSchema,
  at: timestamp,
  actorName: name,
});

/** The rest of a week's history; a return or reopen always has its reason (as the database asks). */
const historySchema = z
  .object({
    action: z.enum(["submitted", "returned", "reopened"]),
    at: timestamp,
    actorName: name,
    comment: text(4000).nullable(),
  })
  .refine((event) => event.action === "submitted" || (event.comment ?? "").trim() !== "");

const originSchema = z.object({
  companyName: name,
  occupationName: name,
  sheetNumber: z.int().min(-1000).max(1000),
  importedAt: timestamp,
});

const weekSchema = z.object({
  weekStart: monday,
  sheetNumber: z.int().min(-1000).max(1000),
  status: z.enum(["draft", "submitted", "approved"]),
  content: recordContentSchema,
  submittedAt: timestamp.nullable(),
  /** Set for a week this record itself took in from an earlier company. */
  origin: originSchema.nullable().optional(),
  /** Oldest first. */
  approvals: z.array(approvalSchema).max(200),
  /** Everything but the approvals, oldest first. */
  history: z.array(historySchema).max(1000),
});

/** The chain check at export time, per chain: for the reader; the import checks again itself. */
const chainResultSchema = z.object({
  chainId: z.string().max(100),
  ok: z.boolean(),
  approvals: z.int().min(0),
  weekStart: day.optional(),
  reason: z.string().max(40).optional(),
});

export const recordJsonSchema = z.object({
  format: z.literal(RECORD_JSON_FORMAT),
  version: z.literal(RECORD_JSON_VERSION),
  exportedAt: timestamp,
  apprentice: z.object({ name }),
  apprenticeship: z.object({
    id: z.uuid(),
    occupationName: name,
    companyName: name,
    startsOn: day,
    lastDay: day,
  }),
  weeks: z
    .array(weekSchema)
    .max(1000)
    .refine((weeks) => new Set(weeks.map((week) => week.weekStart)).size === weeks.length),
  chains: z.array(chainResultSchema).max(1000),
});

export type RecordJson = z.infer<typeof recordJsonSchema>;
export type RecordJsonWeek = RecordJson["weeks"][number];
export type RecordJsonApproval = RecordJsonWeek["approvals"][number];

/** Just enough to tell a record of another version from something else. */
export const recordJsonHeaderSchema = z.object({ format: z.literal(RECORD_JSON_FORMAT), version: z.number() });
