import { useId } from "react";
import { FieldErrors } from "#app/components/ui/field.tsx";

type Person = { userId: string; name: string; detail: string | null };

/** A checkbox per person (name and company or trade), posted as `apprenticeIds`. */
export function PeopleCheckboxes({
  legend,
  people,
  checked,
  errors,
}: {
  legend: string;
  people: Person[];
  checked: Set<string>;
  errors?: string[];
}) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className="checkbox-group" aria-describedby={errorId}>
      <legend>{legend}</legend>
      {people.map((person) => (
        <label key={person.userId}>
          <input
            type="checkbox"
            name="apprenticeIds"
            value={person.userId}
            defaultChecked={checked.has(person.userId)}
          />
          <span>
            {person.name}
            {person.detail ? <span className="muted"> · {person.detail}</span> : null}
          </span>
        </label>
      ))}
      {errorId ? <FieldErrors id={errorId} errors={errors} /> : null}
    </fieldset>
  );
}
