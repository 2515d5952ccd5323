// Lesson progress of the large data set: each apprentice works through the library courses of
// their trade (and some of related trades) in order, as far as their year and engagement carry
// them, over the past 26 weeks; a few stopped weeks ago.
import type { Database } from "#db/client.server.ts";
import { lessonProgress } from "#db/schema/index.ts";
import type { LibraryCourse } from "./seed-library.ts";
import type { Rng } from "./seed-names.ts";
import type { Apprentice } from "./seed-people.ts";
import { dayMs, duringWork, insertAll } from "./seed-util.ts";

export type ModuleProgress = { done: number; total: number; lastAt: Date | null };
/** apprentice id → module id → how far they are. */
export type Progress = Map<string, Map<string, ModuleProgress>>;

// Trades that read another trade's course too: roofers and carpenters work with wood, heating
// and car mechatronics need electrical basics.
const related: Record<string, string[]> = {
  zimmerer: ["tischler"],
  dachdecker: ["tischler"],
  "anlagenmechaniker-shk": ["elektroniker"],
  "kfz-mechatroniker": ["elektroniker"],
};
const yearFactor = [0, 1, 1.25, 1.45];

/** How far into a course an apprentice reads at most: 1 = own trade or everyone's, else less. */
function interest(course: LibraryCourse, occupation: string): number {
  if (course.occupations.includes("all") || course.occupations.includes(occupation)) return 1;
  // Other trades' courses: read a little out of curiosity, or because a colleague recommended them.
  return (related[occupation] ?? []).some((code) => course.occupations.includes(code)) ? 0.6 : 0.15;
}

/** The apprentice's active weeks: since their start (at most 26 weeks back) until recently. */
function activeWindow(rng: Rng, now: Date, apprentice: Apprentice): [number, number] {
  const from = Math.max(now.getTime() - 182 * dayMs, Date.parse(apprentice.startsOn) + 7 * dayMs);
  const quietDays = apprentice.engagement < 0.3 ? rng.int(21, 90) : rng.int(0, 6);
  const to = Math.max(from + 7 * dayMs, now.getTime() - quietDays * dayMs);
  return [from, Math.min(to, now.getTime())];
}

export async function seedProgress(
  db: Database,
  rng: Rng,
  now: Date,
  apprentices: Apprentice[],
  library: LibraryCourse[],
): Promise<Progress> {
  const rows: (typeof lessonProgress.$inferInsert)[] = [];
  const progress: Progress = new Map();
  for (const apprentice of apprentices) {
    const [from, to] = activeWindow(rng, now, apprentice);
    const modules = new Map<string, ModuleProgress>();
    progress.set(apprentice.id, modules);
    for (const course of library) {
      const share = interest(course, apprentice.occupation);
      const all = course.modules.flatMap((m) => m.lessons.map((lessonId) => ({ moduleId: m.id, lessonId })));
      for (const m of course.modules) modules.set(m.id, { done: 0, total: m.lessons.length, lastAt: null });
      if (share === 0) continue;
      const reach = apprentice.engagement * (yearFactor[apprentice.year] ?? 1) * share * (0.75 + rng.next() * 0.5);
      const read = all.slice(0, Math.round(Math.min(1, reach) * all.length)).filter(() => !rng.chance(0.04));
      const times = read.map(() => from + rng.next() * (to - from)).sort((a, b) => a - b);
      read.forEach(({ moduleId, lessonId }, i) => {
        let at = duringWork(new Date(times[i] ?? to), rng.next());
        if (at > now) at = new Date(now.getTime() - rng.int(1, 120) * 60_000);
        rows.push({ userId: apprentice.id, lessonId, completedAt: at });
        const entry = modules.get(moduleId);
        if (entry) {
          entry.done++;
          if (!entry.lastAt || at > entry.lastAt) entry.lastAt = at;
        }
      });
    }
  }
  await insertAll(db, lessonProgress, rows);
  return progress;
}
