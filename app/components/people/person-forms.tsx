import { Form } from "@remix-run/react";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import { useFormFailure } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import type { PeoplePage } from "#app/modules/people/queries.server.ts";
import type { Role } from "#app/modules/permissions/roles.ts";
import { RECORD_RHYTHMS } from "#app/modules/records/rhythm.ts";
import {
  BIRTH_DATE_MAX,
  BIRTH_DATE_MIN,
  TRAINING_DATE_MAX,
  TRAINING_DATE_MIN,
} from "#app/modules/shared/typed-date.ts";

type Person = PeoplePage["people"][number];
type Apprenticeship = Person["apprenticeships"][number];

/** Makes a one-time code to set a new password (trainers: apprentices; admins: everyone). */
export function ResetForm({ person }: { person: Person }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="resetCode" />
      <input type="hidden" name="userId" value={person.userId} />
      <button
        type="submit"
        className="button button-secondary"
        aria-label={t("people.reset.for", { name: person.name })}
      >
        {t("people.reset.submit")}
      </button>
    </Form>
  );
}

export function RoleForm({ person, from, roles }: { person: Person; from: Role; roles: Role[] }) {
  const t = useT();
  const offered = roles.includes(from) ? roles : [from, ...roles];
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="role" />
      <input type="hidden" name="userId" value={person.userId} />
      <input type="hidden" name="from" value={from} />
      <SelectField
        label={t("people.roleFor", { role: t(`roles.${from}`) })}
        name="role"
        defaultValue={from}
        options={offered.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <button type="submit" className="button button-secondary">
        {t("people.changeRole")}
      </button>
    </Form>
  );
}

/** "Hat den Betrieb verlassen" and back: access ends (or returns) with the next request. */
export function LeaveForm({ person }: { person: Person }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={person.active ? "leave" : "rejoin"} />
      <input type="hidden" name="userId" value={person.userId} />
      <p className="field-hint">{t(person.active ? "people.leaveHint" : "people.rejoinHint")}</p>
      <button type="submit" className={person.active ? "button button-quiet" : "button button-secondary"}>
        {t(person.active ? "people.leave" : "people.rejoin")}
      </button>
    </Form>
  );
}

export function ApprenticeshipForm({ apprenticeship: a, page }: { apprenticeship: Apprenticeship; page: PeoplePage }) {
  const t = useT();
  const failure = useFormFailure("apprenticeship");
  const mine = failure.value("apprenticeshipId") === a.id;
  const errors = (name: string) => (mine ? failure.fieldErrors(name) : undefined);
  const value = (name: string, fallback: string | null) => (mine ? failure.value(name) : undefined) ?? fallback ?? "";
  const dates = { min: TRAINING_DATE_MIN, max: TRAINING_DATE_MAX, type: "date" } as const;
  return (
    <Form method="post" className="stack">
      <h3>{t("people.apprenticeship.title")}</h3>
      <input type="hidden" name="intent" value="apprenticeship" />
      <input type="hidden" name="apprenticeshipId" value={a.id} />
      <SelectField
        label={t("people.trainer")}
        name="trainerId"
        placeholder={t("people.noTrainer")}
        defaultValue={value("trainerId", a.trainerId)}
        errors={errors("trainerId")}
        options={page.trainers.map((trainer) => ({ value: trainer.id, label: trainer.name }))}
      />
      <SelectField
        label={t("people.occupation")}
        name="occupationId"
        defaultValue={value("occupationId", a.occupationId)}
        errors={errors("occupationId")}
        options={page.occupations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <Field
        label={t("people.apprenticeship.startsOn")}
        name="startsOn"
        required
        defaultValue={value("startsOn", a.startsOn)}
        errors={errors("startsOn")}
        {...dates}
      />
      <Field
        label={t("people.apprenticeship.plannedEndOn")}
        hint={t("people.apprenticeship.plannedEndHint")}
        name="plannedEndOn"
        required
        defaultValue={value("plannedEndOn", a.plannedEndOn)}
        errors={errors("plannedEndOn")}
        {...dates}
      />
      <Field
        label={t("people.apprenticeship.actualEndOn")}
        hint={t("people.apprenticeship.actualEndHint")}
        name="actualEndOn"
        defaultValue={value("actualEndOn", a.actualEndOn)}
        errors={errors("actualEndOn")}
        {...dates}
      />
      <SelectField
        label={t("people.apprenticeship.recordRhythm")}
        hint={t("people.apprenticeship.recordRhythmHint")}
        name="recordRhythm"
        defaultValue={value("recordRhythm", a.recordRhythm)}
        errors={errors("recordRhythm")}
        options={RECORD_RHYTHMS.map((rhythm) => ({ value: rhythm, label: t(`people.rhythm.${rhythm}`) }))}
      />
      <Field
        label={t("people.apprenticeship.birthDate")}
        hint={t("people.apprenticeship.birthDateHint")}
        name="birthDate"
        type="date"
        min={BIRTH_DATE_MIN}
        max={BIRTH_DATE_MAX}
        defaultValue={value("birthDate", a.birthDate)}
        errors={errors("birthDate")}
      />
      <button type="submit" className="button">
        {t("people.apprenticeship.save")}
      </button>
    </Form>
  );
}

/**
 * Betriebswechsel or Abbruch as one step: the last day ends the apprenticeship and signs the
 * apprentice out here. Closed by default: it is rare and cannot be undone from this page alone.
 */
export function EndApprenticeshipForm({
  person,
  apprenticeship: a,
  today,
}: {
  person: Person;
  apprenticeship: Apprenticeship;
  today: string;
}) {
  const t = useT();
  const failure = useFormFailure("end");
  const mine = failure.value("apprenticeshipId") === a.id;
  return (
    <details className="person-manage" open={mine}>
      <summary>{t("people.end.summary")}</summary>
      <Form method="post" className="stack">
        <h3>{t("people.end.title")}</h3>
        <p>{t("people.end.lead", { name: person.name })}</p>
        <input type="hidden" name="intent" value="end" />
        <input type="hidden" name="apprenticeshipId" value={a.id} />
        <Field
          label={t("people.end.lastDay")}
          name="lastDay"
          type="date"
          required
          min={a.startsOn}
          max={today}
          defaultValue={(mine ? failure.value("lastDay") : undefined) ?? today}
          errors={mine ? failure.fieldErrors("lastDay") : undefined}
        />
        <button
          type="submit"
          className="button button-danger"
          aria-label={t("people.end.submitFor", { name: person.name })}
        >
          {t("people.end.submit")}
        </button>
      </Form>
    </details>
  );
}
