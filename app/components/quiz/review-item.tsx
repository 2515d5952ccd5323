import { StoredHtml } from "#app/components/ui/stored-html.tsx";
import { QuestionImage } from "./question-image.tsx";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import type { ReviewDetail } from "#app/modules/quizzes/review-question.server.ts";
import { formatNumber } from "#app/utils/format.ts";

export type ReviewedQuestion = {
  slot: number;
  type: string;
  title: string;
  promptHtml: string;
  image: string | null;
  imageAlt: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  maxPoints: number;
  earned: number | null;
  fraction: number | null;
  waiting: boolean;
  graderComment: string | null;
  generalFeedbackHtml: string | null;
  detail: ReviewDetail;
  feedback: string[];
  notice: string | null;
};

function verdict(fraction: number | null): "correct" | "partial" | "wrong" | null {
  if (fraction === null) return null;
  return fraction >= 1 ? "correct" : fraction > 0 ? "partial" : "wrong";
}

/** One question of a finished attempt: the answer given, and right answers and feedback when allowed. */
export function ReviewItem({ question }: { question: ReviewedQuestion }) {
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  const state = verdict(question.fraction);
  return (
    <section
      className={`question review ${state ? `review-${state}` : ""}`}
      aria-labelledby={`review-${question.slot}`}
    >
      <h2 id={`review-${question.slot}`} className="review-heading">
        {question.type === "description" ? question.title : t("quiz.questionNumber", { number: question.slot })}
        {question.type !== "description" ? (
          <span className="muted">
            {" "}
            ·{" "}
            {question.waiting
              ? t("quiz.waitingForGrade")
              : question.earned !== null
                ? t("quiz.pointsOf", {
                    earned: formatNumber(locale, question.earned),
                    max: formatNumber(locale, question.maxPoints),
                  })
                : tc("quiz.points", question.maxPoints)}
          </span>
        ) : null}
      </h2>
      {state ? <p className={`verdict verdict-${state}`}>{t(`quiz.verdict.${state}`)}</p> : null}
      <StoredHtml className="question-prompt lesson-body" html={question.promptHtml} />
      <QuestionImage
        src={question.image}
        alt={question.imageAlt}
        width={question.imageWidth}
        height={question.imageHeight}
      />
      <Detail detail={question.detail} />
      {question.notice ? <p className="muted">{t(`quiz.notice.${question.notice}`)}</p> : null}
      {question.feedback.length > 0 ? (
        <div className="feedback">
          {question.feedback.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      ) : null}
      {question.generalFeedbackHtml ? (
        <StoredHtml className="feedback lesson-body" html={question.generalFeedbackHtml} />
      ) : null}
      {question.graderComment ? (
        <div className="feedback">
          <strong>{t("quiz.graderComment")}</strong>
          <p>{question.graderComment}</p>
        </div>
      ) : null}
    </section>
  );
}

function Detail({ detail }: { detail: ReviewDetail }) {
  const t = useT();
  const locale = useLocale();
  const mark = (picked: boolean, correct: boolean | null) =>
    `${picked ? t("quiz.yourChoice") : ""}${picked && correct !== null ? " · " : ""}${correct ? t("quiz.correctChoice") : ""}`;
  switch (detail.kind) {
    case "choices":
      return (
        <ul className="review-choices">
          {detail.choices.map((choice) => (
            <li key={choice.text} className={choice.picked ? "is-picked" : undefined}>
              <span aria-hidden="true">{choice.picked ? "☑" : "☐"}</span> {choice.text}{" "}
              <span className="muted">{mark(choice.picked, choice.correct)}</span>
            </li>
          ))}
        </ul>
      );
    case "truefalse":
      return (
        <p>
          {t("quiz.youAnswered")}{" "}
          <strong>{detail.picked === null ? t("quiz.noAnswer") : t(detail.picked ? "quiz.true" : "quiz.false")}</strong>
          {detail.correct !== null
            ? ` · ${t("quiz.rightAnswer")} ${t(detail.correct ? "quiz.true" : "quiz.false")}`
            : ""}
        </p>
      );
    case "numeric":
      return (
        <p>
          {t("quiz.youAnswered")} <strong>{detail.given || t("quiz.noAnswer")}</strong>
          {detail.accepted && detail.accepted.length > 0
            ? ` · ${t("quiz.rightAnswer")} ${detail.accepted
                .map(
                  (a) =>
                    `${formatNumber(locale, a.value, 6)}${a.tolerance > 0 ? ` ± ${formatNumber(locale, a.tolerance, 6)}` : ""}${detail.unit ? ` ${detail.unit}` : ""}`,
                )
                .join(" / ")}`
            : ""}
        </p>
      );
    case "text":
      return (
        <>
          <p className="given-text">
            {t("quiz.youAnswered")} <strong>{detail.given || t("quiz.noAnswer")}</strong>
          </p>
          {detail.accepted ? <p>{`${t("quiz.rightAnswer")} ${detail.accepted.join(" / ")}`}</p> : null}
        </>
      );
    case "ordering":
      return (
        <div className="review-columns">
          <div>
            <h3>{t("quiz.yourOrder")}</h3>
            <ol>
              {detail.given.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
          </div>
          {detail.correct ? (
            <div>
              <h3>{t("quiz.rightOrder")}</h3>
              <ol>
                {detail.correct.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      );
    case "matching":
      return (
        <ul className="plain-list">
          {detail.rows.map((row) => (
            <li key={row.left}>
              {row.left} → <strong>{row.given ?? t("quiz.noAnswer")}</strong>
              {row.correct !== null && row.correct !== row.given ? (
                <span className="muted">
                  {" "}
                  ({t("quiz.rightAnswer")} {row.correct})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      );
    default:
      return null;
  }
}
