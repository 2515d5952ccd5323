import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { QuestionConfig } from "#app/modules/quizzes/question-config.ts";
import { formatNumber } from "#app/utils/format.ts";

/**
 * The answer key of a question as its authors check it after a GIFT upload: weights in percent,
 * accepted values, the right order, the pairs. Only on the quiz editor, which only authors open.
 */
export function AnswerKey({ config }: { config: QuestionConfig }) {
  const t = useT();
  const locale = useLocale();
  const percent = (fraction: number) => `${formatNumber(locale, fraction * 100, 3)} %`;
  const feedback = (text: string) => (text ? <span className="muted"> – {text}</span> : null);
  switch (config.type) {
    case "single":
    case "multiple":
      return (
        <ul className="plain-list">
          {config.choices.map((choice) => (
            <li key={choice.text}>
              <strong>{percent(choice.fraction)}</strong> {choice.text}
              {feedback(choice.feedback)}
            </li>
          ))}
        </ul>
      );
    case "truefalse":
      return (
        <p>
          {t("quiz.rightAnswer")} <strong>{t(config.correct ? "quiz.true" : "quiz.false")}</strong>
        </p>
      );
    case "numeric":
      return (
        <ul className="plain-list">
          {config.answers.map((answer) => (
            <li key={`${answer.value}:${answer.tolerance}:${answer.fraction}`}>
              <strong>{percent(answer.fraction)}</strong>{" "}
              {answer.value === null
                ? t("answerKey.anyOther")
                : `${formatNumber(locale, answer.value, 6)}${answer.tolerance > 0 ? ` ± ${formatNumber(locale, answer.tolerance, 6)}` : ""}${config.unit ? ` ${config.unit}` : ""}`}
              {feedback(answer.feedback)}
            </li>
          ))}
        </ul>
      );
    case "shorttext":
      return (
        <ul className="plain-list">
          {config.answers.map((answer) => (
            <li key={answer.text}>
              <strong>{percent(answer.fraction)}</strong> {answer.text}
              {feedback(answer.feedback)}
            </li>
          ))}
          {config.caseSensitive ? <li className="muted">{t("answerKey.caseSensitive")}</li> : null}
        </ul>
      );
    case "ordering":
      return (
        <ol>
          {config.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      );
    case "matching":
      return (
        <ul className="plain-list">
          {config.pairs.map((pair) => (
            <li key={pair.left}>
              {pair.left} → <strong>{pair.right}</strong>
            </li>
          ))}
          {config.distractors.length > 0 ? (
            <li className="muted">{t("answerKey.distractors", { options: config.distractors.join(", ") })}</li>
          ) : null}
        </ul>
      );
    case "essay":
      return <p className="muted">{t("answerKey.essay")}</p>;
    default:
      return null;
  }
}
