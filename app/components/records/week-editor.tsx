import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Button } from "#app/components/ui/button.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { AutosaveAnswer, WeekActionFailure } from "#app/modules/records/week-action.server.ts";
import type { WeekPage } from "#app/modules/records/week-page.server.ts";
import { RECORD_PLACES, RECORD_SECTIONS, type RecordLine, type RecordSection } from "#app/modules/records/types.ts";
import { formatDate, formatNumber } from "#app/utils/format.ts";
import { ProposalList } from "./proposal-list.tsx";

const BLANK_ROWS = 2;
const AUTOSAVE_AFTER_MS = 1500;

/** Hours as the field shows them: "7,5" in German, "7.5" in English; never a thousands mark. */
function hoursText(locale: "de" | "en", hours: number | null): string {
  if (hours === null) return "";
  return locale === "de" ? String(hours).replace(".", ",") : String(hours);
}

type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; message: string };

/**
 * Keeps the draft on the server while the apprentice types: after a pause the whole form goes
 * to the same action as "Speichern" (intent autosave), from the revision last saved, so an older
 * answer can never overwrite newer text. Without JavaScript the buttons do the same.
 */
function useAutosave(pageRevision: number) {
  const fetcher = useFetcher<AutosaveAnswer>();
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [savedRevision, setSavedRevision] = useState(pageRevision);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state !== "idle") return;
    if (!fetcher.data) {
      // No answer at all: no connection. The text is still on the page; "Speichern" sends it.
      setState((s) => (s.kind === "saving" ? { kind: "failed", message: "records.autosave.failed" } : s));
      return;
    }
    if (fetcher.data.ok) {
      setSavedRevision(fetcher.data.revision);
      setState((s) => (s.kind === "saving" ? { kind: "saved", at: new Date() } : s));
    } else {
      // A wrong entry or a newer version elsewhere: "Speichern" shows which (the fields are kept).
      const invalid = Object.keys(fetcher.data.errors).length > 0;
      setState({ kind: "failed", message: invalid ? "records.autosave.invalid" : fetcher.data.message });
    }
  }, [fetcher.state, fetcher.data]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const onInput = () => {
    setState({ kind: "dirty" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const data = new FormData(form);
      data.set("intent", "autosave");
      setState({ kind: "saving" });
      fetcher.submit(data, { method: "post" });
    }, AUTOSAVE_AFTER_MS);
  };
  return { formRef, onInput, state, revision: Math.max(pageRevision, savedRevision) };
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  const locale = useLocale();
  const text =
    state.kind === "saving"
      ? t("records.autosave.saving")
      : state.kind === "saved"
        ? t("records.autosave.saved", {
            time: state.at.toLocaleTimeString(locale === "de" ? "de-DE" : "en-GB", {
              hour: "2-digit",
              minute: "2-digit",
            }),
          })
        : state.kind === "dirty"
          ? t("records.autosave.unsaved")
          : state.kind === "failed"
            ? t(state.message)
            : "";
  return (
    <p className="record-save-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** The apprentice's form for a draft week: days, the three sections, proposals, save and submit. */
export function WeekEditor({ page, failure }: { page: WeekPage; failure: WeekActionFailure | null }) {
  const t = useT();
  const locale = useLocale();
  const { formRef, onInput, state, revision } = useAutosave(page.revision);
  const content = failure?.typed?.content ?? page.content;
  const typedHours = failure?.typed?.hours ?? {};
  const errors = failure?.errors ?? {};
  const daily = page.apprenticeship.rhythm === "daily";
  // Rows are numbered for people across the form; errors come back numbered by the lines with
  // text (the server drops empty rows), so only those rows count for an error's index.
  let rowNumber = 0;
  let lineIndex = -1;
  const lineRow = (section: RecordSection, line: RecordLine | null, key: string) => {
    rowNumber += 1;
    if (line) lineIndex += 1;
    const n = rowNumber - 1;
    const at = line ? lineIndex : -1;
    const textError = line ? errors[`line${at}.text`] : undefined;
    const hoursError = line ? errors[`line${at}.hours`] : undefined;
    const errorId = textError || hoursError ? `line-${n}-error` : undefined;
    return (
      <li key={key} className="record-line">
        <input type="hidden" name="line.section" value={section} />
        <input type="hidden" name="line.source" value={line?.source ?? ""} />
        <input
          className="input record-line-text"
          name="line.text"
          defaultValue={line?.text ?? ""}
          aria-label={t("records.line.text", { n: n + 1 })}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? errorId : undefined}
          maxLength={600}
        />
        <input
          className="input record-hours"
          name="line.hours"
          inputMode="decimal"
          defaultValue={(line ? typedHours[`line${at}.hours`] : undefined) ?? hoursText(locale, line?.hours ?? null)}
          aria-label={t("records.line.hours", { n: n + 1 })}
          aria-invalid={hoursError ? true : undefined}
          aria-describedby={hoursError ? errorId : undefined}
          placeholder={t("records.line.hoursShort")}
        />
        {daily ? (
          <select
            name="line.day"
            className="input"
            defaultValue={line?.day ?? ""}
            aria-label={t("records.line.day", { n: n + 1 })}
          >
            <option value="">{t("records.line.noDay")}</option>
            {[0, 1, 2, 3, 4, 5].map((day) => (
              <option key={day} value={day}>
                {t(`records.dayShort.${day}`)}
              </option>
            ))}
          </select>
        ) : (
          <input type="hidden" name="line.day" value={line?.day ?? ""} />
        )}
        {errorId ? (
          <p id={errorId} className="field-errors">
            {[textError, hoursError]
              .filter(Boolean)
              .map((key) => t(key as string))
              .join(" ")}
          </p>
        ) : null}
      </li>
    );
  };
  return (
    <Form method="post" ref={formRef} onInput={onInput} className="record-form" id="week-form" noValidate>
      <input type="hidden" name="revision" value={revision} />
      <div className="record-toolbar">
        {/* First submit button of the form: Enter in a field saves, it never takes a proposal. */}
        <Button name="intent" value="save" variant="secondary">
          {t("records.save")}
        </Button>
        <SaveStatus state={state} />
      </div>
      {page.proposals.length > 0 ? <ProposalList proposals={page.proposals} /> : null}
      <fieldset className="record-block">
        <legend>
          <h2>{t("records.days.title")}</h2>
        </legend>
        <p className="muted">{t("records.days.hint")}</p>
        <ul className="record-days">
          {content.days.map((day, i) => {
            const label = `${t(`records.day.${i}`)}, ${formatDate(locale, page.week.dates[i] ?? page.week.monday)}`;
            const hoursError = errors[`day${i}.hours`];
            return (
              <li key={page.week.dates[i]} className="record-day">
                <span className="record-day-name">{label}</span>
                <select
                  name={`day${i}.place`}
                  className="input"
                  defaultValue={day.place ?? ""}
                  aria-label={t("records.days.place", { day: label })}
                >
                  <option value="">{i === 5 ? "–" : t("records.days.noPlace")}</option>
                  {RECORD_PLACES.map((place) => (
                    <option key={place} value={place}>
                      {t(`records.place.${place}`)}
                    </option>
                  ))}
                </select>
                <input
                  name={`day${i}.hours`}
                  className="input record-hours"
                  inputMode="decimal"
                  defaultValue={typedHours[`day${i}.hours`] ?? hoursText(locale, day.hours)}
                  aria-label={t("records.days.hours", { day: label })}
                  aria-invalid={hoursError ? true : undefined}
                  aria-describedby={hoursError ? `day${i}-error` : undefined}
                  placeholder={t("records.line.hoursShort")}
                />
                <input
                  name={`day${i}.note`}
                  className="input record-note"
                  defaultValue={day.note}
                  maxLength={400}
                  aria-label={t("records.days.note", { day: label })}
                />
                {hoursError ? (
                  <p id={`day${i}-error`} className="field-errors">
                    {t(hoursError)}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
        <p className="muted">{t("records.days.saturdayHint")}</p>
      </fieldset>
      {RECORD_SECTIONS.map((section) => {
        const lines = content.lines.filter((line) => line.section === section);
        return (
          <fieldset key={section} className="record-block">
            <legend>
              <h2>{t(`records.section.${section}`)}</h2>
            </legend>
            <p className="muted">{t(`records.section.hint.${section}`)}</p>
            <ul className="record-lines">
              {lines.map((line, i) => lineRow(section, line, `${section}-${i}`))}
              {Array.from({ length: BLANK_ROWS }, (_, i) => lineRow(section, null, `${section}-blank-${i}`))}
            </ul>
          </fieldset>
        );
      })}
      {errors.lines ? <p className="field-errors">{t(errors.lines)}</p> : null}
      <p>
        <strong>{t("records.totals.week", { hours: formatNumber(locale, page.totals.week) })}</strong>
      </p>
      <div className="record-actions">
        <Button name="intent" value="save" variant="secondary">
          {t("records.save")}
        </Button>
        <Button name="intent" value="submit">
          {t("records.submit")}
        </Button>
      </div>
      <p className="muted">{t("records.submitHint")}</p>
    </Form>
  );
}
