import { matchingOptions, type QuestionConfig, type QuestionResponse, type QuestionType } from "./question-config.ts";
import { stripControlCharacters } from "#app/modules/shared/user-text.ts";

/**
 * What the browser gets of a question while an attempt is open: texts in this attempt's order,
 * addressed by display position. Nothing here tells which answer is right: no fractions, no
 * accepted answers, no feedback, no authoring indices (for ordering they would be the solution).
 */
export type PublicQuestion = {
  slot: number;
  type: QuestionType;
  title: string;
  promptHtml: string;
  image: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  points: number;
  /** single, multiple: choices; ordering: items in the current order; matching: options. */
  parts: { value: string; text: string }[];
  /** matching: the left-hand texts. */
  prompts: string[];
  unit: string | null;
  /** The saved answer in display terms, to fill the form again. */
  current: PublicAnswer;
};

export type PublicAnswer = {
  /** single, multiple, truefalse: chosen values. */
  picked: string[];
  /** numeric, shorttext, essay. */
  text: string;
  /** matching: chosen option value per left text ("" = none). */
  matches: string[];
};

export type QuestionRow = {
  title: string;
  promptHtml: string;
  image: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  config: QuestionConfig;
};

type SlotRow = { slot: number; maxPoints: number; displayOrder: number[]; response: QuestionResponse | null };

function texts(config: QuestionConfig): string[] {
  switch (config.type) {
    case "single":
    case "multiple":
      return config.choices.map((c) => c.text);
    case "ordering":
      return config.items;
    case "matching":
      return matchingOptions(config);
    default:
      return [];
  }
}

/** Display position of each authoring index. */
function positions(displayOrder: number[]): Map<number, number> {
  return new Map(displayOrder.map((index, position) => [index, position]));
}

/** The current ordering as display positions (the saved order, else the shuffled start). */
export function orderingPositions(displayOrder: number[], response: QuestionResponse | null): number[] {
  if (response?.type !== "ordering") return displayOrder.map((_, i) => i);
  const at = positions(displayOrder);
  return response.order.map((index) => at.get(index) ?? 0);
}

export function publicQuestion(question: QuestionRow, slot: SlotRow): PublicQuestion {
  const all = texts(question.config);
  const at = positions(slot.displayOrder);
  const response = slot.response;
  let parts = slot.displayOrder.map((index, position) => ({ value: String(position), text: all[index] ?? "" }));
  if (question.config.type === "ordering") {
    parts = orderingPositions(slot.displayOrder, response).map((position) => ({
      value: String(position),
      text: all[slot.displayOrder[position] ?? 0] ?? "",
    }));
  }
  const current: PublicAnswer = { picked: [], text: "", matches: [] };
  if (response?.type === "single" && response.choice !== null) current.picked = [String(at.get(response.choice))];
  if (response?.type === "multiple") current.picked = response.choices.map((c) => String(at.get(c)));
  if (response?.type === "truefalse" && response.value !== null) current.picked = [String(response.value)];
  if (response?.type === "numeric" || response?.type === "shorttext" || response?.type === "essay")
    current.text = response.text;
  if (response?.type === "matching" && question.config.type === "matching") {
    const options = matchingOptions(question.config);
    current.matches = response.matches.map((m) => {
      const index = m === null ? -1 : options.indexOf(m);
      return index < 0 ? "" : String(at.get(index));
    });
  }
  return {
    slot: slot.slot,
    type: question.config.type,
    title: question.title,
    promptHtml: question.promptHtml,
    image: question.image,
    imageAlt: question.imageAlt,
    imageWidth: question.imageWidth,
    imageHeight: question.imageHeight,
    points: slot.maxPoints,
    parts,
    prompts: question.config.type === "matching" ? question.config.pairs.map((p) => p.left) : [],
    unit: question.config.type === "numeric" ? question.config.unit : null,
    current,
  };
}

/** Form field names of a slot. */
export const fieldName = (slot: number) => `q${slot}`;
export const matchFieldName = (slot: number, row: number) => `q${slot}.${row}`;

/** Reads a display position from the form; anything else (tampering) is no answer. */
function authoringIndex(value: FormDataEntryValue | null, displayOrder: number[]): number | null {
  if (typeof value !== "string" || !/^\d{1,3}$/.test(value)) return null;
  return displayOrder[Number(value)] ?? null;
}

/**
 * The response a page's form gives for one slot, in authoring terms. `move` ("up"/"down" and the
 * position) reorders an ordering question: buttons that work without JavaScript.
 */
export function readResponse(
  config: QuestionConfig,
  slot: { slot: number; displayOrder: number[] },
  form: FormData,
  move?: { position: number; direction: "up" | "down" },
): QuestionResponse {
  const name = fieldName(slot.slot);
  // Answers are stored as JSON, which PostgreSQL refuses with a NUL in it. Invisible control
  // characters are dropped rather than refused: an autosave must never lose what was typed.
  const text = () => stripControlCharacters(String(form.get(name) ?? "")).slice(0, 20_000);
  switch (config.type) {
    case "single":
      return { type: "single", choice: authoringIndex(form.get(name), slot.displayOrder) };
    case "multiple": {
      const picked = form.getAll(name).map((v) => authoringIndex(v, slot.displayOrder));
      return { type: "multiple", choices: [...new Set(picked.filter((i): i is number => i !== null))] };
    }
    case "truefalse": {
      const value = form.get(name);
      return { type: "truefalse", value: value === "true" ? true : value === "false" ? false : null };
    }
    case "numeric":
    case "shorttext":
    case "essay":
      return { type: config.type, text: text() };
    case "ordering": {
      const count = config.items.length;
      const posted = String(form.get(name) ?? "")
        .split(",")
        .map(Number);
      const valid =
        posted.length === count && new Set(posted).size === count && posted.every((p) => p >= 0 && p < count);
      const order = valid ? posted : slot.displayOrder.map((_, i) => i);
      if (move) {
        const target = move.direction === "up" ? move.position - 1 : move.position + 1;
        if (target >= 0 && target < count) {
          [order[move.position], order[target]] = [order[target] as number, order[move.position] as number];
        }
      }
      return { type: "ordering", order: order.map((position) => slot.displayOrder[position] ?? 0) };
    }
    case "matching": {
      const options = matchingOptions(config);
      return {
        type: "matching",
        matches: config.pairs.map((_, row) => {
          const index = authoringIndex(form.get(matchFieldName(slot.slot, row)), slot.displayOrder);
          return index === null ? null : (options[index] ?? null);
        }),
      };
    }
    case "description":
      return { type: "description" };
  }
}
