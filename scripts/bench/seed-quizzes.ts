// Quiz attempts of the large data set: whoever finished a module's lessons usually takes its quiz,
// once or a few times until passed; answers are graded by the app's own grading. Some attempts
// are still open, and some essays wait for a grade. The bench's quiz takers get an open attempt
// each on one quiz, whose first page they save again and again.
import { randomUUID } from "node:crypto";
import type { Database } from "#db/client.server.ts";
import { attemptAnswers, quizAttempts } from "#db/schema/index.ts";
import { layoutAttempt } from "#app/modules/quizzes/attempt-layout.ts";
import { gradeResponse } from "#app/modules/quizzes/grading/grade-response.ts";
import { scoreAttempt } from "#app/modules/quizzes/grading/score-attempt.ts";
import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";
import { formFields, sampleResponse } from "./seed-answers.ts";
import type { LibraryCourse, LibraryQuiz } from "./seed-library.ts";
import type { Rng } from "./seed-names.ts";
import type { Apprentice } from "./seed-people.ts";
import type { Progress } from "./seed-progress.ts";
import { dayMs, insertAll } from "./seed-util.ts";

export type QuizTaker = { email: string; attemptId: string; fields: [string, string][] };

type AttemptRow = typeof quizAttempts.$inferInsert;
type AnswerRow = typeof attemptAnswers.$inferInsert;
const hourMs = 3_600_000;

export async function seedQuizzes(
  db: Database,
  rng: Rng,
  now: Date,
  input: { apprentices: Apprentice[]; library: LibraryCourse[]; progress: Progress; takers: Apprentice[] },
): Promise<QuizTaker[]> {
  const attempts: AttemptRow[] = [];
  const answers: AnswerRow[] = [];
  const configOf = (quiz: LibraryQuiz) => new Map(quiz.questions.map((q) => [q.id, q.config as QuestionConfig]));
  const latest = (at: number) => new Date(Math.min(at, now.getTime() - 10 * 60_000));

  /** One attempt with its slots; finished attempts are graded, open ones have page 1 answered. */
  function attempt(apprentice: Apprentice, quiz: LibraryQuiz, number: number, startedAt: Date, open: boolean) {
    const id = randomUUID();
    const configs = configOf(quiz);
    const slots = layoutAttempt(quiz.questions, quiz, rng.next);
    const skill = Math.min(0.97, 0.35 + 0.55 * apprentice.engagement + 0.1 * (number - 1));
    const submittedAt = latest(startedAt.getTime() + rng.int(4, 25) * 60_000);
    const gradedLater = submittedAt.getTime() < now.getTime() - 5 * dayMs || rng.chance(0.6);
    const essayGradedAt = latest(submittedAt.getTime() + rng.int(6, 96) * hourMs);
    const marks = [];
    for (const slot of slots) {
      const config = configs.get(slot.questionId) as QuestionConfig;
      const answered = !open || slot.page === 1;
      const response = answered ? sampleResponse(config, rng.chance(skill), rng, slot) : null;
      const grade = open ? null : gradeResponse(config, response);
      let fraction = grade?.fraction ?? null;
      const essay = config.type === "essay" && !open;
      if (essay && gradedLater) fraction = rng.pick([0.5, 0.75, 1, 1]);
      answers.push({
        attemptId: id,
        ...slot,
        response,
        fraction,
        feedback: grade?.feedback ?? null,
        notice: grade?.notice ?? null,
        needsGrading: essay && fraction === null,
        ...(essay && gradedLater
          ? { graderComment: "Gut erklärt.", gradedBy: apprentice.trainerId, gradedAt: essayGradedAt }
          : {}),
      });
      marks.push({ points: slot.maxPoints, fraction, graded: config.type !== "description" });
    }
    const pageCount = Math.max(...slots.map((s) => s.page));
    const maxPoints = slots.reduce((sum, s) => sum + s.maxPoints, 0);
    const base = { id, quizId: quiz.id, userId: apprentice.id, number, pageCount, maxPoints, startedAt };
    if (open) {
      attempts.push({ ...base, revision: rng.int(1, 4), updatedAt: latest(startedAt.getTime() + 5 * 60_000) });
      return { id, slots, passed: null };
    }
    const score = scoreAttempt(marks, quiz.passPercent);
    const hasEssay = slots.some((s) => configs.get(s.questionId)?.type === "essay");
    attempts.push({
      ...base,
      status: "finished",
      revision: pageCount + rng.int(0, 3),
      points: score.points,
      percent: score.percent,
      passed: score.passed,
      updatedAt: score.complete && hasEssay ? essayGradedAt : submittedAt,
      submittedAt,
      gradedAt: score.complete ? (hasEssay ? essayGradedAt : submittedAt) : null,
    });
    return { id, slots, passed: score.passed };
  }

  const finishedOn = new Map<string, number>(); // `${user}:${quiz}` → finished attempts
  for (const apprentice of input.apprentices) {
    const modules = input.progress.get(apprentice.id);
    for (const m of input.library.flatMap((c) => c.modules)) {
      const done = modules?.get(m.id);
      if (!m.quiz || !done?.lastAt || done.done === 0) continue;
      const complete = done.done === done.total;
      if (!rng.chance(complete ? 0.85 : done.done / done.total > 0.5 ? 0.15 : 0)) continue;
      let at = done.lastAt.getTime() + rng.int(1, 72) * hourMs;
      for (let number = 1; number <= (m.quiz.maxAttempts ?? 3); number++) {
        const result = attempt(apprentice, m.quiz, number, latest(at), false);
        finishedOn.set(`${apprentice.id}:${m.quiz.id}`, number);
        if (result.passed !== false || rng.chance(0.3)) break;
        at += rng.int(1, 96) * hourMs;
      }
    }
  }

  // Open attempts: a quarter of the active apprentices are in the middle of one.
  const benchQuiz = input.library[0]?.modules.find((m) => m.quiz)?.quiz;
  if (!benchQuiz) throw new Error("no quiz in the library");
  const takerIds = new Set(input.takers.map((t) => t.id));
  const openAt = (quiz: LibraryQuiz, apprentice: Apprentice) => {
    const finished = finishedOn.get(`${apprentice.id}:${quiz.id}`) ?? 0;
    if (quiz.maxAttempts !== null && finished >= quiz.maxAttempts) return null;
    return attempt(apprentice, quiz, finished + 1, latest(now.getTime() - rng.int(10, 7 * 24 * 60) * 60_000), true);
  };
  for (const apprentice of input.apprentices) {
    if (takerIds.has(apprentice.id) || apprentice.engagement < 0.3 || !rng.chance(0.25)) continue;
    const modules = input.progress.get(apprentice.id);
    const candidates = input.library
      .flatMap((c) => c.modules)
      .filter((m) => m.quiz && (modules?.get(m.id)?.done ?? 0) > 0);
    const chosen = candidates.length > 0 ? rng.pick(candidates).quiz : null;
    if (chosen) openAt(chosen, apprentice);
  }
  const takers: QuizTaker[] = [];
  for (const apprentice of input.takers) {
    const opened = openAt(benchQuiz, apprentice);
    if (!opened) continue;
    const configs = configOf(benchQuiz);
    const fields = opened.slots
      .filter((s) => s.page === 1)
      .flatMap((s) => formFields(configs.get(s.questionId) as QuestionConfig, s));
    takers.push({ email: apprentice.email, attemptId: opened.id, fields });
  }
  await insertAll(db, quizAttempts, attempts);
  await insertAll(db, attemptAnswers, answers);
  return takers;
}
