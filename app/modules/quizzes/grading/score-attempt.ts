import { round } from "./grade-response.ts";

export type SlotMark = {
  points: number;
  /** null = not graded yet (an essay waiting for a person); undefined never occurs. */
  fraction: number | null;
  /** Descriptions carry no points and do not count. */
  graded: boolean;
};

export type AttemptScore = {
  /** Points earned so far. */
  points: number;
  maxPoints: number;
  /** 0 … 100, one decimal; of the maximum, counting ungraded answers as 0 for now. */
  percent: number;
  /** True once nothing waits for a person. */
  complete: boolean;
  /** null while something still waits for a person. */
  passed: boolean | null;
};

/** The attempt's total and pass state from its question marks. */
export function scoreAttempt(marks: SlotMark[], passPercent: number): AttemptScore {
  const counted = marks.filter((mark) => mark.graded);
  const maxPoints = round(counted.reduce((sum, mark) => sum + mark.points, 0));
  // Four decimals: a third of 3 points stored as 0.333333 still counts as 1 point.
  const points = Math.round(counted.reduce((sum, mark) => sum + mark.points * (mark.fraction ?? 0), 0) * 1e4) / 1e4;
  const complete = counted.every((mark) => mark.fraction !== null);
  const percent = maxPoints === 0 ? 100 : Math.round((points / maxPoints) * 1000) / 10;
  return { points, maxPoints, percent, complete, passed: complete ? percent >= passPercent : null };
}
