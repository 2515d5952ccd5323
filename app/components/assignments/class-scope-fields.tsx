import { useId } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { PeopleCheckboxes } from "./people-checkboxes.tsx";

type Person = { userId: string; name: string; detail: string | null };

/**
 * A teacher gives work to the whole class or to chosen students of it. Without JavaScript both
 * parts are visible; the radio decides which one counts.
 */
export function ClassScopeFields({
  students,
  scope,
  checked,
  errors,
}: {
  students: Person[];
  scope: "class" | "chosen";
  checked: Set<string>;
  errors?: string[];
}) {
  const t = useT();
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend>{t("assignments.form.scope")}</legend>
      <label className="radio">
        <input type="radio" name="scope" value="class" defaultChecked={scope === "class"} id={`${name}-class`} />
        {t("assignments.form.scopeClass", { count: students.length })}
      </label>
      <label className="radio">
        <input type="radio" name="scope" value="chosen" defaultChecked={scope === "chosen"} id={`${name}-chosen`} />
        {t("assignments.form.scopeChosen")}
      </label>
      <PeopleCheckboxes legend={t("assignments.form.students")} people={students} checked={checked} errors={errors} />
    </fieldset>
  );
}
