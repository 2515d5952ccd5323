import type { GradeNotice } from "./grading/grade-response.ts";
import type { QuestionConfig, QuestionResponse } from "./question-config.ts";

/**
 * A finished question as the result page shows it: what was answered, and, only when `reveal` is
 * true (the quiz's review setting allows it), what was right and the author's feedback.
 */
export type ReviewDetail =
  | { kind: "choices"; choices: { text: string; picked: boolean; correct: boolean | null }[] }
  | { kind: "truefalse"; picked: boolean | null; correct: boolean | null }
  | { kind: "text"; given: string; accepted: string[] | null }
  | { kind: "numeric"; given: string; accepted: { value: number; tolerance: number }[] | null; unit: string | null }
  | { kind: "ordering"; given: string[]; correct: string[] | null }
  | { kind: "matching"; rows: { left: string; given: string | null; correct: string | null }[] }
  | { kind: "description" };

export type ReviewedAnswer = { detail: ReviewDetail; feedback: string[]; notice: GradeNotice | null };

/**
 * `graded` is what grading stored at submit (null for answers graded before it was stored). The
 * review never grades again: that is work for every view, and a changed key would rewrite history.
 */
export function reviewAnswer(
  config: QuestionConfig,
  response: QuestionResponse | null,
  displayOrder: number[],
  reveal: boolean,
  graded: { feedback: string[] | null; notice: GradeNotice | null },
): ReviewedAnswer {
  const shown = { feedback: reveal ? (graded.feedback ?? []) : [], notice: graded.notice };
  switch (config.type) {
    case "single":
    case "multiple": {
      const picked = new Set(
        response?.type === "single" && response.choice !== null
          ? [response.choice]
          : response?.type === "multiple"
            ? response.choices
            : [],
      );
      return {
        ...shown,
        detail: {
          kind: "choices",
          choices: displayOrder.map((index) => ({
            text: config.choices[index]?.text ?? "",
            picked: picked.has(index),
            correct: reveal ? (config.choices[index]?.fraction ?? 0) > 0 : null,
          })),
        },
      };
    }
    case "truefalse":
      return {
        ...shown,
        detail: {
          kind: "truefalse",
          picked: response?.type === "truefalse" ? response.value : null,
          correct: reveal ? config.correct : null,
        },
      };
    case "numeric":
      return {
        ...shown,
        detail: {
          kind: "numeric",
          given: response?.type === "numeric" ? response.text : "",
          accepted: reveal
            ? config.answers.flatMap((a) =>
                a.fraction === 1 && a.value !== null ? [{ value: a.value, tolerance: a.tolerance }] : [],
              )
            : null,
          unit: config.unit,
        },
      };
    case "shorttext":
    case "essay":
      return {
        ...shown,
        detail: {
          kind: "text",
          given: response?.type === "shorttext" || response?.type === "essay" ? response.text : "",
          accepted:
            reveal && config.type === "shorttext"
              ? config.answers.filter((a) => a.fraction === 1).map((a) => a.text)
              : null,
        },
      };
    case "ordering": {
      const order = response?.type === "ordering" ? response.order : displayOrder;
      return {
        ...shown,
        detail: {
          kind: "ordering",
          given: order.map((index) => config.items[index] ?? ""),
          correct: reveal ? config.items : null,
        },
      };
    }
    case "matching": {
      const given = response?.type === "matching" ? response.matches : [];
      return {
        ...shown,
        detail: {
          kind: "matching",
          rows: config.pairs.map((pair, i) => ({
            left: pair.left,
            given: given[i] ?? null,
            correct: reveal ? pair.right : null,
          })),
        },
      };
    }
    case "description":
      return { ...shown, detail: { kind: "description" } };
  }
}
