import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ClassScopeFields } from "#app/components/assignments/class-scope-fields.tsx";
import { PeopleCheckboxes } from "#app/components/assignments/people-checkboxes.tsx";
import { TargetSelect } from "#app/components/assignments/target-select.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, TextAreaField } from "#app/components/ui/field.tsx";
import { EmptyState, PageHeader } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";
import { newAssignmentForm } from "#app/modules/assignments/assignment-form.server.ts";
import { createAssignment } from "#app/modules/assignments/create-assignment.server.ts";
import { assignmentListFields, CreateAssignmentSchema, MAX_DUE_DAYS } from "#app/modules/assignments/schemas.ts";
import { addDays } from "#app/modules/training/training-year.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, params, request }) => {
  const form = await newAssignmentForm(ctx, parseId(params.orgId, "organization"));
  const search = new URL(request.url).searchParams;
  // ?class= picks the class (teachers); ?apprentice= ticks one person (from their page).
  const chosenClass = form.classes.find((c) => c.id === search.get("class")) ?? null;
  return { ...form, chosenClass, preselected: search.get("apprentice") };
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const organizationId = parseId(params.orgId, "organization");
  const formData = await readForm(request);
  const parsed = parseForm(CreateAssignmentSchema, formData, assignmentListFields);
  if (!parsed.ok) return formFailure(parsed);
  const result = await createAssignment({ ctx, input: { ...parsed.data, organizationId } });
  if (!result.ok) return formFailure(parsed, result);
  return redirect(`/orgs/${organizationId}/assignments/${result.id}?created=1`);
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assignments.new.title");

export default function NewAssignmentPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const failure = useFormFailure();
  const submitting = useIsSubmitting();
  const typedIds = failure.value("apprenticeIds");
  const checked = new Set(typedIds !== undefined ? typedIds.split(",") : data.preselected ? [data.preselected] : []);
  const needsClass = data.organization.kind === "school" && !data.chosenClass;
  return (
    <>
      <PageHeader
        title={t("assignments.new.title")}
        lead={t("assignments.new.lead", { organization: data.organization.name })}
      />
      {needsClass ? (
        <ClassPicker classes={data.classes} />
      ) : data.targets.length === 0 ? (
        <EmptyState>{t("assignments.new.noTargets")}</EmptyState>
      ) : (
        <Form method="post" className="form card" noValidate>
          {failure.formErrors.length > 0 ? (
            <Alert tone="error">{failure.formErrors.map((k) => t(k)).join(" ")}</Alert>
          ) : null}
          <input type="hidden" name="submissionId" value={failure.value("submissionId") ?? data.submissionId} />
          <TargetSelect
            targets={data.targets}
            defaultValue={failure.value("target")}
            errors={failure.fieldErrors("target")}
          />
          <Field
            label={t("assignments.form.dueOn")}
            name="dueOn"
            type="date"
            min={data.today}
            max={addDays(data.today, MAX_DUE_DAYS)}
            required
            defaultValue={failure.value("dueOn") ?? addDays(data.today, 7)}
            errors={failure.fieldErrors("dueOn")}
          />
          <TextAreaField
            label={t("assignments.form.note")}
            name="note"
            hint={t("assignments.form.noteHint")}
            rows={3}
            maxLength={1000}
            defaultValue={failure.value("note")}
            errors={failure.fieldErrors("note")}
          />
          {data.chosenClass ? (
            <>
              <input type="hidden" name="classId" value={data.chosenClass.id} />
              <p>{t("assignments.form.forClass", { name: data.chosenClass.name })}</p>
              <ClassScopeFields
                students={data.chosenClass.students}
                scope={failure.value("scope") === "chosen" ? "chosen" : "class"}
                checked={checked}
                errors={failure.fieldErrors("apprenticeIds") ?? failure.fieldErrors("classId")}
              />
            </>
          ) : data.apprentices.length === 0 ? (
            <EmptyState
              action={<Link to={`/orgs/${data.organization.id}/invitations`}>{t("assignments.new.invite")}</Link>}
            >
              {t("assignments.new.noApprentices")}
            </EmptyState>
          ) : (
            <PeopleCheckboxes
              legend={t("assignments.form.apprentices")}
              people={data.apprentices}
              checked={checked}
              errors={failure.fieldErrors("apprenticeIds")}
            />
          )}
          <Button disabled={submitting}>
            {submitting ? t("assignments.form.submitting") : t("assignments.form.submit")}
          </Button>
        </Form>
      )}
    </>
  );
}

function ClassPicker({
  classes,
}: {
  classes: { id: string; name: string; taughtByMe: boolean; students: unknown[] }[];
}) {
  const t = useT();
  if (classes.length === 0) return <EmptyState>{t("assignments.new.noClasses")}</EmptyState>;
  return (
    <section className="card" aria-labelledby="class-picker">
      <h2 id="class-picker">{t("assignments.new.pickClass")}</h2>
      <ul className="item-list">
        {classes.map((c) => (
          <li key={c.id}>
            <Link to={`?class=${c.id}`}>{c.name}</Link>
            <span className="muted">
              {t("assignments.new.classSize", { count: c.students.length })}
              {c.taughtByMe ? ` · ${t("assignments.new.taughtByMe")}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
