import { asc, eq } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { apprenticeships, recordEvents } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { type ReviewAction, reviewWeek } from "#app/modules/records/review-week.server.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import type { RecordContent } from "#app/modules/records/types.ts";
import { findWeek, type StoredWeek } from "#app/modules/records/week-row.server.ts";
import { ctxFor } from "./index.ts";
import { createWorld } from "./world.ts";

/** A Friday in week 49 of 2026: every record test runs on this day unless it says otherwise. */
export const RECORD_NOW = new Date("2026-12-04T10:00:00Z");

/** A plain week of a Tischler apprentice: four days in the company, one at school, lines in each section. */
export function filledWeek(companyLine = "Türrahmen gehobelt und eingepasst"): RecordContent {
  const at = (place: "company" | "school", hours: number) => ({ place, hours, note: "" });
  return {
    days: [
      at("company", 8),
      at("company", 8),
      at("school", 6),
      at("company", 8),
      at("company", 7.5),
      {
        place: null,
        hours: null,
        note: "",
      },
    ],
    lines: [
      { section: "company", text: companyLine, hours: 31.5, day: null, source: null },
      { section: "instruction", text: "Unterweisung an der Formatkreissäge", hours: 1, day: null, source: null },
      { section: "school", text: "Holzarten und ihre Eigenschaften", hours: 6, day: null, source: null },
    ],
  };
}

export async function apprenticeshipIdOf(db: Database, apprenticeId: string): Promise<string> {
  const [row] = await db
    .select({ id: apprenticeships.id })
    .from(apprenticeships)
    .where(eq(apprenticeships.apprenticeId, apprenticeId));
  if (!row) throw new Error("no apprenticeship");
  return row.id;
}

/** The test world (tests/factories/world.ts) with its apprentice's apprenticeship id and contexts at `now`. */
export async function recordWorld(db: Database, now = RECORD_NOW) {
  const w = await createWorld(db);
  const id = await apprenticeshipIdOf(db, w.people.apprentice.id);
  const as = (user: { id: string }, at = now) => ctxFor(db, user.id, at);
  return { w, id, as };
}

export async function storedWeek(db: Database, apprenticeshipId: string, monday: string): Promise<StoredWeek> {
  const week = await findWeek(db, apprenticeshipId, monday);
  if (!week) throw new Error(`no week ${monday}`);
  return week;
}

export async function eventsOf(db: Database, weekId: string) {
  return db
    .select()
    .from(recordEvents)
    .where(eq(recordEvents.weekId, weekId))
    .orderBy(asc(recordEvents.at), asc(recordEvents.chainPosition));
}

/** saveWeek's input for a plain save (or submit) of `filledWeek()`, taking no proposals. */
export function draftInput(apprenticeshipId: string, monday: string, revision: number, submit = false) {
  return { apprenticeshipId, monday, revision, content: filledWeek(), accept: [], dismiss: [], submit };
}

/** The apprentice saves and submits the week from its current revision. */
export async function submitWeek(ctx: Ctx, apprenticeshipId: string, monday: string, content = filledWeek()) {
  const revision = (await findWeek(ctx.db, apprenticeshipId, monday))?.revision ?? 0;
  const result = await saveWeek(ctx, {
    apprenticeshipId,
    monday,
    revision,
    content,
    accept: [],
    dismiss: [],
    submit: true,
  });
  if (!result.ok) throw new Error(`submit failed: ${result.reason}`);
  return result;
}

/** A trainer acts on the week as it stands now (the revision they would have read). */
export async function reviewCurrent(
  ctx: Ctx,
  apprenticeshipId: string,
  monday: string,
  action: ReviewAction,
  comment = "",
) {
  const week = await storedWeek(ctx.db, apprenticeshipId, monday);
  return reviewWeek(ctx, { apprenticeshipId, monday, revision: week.revision, action, comment });
}
