import { matchingOptions, type QuestionConfig } from "./question-config.ts";

export type LayoutQuestion = { id: string; points: number; config: QuestionConfig };
export type LayoutSettings = {
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  drawCount: number | null;
  perPage: number;
};
export type LayoutSlot = { slot: number; questionId: string; page: number; displayOrder: number[]; maxPoints: number };

/** A source of numbers in [0, 1); tests pass a seeded one. */
export type Random = () => number;

function shuffled<T>(list: readonly T[], random: Random): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const identity = (length: number) => Array.from({ length }, (_, i) => i);

/** How many answer parts a question shows in an order of its own. */
function partCount(config: QuestionConfig): number {
  switch (config.type) {
    case "single":
    case "multiple":
      return config.choices.length;
    case "ordering":
      return config.items.length;
    case "matching":
      return matchingOptions(config).length;
    default:
      return 0;
  }
}

/**
 * The order this attempt shows a question's parts in. Ordering items and matching options are
 * always mixed and never left in authoring order (which would give the answer away); choices
 * follow the quiz's shuffle setting.
 */
export function displayOrderFor(config: QuestionConfig, shuffleAnswers: boolean, random: Random): number[] {
  const count = partCount(config);
  if (config.type === "ordering" || config.type === "matching") {
    let order = shuffled(identity(count), random);
    for (let tries = 0; tries < 10 && order.every((item, i) => item === i); tries++) order = shuffled(order, random);
    if (order.every((item, i) => item === i)) order = [...order.slice(1), order[0] as number];
    return order;
  }
  return shuffleAnswers ? shuffled(identity(count), random) : identity(count);
}

/**
 * The slots of a new attempt: which questions (a random draw if set; a draw leaves out
 * descriptions, which introduce the full set), in which order, on which page, with each
 * question's answers in this attempt's order.
 */
export function layoutAttempt(
  pool: LayoutQuestion[],
  settings: LayoutSettings,
  random: Random = Math.random,
): LayoutSlot[] {
  let chosen = pool;
  if (settings.drawCount !== null) {
    const gradable = pool.filter((q) => q.config.type !== "description");
    const drawn = new Set(
      shuffled(gradable, random)
        .slice(0, settings.drawCount)
        .map((q) => q.id),
    );
    chosen = pool.filter((q) => q.config.type !== "description" && drawn.has(q.id));
  }
  const ordered = settings.shuffleQuestions ? shuffled(chosen, random) : chosen;
  return ordered.map((question, i) => ({
    slot: i + 1,
    questionId: question.id,
    page: Math.floor(i / settings.perPage) + 1,
    displayOrder: displayOrderFor(question.config, settings.shuffleAnswers, random),
    maxPoints: question.config.type === "description" ? 0 : question.points,
  }));
}
