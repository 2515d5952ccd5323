import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { ReviewItem } from "#app/components/quiz/review-item.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { attemptResult } from "#app/modules/quizzes/quiz-pages.server.ts";
import { formatNumber } from "#app/utils/format.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(async ({ ctx, params }) => {
  const result = await attemptResult(ctx, parseId(params.attemptId, "attempt"));
  if (!result.finished) throw redirect(`/attempts/${result.attemptId}`);
  return result;
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.quiz.title);

export default function AttemptResultPage() {
  const { quiz, attempt, reveal, questions } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const percent = formatNumber(locale, attempt.percent, 1);
  return (
    <article className="attempt-result">
      <nav className="breadcrumb" aria-label={t("quiz.breadcrumb")}>
        <Link to={`/courses/${quiz.courseId}`}>{quiz.courseTitle}</Link> ›{" "}
        <Link to={`/quizzes/${quiz.id}`}>{quiz.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{t("quiz.resultTitle", { number: attempt.number })}</h1>
      </header>
      {search.get("notice") === "finished" ? <Alert tone="info">{t("quiz.alreadyFinished")}</Alert> : null}
      <section className="card result-summary" aria-live="polite">
        <p className="result-score">
          {t("quiz.score", {
            points: formatNumber(locale, attempt.points),
            max: formatNumber(locale, attempt.maxPoints),
            percent,
          })}
        </p>
        {attempt.passed === null ? (
          <p>{t("quiz.waitingForGradeLong")}</p>
        ) : (
          <p className={attempt.passed ? "success-text" : undefined}>
            {t(attempt.passed ? "quiz.passed" : "quiz.notPassed", { pass: formatNumber(locale, quiz.passPercent) })}
          </p>
        )}
        {!reveal ? <p className="muted">{t(`quiz.reviewHidden.${quiz.reviewPolicy}`)}</p> : null}
        <div className="page-actions">
          {quiz.canRetry ? (
            <Form method="post" action={`/quizzes/${quiz.id}`}>
              <input type="hidden" name="intent" value="start" />
              <Button variant="secondary">{t("quiz.again")}</Button>
            </Form>
          ) : null}
          <Link to={`/courses/${quiz.courseId}`}>{t("lesson.backToCourse")}</Link>
        </div>
      </section>
      {questions.map((question) => (
        <ReviewItem key={question.slot} question={question} />
      ))}
    </article>
  );
}
