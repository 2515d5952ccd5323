import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";
import type { QuizQuestionFile } from "./quiz-file-schema.ts";

const share = (percent: number) => Math.round(percent * 1e5) / 1e7;

/**
 * The stored answer key of a `quiz.yaml` question. Authors write percent weights or `correct:
 * true`; in multiple choice, `correct` shares 100 % among the right answers and a wrong tick
 * without its own weight costs as much as a right one earns, so ticking everything earns nothing.
 */
export function configFromFile(question: QuizQuestionFile): QuestionConfig {
  switch (question.type) {
    case "single":
      return {
        type: "single",
        choices: question.choices.map((c) => ({
          text: c.text,
          fraction: c.weight !== undefined ? share(c.weight) : c.correct ? 1 : 0,
          feedback: c.feedback ?? "",
        })),
      };
    case "multiple": {
      const right = question.choices.filter((c) => c.correct).length;
      const each = right > 0 ? 1 / right : 0;
      return {
        type: "multiple",
        choices: question.choices.map((c) => ({
          text: c.text,
          fraction: c.weight !== undefined ? share(c.weight) : Math.round((c.correct ? each : -each) * 1e7) / 1e7,
          feedback: c.feedback ?? "",
        })),
      };
    }
    case "truefalse":
      return {
        type: "truefalse",
        correct: question.answer,
        feedbackTrue: question.feedbackTrue ?? "",
        feedbackFalse: question.feedbackFalse ?? "",
      };
    case "numeric":
      return {
        type: "numeric",
        unit: question.unit ?? null,
        answers: question.answers.map((a) => {
          const [min, max] = a.range ?? [0, 0];
          const value = a.other ? null : a.range ? (min + max) / 2 : (a.value ?? 0);
          const tolerance = a.range ? (max - min) / 2 : (a.tolerance ?? 0);
          return { value, tolerance, fraction: share(a.weight ?? (a.other ? 0 : 100)), feedback: a.feedback ?? "" };
        }),
      };
    case "shorttext":
      return {
        type: "shorttext",
        caseSensitive: question.caseSensitive,
        answers: question.answers.map((a) => ({ text: a.text, fraction: share(a.weight), feedback: a.feedback ?? "" })),
      };
    case "ordering":
      return { type: "ordering", items: question.items };
    case "matching":
      return { type: "matching", pairs: question.pairs, distractors: question.distractors };
    case "essay":
      return { type: "essay" };
    case "description":
      return { type: "description" };
  }
}
