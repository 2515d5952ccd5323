import { eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import { apprenticeships, occupations, users } from "#db/schema/index.ts";
import { loadActor } from "#app/modules/auth/actor.server.ts";
import type { Actor } from "#app/modules/context.server.ts";
import { loadRecordContract } from "#app/modules/records/contract.server.ts";
import { reviewWeek } from "#app/modules/records/review-week.server.ts";
import { freshContent, saveWeek } from "#app/modules/records/save-week.server.ts";
import { demoAccounts } from "./demo-accounts.ts";
import { type DemoProfile, planDemoRecord } from "./demo-record-plan.ts";
import { type TradeLines, tischlerLines } from "./demo-record-lines.ts";
import type { OccupationCode } from "./occupations.ts";

const tradeLines: Partial<Record<OccupationCode, TradeLines>> = { tischler: tischlerLines };

/** Lena (second year) and Jonas (first year), each with their own leave, ÜLU and sick day. */
const profiles: Record<string, DemoProfile> = {
  [demoAccounts.apprentice]: {
    seed: "lena",
    vacationFrom: ["07-13", "07-20"],
    uluFromSheet: [12, 60],
    sickFromSheet: 29,
    sickDay: 2,
    missingAt: 0.5,
    returnFor: "school",
  },
  "jonas.becker@example.com": {
    seed: "jonas",
    vacationFrom: ["10-19"],
    uluFromSheet: [11],
    sickFromSheet: 7,
    sickDay: 0,
    missingAt: 0.4,
    returnFor: "day",
  },
};

/**
 * The demo's Berichtshefte, written through the record's own functions: the apprentice saves
 * and submits each week at a time that fits it, the trainer approves (or returns) it the next
 * workday, so the approvals form a real hash chain. Needs the demo's people and contracts.
 */
export async function seedDemoRecords(db: Database, now: Date): Promise<void> {
  const rows = await db
    .select({ apprenticeshipId: apprenticeships.id, userId: users.id, email: users.email, code: occupations.code })
    .from(apprenticeships)
    .innerJoin(users, eq(users.id, apprenticeships.apprenticeId))
    .innerJoin(occupations, eq(occupations.id, apprenticeships.occupationId))
    .where(inArray(users.email, Object.keys(profiles)));
  const [trainerRow] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts.trainer));
  const trainer = trainerRow && (await loadActor(db, trainerRow.id));
  if (!trainer) return;
  for (const row of rows) {
    const profile = profiles[row.email];
    const trade = tradeLines[row.code as OccupationCode];
    const apprentice = await loadActor(db, row.userId);
    if (!profile || !trade || !apprentice) continue;
    await writeRecord(db, { apprenticeshipId: row.apprenticeshipId, apprentice, trainer, profile, trade, now });
  }
}

async function writeRecord(
  db: Database,
  input: {
    apprenticeshipId: string;
    apprentice: Actor;
    trainer: Actor;
    profile: DemoProfile;
    trade: TradeLines;
    now: Date;
  },
): Promise<void> {
  const { apprenticeshipId } = input;
  const { contract } = await loadRecordContract(db, input.apprentice, apprenticeshipId);
  const { weeks } = planDemoRecord({
    profile: input.profile,
    trade: input.trade,
    startsOn: contract.startsOn,
    lastDay: contract.lastDay,
    now: input.now,
    fresh: (monday) => freshContent(contract, monday),
  });
  for (const week of weeks) {
    const saved = await saveWeek(
      { db, actor: input.apprentice, now: week.savedAt },
      {
        apprenticeshipId,
        monday: week.monday,
        revision: 0,
        content: week.content,
        accept: [],
        dismiss: [],
        submit: week.state !== "draft",
      },
    );
    if (!saved.ok) throw new Error(`demo record ${week.monday}: ${saved.reason}`);
    if (!week.reviewedAt) continue;
    const reviewed = await reviewWeek(
      { db, actor: input.trainer, now: week.reviewedAt },
      {
        apprenticeshipId,
        monday: week.monday,
        revision: saved.revision,
        action: week.state === "approved" ? "approve" : "return",
        comment: week.comment ?? "",
      },
    );
    if (!reviewed.ok) throw new Error(`demo record ${week.monday}: ${reviewed.reason}`);
  }
}
