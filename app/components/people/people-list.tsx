import { EmptyState } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import type { PeoplePage } from "#app/modules/people/queries.server.ts";
import { formatDate, formatDateTime } from "#app/utils/format.ts";
import { ApprenticeshipForm, EndApprenticeshipForm, LeaveForm, ResetForm, RoleForm } from "./person-forms.tsx";
import { useFormFailure } from "#app/components/ui/use-form-errors.ts";

type Person = PeoplePage["people"][number];

/** Everyone (admins) or the apprentices (trainers), each with what the visitor may do. */
export function PeopleList({ page }: { page: PeoplePage }) {
  const t = useT();
  if (page.people.length === 0) return <EmptyState>{t("people.empty")}</EmptyState>;
  return (
    <ul className="item-list people-list">
      {page.people.map((person) => (
        <PersonRow key={person.userId} person={person} page={page} />
      ))}
    </ul>
  );
}

function PersonRow({ person, page }: { person: Person; page: PeoplePage }) {
  const t = useT();
  const locale = useLocale();
  const failure = useFormFailure();
  const mine = failure.value("userId") === person.userId;
  // A refused form of this person opens their editing area again, so its errors are seen.
  const failedHere =
    (mine && failure.value("intent") !== "resetCode") ||
    person.apprenticeships.some((a) => a.id === failure.value("apprenticeshipId"));
  return (
    <li className="person-row" id={`person-${person.userId}`}>
      <div>
        <strong>{person.name}</strong>{" "}
        <span className={`badge ${person.active ? "badge-open" : "badge-revoked"}`}>
          {t(person.active ? "people.active" : "people.left")}
        </span>
        <span className="muted">
          {person.roles.map((r) => t(`roles.${r.role}`)).join(", ")} · {person.email}
        </span>
        <span className="muted">
          {person.lastSignInAt
            ? t("people.lastSignIn", { date: formatDateTime(locale, new Date(person.lastSignInAt)) })
            : t("people.neverSignedIn")}
        </span>
      </div>
      {person.apprenticeships.map((a) => (
        <dl key={a.id} className="apprenticeship-facts">
          <dt>{t("people.occupation")}</dt>
          <dd>
            {a.occupationName}
            {a.ended
              ? ` · ${t("people.ended")}`
              : a.trainingYear > 0
                ? ` · ${t("people.trainingYear", { year: a.trainingYear })}`
                : ` · ${t("people.notStarted")}`}
          </dd>
          <dt>{t("people.period")}</dt>
          <dd>
            {t("people.periodValue", {
              start: formatDate(locale, a.startsOn),
              end: formatDate(locale, a.plannedEndOn),
            })}
            {a.actualEndOn ? ` · ${t("people.actualEnd", { date: formatDate(locale, a.actualEndOn) })}` : null}
          </dd>
          <dt>{t("people.trainer")}</dt>
          <dd>{a.trainerName ?? t("people.noTrainer")}</dd>
          <dt>{t("people.apprenticeship.recordRhythm")}</dt>
          <dd>{t(`people.rhythm.${a.recordRhythm}`)}</dd>
        </dl>
      ))}
      {mine && failure.formErrors.length > 0 ? (
        <ul className="field-errors" role="alert">
          {failure.formErrors.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      ) : null}
      {person.active && !person.isSelf ? <ResetForm person={person} /> : null}
      {page.canEndApprenticeships && person.active && !person.isSelf
        ? person.apprenticeships
            .filter((a) => !a.actualEndOn)
            .map((a) => <EndApprenticeshipForm key={a.id} person={person} apprenticeship={a} today={page.today} />)
        : null}
      {page.canManage ? (
        <details className="person-manage" open={failedHere}>
          <summary>{t("people.manage", { name: person.name })}</summary>
          {person.active
            ? person.roles
                .filter((r) => r.active)
                .map((r) => <RoleForm key={r.role} person={person} from={r.role} roles={page.roles} />)
            : null}
          {person.apprenticeships.map((a) => (
            <ApprenticeshipForm key={a.id} apprenticeship={a} page={page} />
          ))}
          {person.isSelf ? null : <LeaveForm person={person} />}
        </details>
      ) : null}
    </li>
  );
}
