import { Form, Link, useLocation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Field, SelectField } from "#app/components/ui/field.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { type ClassViewFilter, classStatusFilters, filterQuery } from "#app/modules/assignments/class-view-query.ts";
import { formatDate } from "#app/utils/format.ts";

type Props = {
  schoolId: string;
  filter: ClassViewFilter;
  taughtCount: number;
  classOptions: { id: string; name: string }[];
  assignmentOptions: { id: string; title: string; dueOn: string; className: string | null }[];
};

/** The class view's filters as a plain GET form: works without JavaScript, and a filter is a link. */
export function ClassFilter({ schoolId, filter, taughtCount, classOptions, assignmentOptions }: Props) {
  const t = useT();
  const locale = useLocale();
  const { search } = useLocation();
  const classChoices = [
    // Without own classes the default already is the whole school.
    ...(taughtCount > 0 ? [{ value: "all", label: t("classes.filter.all") }] : []),
    ...classOptions.map((c) => ({ value: c.id, label: c.name })),
  ];
  const resetTo = `/orgs/${schoolId}/classes${filter.class ? `?class=${filter.class}` : ""}`;
  const filtered = filterQuery(filter) !== "";
  return (
    // Folded on a phone until used, so the classes come first; open while a filter is active.
    <details className="disclosure class-filter-disclosure" open={filtered || Boolean(filter.class)}>
      <summary>{t("classes.filter.legend")}</summary>
      {/* A new key per URL: the uncontrolled fields show the filter after every navigation. */}
      <Form method="get" className="filter-bar class-filter" key={search}>
        <fieldset>
          <SelectField
            label={t("classes.filter.class")}
            name="class"
            id="class-filter-class"
            placeholder={taughtCount > 0 ? t("classes.filter.mine") : t("classes.filter.all")}
            options={classChoices}
            defaultValue={filter.class ?? ""}
          />
          <SelectField
            label={t("classes.filter.status")}
            name="status"
            id="class-filter-status"
            options={classStatusFilters.map((value) => ({ value, label: t(`classes.filter.status.${value}`) }))}
            defaultValue={filter.status}
          />
          <Field
            label={t("classes.filter.q")}
            hint={t("classes.filter.qHint")}
            name="q"
            id="class-filter-q"
            type="search"
            maxLength={100}
            autoComplete="off"
            defaultValue={filter.q}
          />
          {assignmentOptions.length > 0 ? (
            <SelectField
              label={t("classes.filter.assignment")}
              name="assignment"
              id="class-filter-assignment"
              placeholder={t("classes.filter.anyAssignment")}
              options={assignmentOptions.map((a) => ({
                value: a.id,
                label: t("classes.filter.assignmentOption", {
                  title: a.title,
                  date: formatDate(locale, a.dueOn),
                  className: a.className ?? "",
                }),
              }))}
              defaultValue={filter.assignment ?? ""}
            />
          ) : null}
          <div className="filter-actions">
            <Button variant="secondary">{t("classes.filter.submit")}</Button>
            {filtered ? <Link to={resetTo}>{t("classes.filter.reset")}</Link> : null}
          </div>
        </fieldset>
      </Form>
    </details>
  );
}
