/**
 * The status of one apprentice's assignment is derived, never typed by hand: done once the work
 * is complete (stored as `completedAt` by the progress events), overdue after the due date,
 * in progress once something of it is done or a quiz attempt exists, else open.
 */
export const assignmentStatuses = ["overdue", "open", "inProgress", "done"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export function deriveStatus(
  progress: { completedAt: Date | null; started: boolean },
  dueOn: string,
  today: string,
): AssignmentStatus {
  if (progress.completedAt) return "done";
  if (dueOn < today) return "overdue";
  return progress.started ? "inProgress" : "open";
}

/** Finished after the due date: shown as "erledigt (verspätet)". ISO day of completion in Germany. */
export function finishedLate(completedOn: string | null, dueOn: string): boolean {
  return completedOn !== null && completedOn > dueOn;
}

const rank: Record<AssignmentStatus, number> = { overdue: 0, inProgress: 1, open: 1, done: 2 };

/** "Meine Aufgaben": overdue first, then by due date; finished work last, newest first. */
export function compareForApprentice(
  a: { status: AssignmentStatus; dueOn: string; completedAt: Date | null },
  b: { status: AssignmentStatus; dueOn: string; completedAt: Date | null },
): number {
  if (rank[a.status] !== rank[b.status]) return rank[a.status] - rank[b.status];
  if (a.status === "done") return (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0);
  return a.dueOn.localeCompare(b.dueOn);
}

/** Whole days from today until the due date (negative when overdue), for "in 3 Tagen". */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
