import { mondayOf } from "./week-dates.ts";

/**
 * The weeks a record has: from the week the apprenticeship starts to the week of its last day,
 * and never past the current week (a week is written while or after it happens).
 */
export function weekInRecord(contract: { startsOn: string; lastDay: string }, monday: string, today: string): boolean {
  const last = mondayOf(contract.lastDay < today ? contract.lastDay : today);
  return monday >= mondayOf(contract.startsOn) && monday <= last;
}
