import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { AssignmentProgressList } from "#app/components/assignments/assignment-progress-list.tsx";
import { ClassScopeFields } from "#app/components/assignments/class-scope-fields.tsx";
import { PeopleCheckboxes } from "#app/components/assignments/people-checkboxes.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field, TextAreaField } from "#app/components/ui/field.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useFormFailure, useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useLocale, useT, useTCount } from "#app/i18n/use-t.ts";
import { editAssignmentForm } from "#app/modules/assignments/assignment-form.server.ts";
import { assignmentListFields, MAX_DUE_DAYS, UpdateAssignmentSchema } from "#app/modules/assignments/schemas.ts";
import { updateAssignment } from "#app/modules/assignments/update-assignment.server.ts";
import { withdrawAssignment } from "#app/modules/assignments/withdraw-assignment.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { formatDate } from "#app/utils/format.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";
import { addDays } from "#app/modules/training/training-year.ts";

/** Where a trainer or teacher comes from and goes back to. */
function overviewPath(organization: { id: string; kind: string }) {
  return organization.kind === "school" ? `/orgs/${organization.id}/classes` : `/orgs/${organization.id}/team`;
}

export const loader = authenticated(async ({ ctx, params }) => {
  const form = await editAssignmentForm(ctx, parseId(params.assignmentId, "assignment"));
  // The organisation in the URL must be the one that gave the assignment.
  if (form.organization.id !== params.orgId) throw new NotFoundError("assignment");
  return { ...form, backTo: overviewPath(form.organization) };
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const assignmentId = parseId(params.assignmentId, "assignment");
  const formData = await readForm(request);
  if (formData.get("intent") === "withdraw") {
    const { organizationId } = await withdrawAssignment({ ctx, input: { assignmentId } });
    const kind = ctx.actor.memberships.find((m) => m.organizationId === organizationId)?.organizationKind ?? "company";
    return redirect(`${overviewPath({ id: organizationId, kind })}?withdrawn=1`);
  }
  const parsed = parseForm(UpdateAssignmentSchema, formData, assignmentListFields);
  if (!parsed.ok) return formFailure(parsed);
  const result = await updateAssignment({ ctx, input: { ...parsed.data, assignmentId } });
  if (!result.ok) return formFailure(parsed, result);
  return redirect(`/orgs/${params.orgId}/assignments/${assignmentId}?saved=1`);
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.assignment.title);

export default function EditAssignmentPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const tc = useTCount();
  const locale = useLocale();
  const [search] = useSearchParams();
  const failure = useFormFailure("update");
  const submitting = useIsSubmitting("update");
  const { assignment } = data;
  const typedIds = failure.value("apprenticeIds");
  const checked = new Set(typedIds !== undefined ? typedIds.split(",") : data.chosen);
  const wholeClass = data.classStudents !== null && data.chosen.length === data.classStudents.length;
  return (
    <>
      <PageHeader
        title={assignment.title}
        lead={t("assignments.edit.lead", {
          kind: t(`assignment.kind.${assignment.kind}`),
          course: assignment.courseTitle,
          date: formatDate(locale, assignment.dueOn),
        })}
        actions={<a href={data.backTo}>{t("assignments.edit.back")}</a>}
      />
      {search.get("created") ? (
        <Alert tone="success">{tc("assignments.edit.created", data.chosen.length)}</Alert>
      ) : null}
      {search.get("saved") ? <Alert tone="success">{t("assignments.edit.saved")}</Alert> : null}
      <Section title={t("assignments.edit.progress")} id="progress">
        <AssignmentProgressList organizationId={data.organization.id} rows={data.progress} />
      </Section>
      <Section title={t("assignments.edit.change")} id="change">
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="update" />
          <Field
            label={t("assignments.form.dueOn")}
            name="dueOn"
            type="date"
            max={addDays(data.today, MAX_DUE_DAYS)}
            required
            defaultValue={failure.value("dueOn") ?? assignment.dueOn}
            errors={failure.fieldErrors("dueOn")}
          />
          <TextAreaField
            label={t("assignments.form.note")}
            name="note"
            rows={3}
            maxLength={1000}
            defaultValue={failure.value("note") ?? assignment.note}
            errors={failure.fieldErrors("note")}
          />
          {data.classStudents ? (
            <ClassScopeFields
              students={data.classStudents}
              scope={(failure.value("scope") ?? (wholeClass ? "class" : "chosen")) === "chosen" ? "chosen" : "class"}
              checked={checked}
              errors={failure.fieldErrors("apprenticeIds")}
            />
          ) : (
            <PeopleCheckboxes
              legend={t("assignments.form.apprentices")}
              people={data.apprentices}
              checked={checked}
              errors={failure.fieldErrors("apprenticeIds")}
            />
          )}
          <Button disabled={submitting}>{t("assignments.edit.save")}</Button>
        </Form>
      </Section>
      <Section title={t("assignments.edit.withdrawTitle")} id="withdraw">
        <p>{t("assignments.edit.withdrawText")}</p>
        <details className="disclosure">
          <summary>{t("assignments.edit.withdrawOpen")}</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <Button variant="danger">{t("assignments.edit.withdraw")}</Button>
          </Form>
        </details>
      </Section>
    </>
  );
}
