import { StoredHtml } from "#app/components/ui/stored-html.tsx";
import { QuestionImage } from "./question-image.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import {
  fieldName,
  matchFieldName,
  type PublicAnswer,
  type PublicQuestion,
} from "#app/modules/quizzes/public-question.ts";

/**
 * One question of an open attempt as plain form controls, so it works without JavaScript.
 * `answer` fills the controls: the saved answer, or what was just posted when the save failed.
 */
export function QuestionField({ question, answer }: { question: PublicQuestion; answer: PublicAnswer }) {
  const t = useT();
  const tc = useTCount();
  const name = fieldName(question.slot);
  const promptId = `${name}-prompt`;
  const points = tc("quiz.points", question.points);
  const prompt = (
    <>
      <StoredHtml id={promptId} className="question-prompt lesson-body" html={question.promptHtml} />
      <QuestionImage
        src={question.image}
        alt={question.imageAlt}
        width={question.imageWidth}
        height={question.imageHeight}
      />
    </>
  );
  if (question.type === "description") {
    return <section className="question question-description">{prompt}</section>;
  }
  return (
    <fieldset className="question" id={`slot-${question.slot}`} aria-describedby={promptId}>
      <legend>
        {t("quiz.questionNumber", { number: question.slot })} <span className="muted">· {points}</span>
      </legend>
      {prompt}
      <Controls question={question} answer={answer} name={name} />
    </fieldset>
  );
}

function Controls({ question, answer, name }: { question: PublicQuestion; answer: PublicAnswer; name: string }) {
  const t = useT();
  switch (question.type) {
    case "single":
    case "multiple":
      return (
        <div className="choice-list">
          {question.type === "multiple" ? <p className="field-hint">{t("quiz.pickAll")}</p> : null}
          {question.parts.map((part) => (
            <label key={part.value} className="choice">
              <input
                type={question.type === "single" ? "radio" : "checkbox"}
                name={name}
                value={part.value}
                defaultChecked={answer.picked.includes(part.value)}
              />
              <span>{part.text}</span>
            </label>
          ))}
        </div>
      );
    case "truefalse":
      return (
        <div className="choice-list choice-row">
          {(["true", "false"] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name={name} value={value} defaultChecked={answer.picked.includes(value)} />
              <span>{t(value === "true" ? "quiz.true" : "quiz.false")}</span>
            </label>
          ))}
        </div>
      );
    case "numeric":
      return (
        <div className="field">
          <label className="field-label" htmlFor={`${name}-input`}>
            {t("quiz.yourNumber")}
          </label>
          <div className="number-with-unit">
            <input
              id={`${name}-input`}
              className="input"
              name={name}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={answer.text}
              aria-describedby={`${name}-hint`}
            />
            {question.unit ? <span>{question.unit}</span> : null}
          </div>
          <p id={`${name}-hint`} className="field-hint">
            {t("quiz.numberHint")}
          </p>
        </div>
      );
    case "shorttext":
      return (
        <div className="field">
          <label className="field-label" htmlFor={`${name}-input`}>
            {t("quiz.yourAnswer")}
          </label>
          <input id={`${name}-input`} className="input" name={name} autoComplete="off" defaultValue={answer.text} />
        </div>
      );
    case "essay":
      return (
        <div className="field">
          <label className="field-label" htmlFor={`${name}-input`}>
            {t("quiz.yourAnswer")}
          </label>
          <textarea id={`${name}-input`} className="input" name={name} rows={6} defaultValue={answer.text} />
          <p className="field-hint">{t("quiz.essayHint")}</p>
        </div>
      );
    case "ordering":
      return <OrderingControls question={question} name={name} />;
    case "matching":
      return (
        <div className="matching">
          {question.prompts.map((left, row) => {
            const id = `${name}-${row}`;
            return (
              <div className="matching-row" key={left}>
                <label htmlFor={id}>{left}</label>
                <select
                  id={id}
                  name={matchFieldName(question.slot, row)}
                  className="input"
                  defaultValue={answer.matches[row] ?? ""}
                >
                  <option value="">{t("quiz.choose")}</option>
                  {question.parts.map((part) => (
                    <option key={part.value} value={part.value}>
                      {part.text}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      );
    default:
      return null;
  }
}

/** Items in the current order with "up"/"down" buttons: each press saves the page and moves one item. */
function OrderingControls({ question, name }: { question: PublicQuestion; name: string }) {
  const t = useT();
  const last = question.parts.length - 1;
  return (
    <>
      <p className="field-hint">{t("quiz.orderHint")}</p>
      <input type="hidden" name={name} value={question.parts.map((part) => part.value).join(",")} />
      <ol className="ordering-list">
        {question.parts.map((part, position) => (
          <li key={part.value}>
            <span>{part.text}</span>
            <span className="row-actions">
              <button
                type="submit"
                className="button button-quiet"
                name="intent"
                value={`move:${question.slot}:${position}:up`}
                disabled={position === 0}
                aria-label={t("quiz.moveUp", { item: part.text })}
              >
                ↑
              </button>
              <button
                type="submit"
                className="button button-quiet"
                name="intent"
                value={`move:${question.slot}:${position}:down`}
                disabled={position === last}
                aria-label={t("quiz.moveDown", { item: part.text })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
