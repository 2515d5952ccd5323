import type { QuizSettingsFile } from "#app/modules/library/quiz-file-schema.ts";

export type ReviewPolicy = "after_attempt" | "after_pass" | "never";

/** A quiz's settings as stored (see db/schema/quizzes.ts). */
export type QuizSettings = {
  title: string;
  introMarkdown: string;
  passPercent: number;
  /** null = practice mode: unlimited attempts, the best counts. */
  maxAttempts: number | null;
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  drawCount: number | null;
  perPage: number;
  reviewPolicy: ReviewPolicy;
};

export function settingsFromFile(file: QuizSettingsFile, moduleTitle: string): QuizSettings {
  return {
    title: file.title ?? `Quiz: ${moduleTitle}`,
    introMarkdown: file.intro ?? "",
    passPercent: file.passPercent,
    maxAttempts: file.attempts === "unlimited" ? null : file.attempts,
    shuffleQuestions: file.shuffleQuestions,
    shuffleAnswers: file.shuffleAnswers,
    drawCount: file.draw ?? null,
    perPage: file.perPage,
    reviewPolicy: file.review.replace("-", "_") as ReviewPolicy,
  };
}

/** Whether feedback and the right answers may be shown for a finished attempt. */
export function mayReview(policy: ReviewPolicy, attempt: { passed: boolean | null }): boolean {
  if (policy === "after_attempt") return true;
  if (policy === "after_pass") return attempt.passed === true;
  return false;
}
