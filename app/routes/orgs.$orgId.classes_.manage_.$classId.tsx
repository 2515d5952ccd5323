import { type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClassCodes, ClassLifecycle, ClassStudents, ClassTeachersForm } from "#app/components/classes/class-admin.tsx";
import { ClassForm } from "#app/components/classes/class-form.tsx";
import { CreatedInvitation } from "#app/components/invitations/created-invitation.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { createClassCode, moveStudent, removeStudent } from "#app/modules/classes/enrolment.server.ts";
import {
  archiveClass,
  promoteClass,
  setClassTeachers,
  updateClass,
} from "#app/modules/classes/manage-classes.server.ts";
import { classDetail } from "#app/modules/classes/queries.server.ts";
import {
  ClassCodeSchema,
  ClassSchema,
  ClassTeachersSchema,
  MoveStudentSchema,
  PromoteSchema,
  StudentSchema,
} from "#app/modules/classes/schemas.ts";
import { createdInvitationView } from "#app/modules/orgs/invitation-link.server.ts";
import { env } from "#app/utils/env.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

/** One class to manage: its data, teachers, students, class code, next year and archive. */
export const loader = authenticated(async ({ ctx, params }) => {
  return classDetail(ctx, parseId(params.orgId, "organization"), parseId(params.classId, "class"));
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const schoolId = parseId(params.orgId, "organization");
  const classId = parseId(params.classId, "class");
  const formData = await readForm(request);
  const here = `/orgs/${schoolId}/classes/manage/${classId}`;
  switch (formData.get("intent")) {
    case "teachers": {
      const parsed = parseForm(ClassTeachersSchema, formData, ["teacherIds"]);
      if (!parsed.ok) return formFailure(parsed);
      await setClassTeachers({ ctx, input: { schoolId, classId, teacherIds: parsed.data.teacherIds } });
      return { ok: true as const, notice: "classes.manage.teachersSaved" };
    }
    case "archive":
      await archiveClass({ ctx, input: { schoolId, classId } });
      return redirect(`/orgs/${schoolId}/classes/manage`);
    case "promote": {
      const parsed = parseForm(PromoteSchema, formData);
      if (!parsed.ok) throw new NotFoundError("class");
      const result = await promoteClass({ ctx, input: { schoolId, classId, fromYear: parsed.data.fromYear } });
      if (!result.ok) return formFailure({ values: { intent: "promote" } }, { formErrors: ["errors.class.lastYear"] });
      return { ok: true as const, notice: "classes.manage.promoted" };
    }
    case "code": {
      const parsed = parseForm(ClassCodeSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      const created = await createClassCode({ ctx, input: { schoolId, classId, validDays: parsed.data.validDays } });
      return {
        ok: true as const,
        created: await createdInvitationView(env().APP_URL, {
          code: created.code,
          label: created.className,
          role: "apprentice",
          expiresAt: created.expiresAt,
        }),
      };
    }
    case "move": {
      const parsed = parseForm(MoveStudentSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      await moveStudent({ ctx, input: { schoolId, classId, ...parsed.data } });
      return redirect(here);
    }
    case "remove": {
      const parsed = parseForm(StudentSchema, formData);
      if (!parsed.ok) throw new NotFoundError("student");
      await removeStudent({ ctx, input: { schoolId, classId, studentId: parsed.data.studentId } });
      return redirect(here);
    }
    default: {
      const parsed = parseForm(ClassSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      const result = await updateClass({ ctx, input: { ...parsed.data, schoolId, classId } });
      if (!result.ok) return formFailure(parsed, { fieldErrors: result.fieldErrors, formErrors: [] });
      return { ok: true as const, notice: "classes.manage.saved" };
    }
  }
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "classes.manage.classTitle");

export default function ManageClassPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { school, schoolClass } = view;
  const created = result && "created" in result ? result.created : null;
  const notice = result && "notice" in result ? result.notice : null;
  return (
    <>
      <PageHeader
        title={t("classes.manage.classHeading", { name: schoolClass.name })}
        lead={t("classes.manage.classLead", { school: school.name })}
      />
      <p>
        <Link to={`/orgs/${school.id}/classes/manage`}>{t("classes.manage.back")}</Link>
      </p>
      {notice ? <Alert tone="success">{t(notice)}</Alert> : null}
      {schoolClass.archived ? <Alert tone="info">{t("classes.manage.archivedNote")}</Alert> : null}
      {created ? <CreatedInvitation invitation={created} /> : null}
      {schoolClass.archived ? null : (
        <>
          <Section title={t("classes.manage.edit")} id="class-data">
            <ClassForm
              intent="update"
              occupations={view.occupations}
              initial={schoolClass}
              submitLabel={t("classes.manage.save")}
            />
          </Section>
          <Section title={t("classes.manage.teachers")} id="class-teachers">
            <ClassTeachersForm teachers={view.teachers} />
          </Section>
          {view.canInvite ? (
            <Section title={t("classes.manage.code")} id="class-code">
              <ClassCodes openCodes={view.openCodes} />
            </Section>
          ) : null}
          {view.canInvite ? (
            <Section title={t("classes.import.link")} id="class-list-import">
              <p>{t("classes.import.linkLead")}</p>
              <p>
                <Link to={`/orgs/${school.id}/classes/manage/${schoolClass.id}/import`}>
                  {t("classes.import.link")}
                </Link>
              </p>
            </Section>
          ) : null}
        </>
      )}
      <Section title={t("classes.manage.students", { count: view.students.length })} id="class-students">
        <ClassStudents students={view.students} otherClasses={view.otherClasses} archived={schoolClass.archived} />
      </Section>
      {schoolClass.archived ? null : (
        <Section title={t("classes.manage.lifecycle")} id="class-lifecycle">
          <ClassLifecycle trainingYear={schoolClass.trainingYear} name={schoolClass.name} />
        </Section>
      )}
    </>
  );
}
