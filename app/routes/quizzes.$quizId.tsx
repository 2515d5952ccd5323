import { data, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { StoredHtml } from "#app/components/ui/stored-html.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import { quizOverview } from "#app/modules/quizzes/quiz-pages.server.ts";
import { StartQuizSchema } from "#app/modules/quizzes/schemas.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { formatDateTime, formatNumber } from "#app/utils/format.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(({ ctx, params }) => quizOverview(ctx, parseId(params.quizId, "quiz")));

export const action = authenticated(async ({ ctx, params, request }) => {
  const quizId = parseId(params.quizId, "quiz");
  if (!StartQuizSchema.safeParse(Object.fromEntries(await readForm(request))).success)
    throw new Response("Bad request", { status: 400 });
  const result = await startAttempt({ ctx, input: { quizId } });
  if (result.status === "started" || result.status === "resumed") return redirect(`/attempts/${result.attemptId}`);
  return data({ messageKey: result.status === "empty" ? "quiz.empty" : "quiz.noAttemptsLeft" }, { status: 409 });
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.quiz.title);

export default function QuizPage() {
  const { quiz, attempts, openAttemptId, bestPercent, passed, attemptsLeft, canExport } =
    useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  const busy = useNavigation().state !== "idle";
  const canStart = openAttemptId !== null || attemptsLeft === null || attemptsLeft > 0;
  return (
    <article className="quiz">
      <nav className="breadcrumb" aria-label={t("quiz.breadcrumb")}>
        <Link to={`/courses/${quiz.courseId}`}>{quiz.courseTitle}</Link> › {quiz.moduleTitle}
      </nav>
      <header className="page-header">
        <h1>{quiz.title}</h1>
      </header>
      {quiz.introHtml ? <StoredHtml className="lesson-body" html={quiz.introHtml} /> : null}
      <dl className="facts">
        <div>
          <dt>{t("quiz.questions")}</dt>
          <dd>{quiz.questionCount}</dd>
        </div>
        <div>
          <dt>{t("quiz.passMark")}</dt>
          <dd>{formatNumber(locale, quiz.passPercent)} %</dd>
        </div>
        <div>
          <dt>{t("quiz.attemptsAllowed")}</dt>
          <dd>{quiz.maxAttempts === null ? t("quiz.practiceMode") : tc("quiz.attemptsLeft", attemptsLeft ?? 0)}</dd>
        </div>
        <div>
          <dt>{t("quiz.review")}</dt>
          <dd>{t(`quiz.reviewPolicy.${quiz.reviewPolicy}`)}</dd>
        </div>
      </dl>
      {bestPercent !== null ? (
        <p className={passed ? "success-text" : undefined}>
          {t(passed ? "quiz.bestPassed" : "quiz.best", { percent: formatNumber(locale, bestPercent, 1) })}
        </p>
      ) : null}
      {failure ? <Alert tone="error">{t(failure.messageKey)}</Alert> : null}
      {canStart ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <Button disabled={busy}>
            {t(openAttemptId ? "quiz.resume" : attempts.length > 0 ? "quiz.again" : "quiz.start")}
          </Button>
        </Form>
      ) : (
        <Alert tone="info">{t("quiz.noAttemptsLeft")}</Alert>
      )}
      {attempts.length > 0 ? (
        <section aria-labelledby="attempts-heading">
          <h2 id="attempts-heading">{t("quiz.yourAttempts")}</h2>
          <ul className="item-list">
            {attempts.map((attempt) => (
              <li key={attempt.id}>
                <div>
                  <strong>{t("quiz.attemptNumber", { number: attempt.number })}</strong>
                  <div className="muted">
                    {attempt.submittedAt ? formatDateTime(locale, new Date(attempt.submittedAt)) : t("quiz.inProgress")}
                  </div>
                </div>
                {attempt.status === "finished" ? (
                  <Link to={`/attempts/${attempt.id}/result`}>
                    {attempt.passed === null
                      ? t("quiz.waitingForGrade")
                      : t(attempt.passed ? "quiz.resultPassed" : "quiz.resultFailed", {
                          percent: formatNumber(locale, attempt.percent ?? 0, 1),
                        })}
                  </Link>
                ) : (
                  <Link to={`/attempts/${attempt.id}`}>{t("quiz.resume")}</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canExport ? (
        <p>
          <Link to={`/quizzes/${quiz.id}/gift`} reloadDocument>
            {t("quiz.exportGift")}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
