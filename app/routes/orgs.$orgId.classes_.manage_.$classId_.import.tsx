import { data, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ClassListForm, ClassListReport, ImportedStudents } from "#app/components/classes/class-list-import.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { readClassListForm } from "#app/modules/classes/class-list-form.server.ts";
import { classImportPage, importClassList } from "#app/modules/classes/import-class-list.server.ts";
import { invitationLink, qrCodeDataUrl } from "#app/modules/orgs/invitation-link.server.ts";
import { env } from "#app/utils/env.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** A class list (CSV) becomes one personal invitation per student, with a sheet to print. */
export const loader = authenticated(async ({ ctx, params }) => {
  return classImportPage(ctx, parseId(params.orgId, "organization"), parseId(params.classId, "class"));
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const schoolId = parseId(params.orgId, "organization");
  const classId = parseId(params.classId, "class");
  // Rights first: nobody's upload is read for a class they may not manage.
  await classImportPage(ctx, schoolId, classId);
  const form = await readClassListForm(request);
  if (!form.ok) return data({ ok: false as const, error: form.reason, text: form.text }, { status: 400 });
  const result = await importClassList({
    ctx,
    input: { schoolId, classId, text: form.text, confirmGoodLines: form.confirm },
  });
  switch (result.status) {
    case "fileError":
      return data({ ok: false as const, error: result.reason, text: form.text }, { status: 400 });
    case "limited":
      return data({ ok: false as const, error: "classes.import.limited", text: form.text }, { status: 429 });
    case "needsConfirmation":
      return data(
        { ok: false as const, report: { good: result.good, rejected: result.rejected }, text: form.text },
        { status: 400 },
      );
    case "imported": {
      const students = await Promise.all(
        result.created.map(async (student) => {
          const link = invitationLink(env().APP_URL, student.code);
          return { ...student, link, qrCode: await qrCodeDataUrl(link) };
        }),
      );
      return { ok: true as const, ...result, students };
    }
  }
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "classes.import.title");

export default function ImportClassListPage() {
  const { school, schoolClass } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const back = `/orgs/${school.id}/classes/manage/${schoolClass.id}`;
  return (
    <>
      <PageHeader title={t("classes.import.heading", { name: schoolClass.name })} lead={school.name} />
      <p className="no-print">
        <Link to={back}>{t("classes.import.back")}</Link>
      </p>
      {result?.ok ? (
        <ImportedStudents
          className={result.className}
          expiresAt={result.expiresAt}
          students={result.students}
          skipped={result.skipped}
          sheetAction={`${back}/sheet.pdf`}
        />
      ) : (
        <>
          {result && "error" in result ? <Alert tone="error">{t(result.error)}</Alert> : null}
          {result && "report" in result ? <ClassListReport report={result.report} text={result.text} /> : null}
          <ClassListForm text={result && !result.ok ? result.text : ""} />
        </>
      )}
    </>
  );
}
