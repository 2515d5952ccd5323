import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClassFilter } from "#app/components/classes/class-filter.tsx";
import { ClassSection } from "#app/components/classes/class-section.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, PageHeader } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { parseClassViewFilter } from "#app/modules/assignments/class-view-filter.ts";
import { classView } from "#app/modules/assignments/class-view.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

/** "Meine Klassen": the teacher's classes, students × assignments, filtered by the GET query. */
export const loader = authenticated(async ({ ctx, params, request }) => {
  const schoolId = parseId(params.orgId, "organization");
  return classView(ctx, schoolId, parseClassViewFilter(new URL(request.url).searchParams));
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "classes.title");

export default function ClassesPage() {
  const view = useLoaderData<typeof loader>();
  const t = useT();
  const schoolId = view.school.id;
  return (
    <>
      <PageHeader
        title={t("classes.title")}
        lead={t("classes.lead", { school: view.school.name })}
        actions={
          view.canManageClasses ? (
            <ButtonLink variant="secondary" to={`/orgs/${schoolId}/classes/manage`}>
              {t("classes.manageLink")}
            </ButtonLink>
          ) : null
        }
      />
      {view.classOptions.length === 0 ? (
        <EmptyState>{t(view.canManageClasses ? "classes.emptyManage" : "classes.empty")}</EmptyState>
      ) : (
        <>
          {view.taughtCount === 0 && view.scope === "all" ? <p className="muted">{t("classes.noneTaught")}</p> : null}
          <ClassFilter
            schoolId={schoolId}
            filter={view.filter}
            taughtCount={view.taughtCount}
            classOptions={view.classOptions}
            assignmentOptions={view.assignmentOptions}
          />
          {view.classes.map((schoolClass) => (
            <ClassSection
              key={schoolClass.id}
              schoolId={schoolId}
              schoolClass={schoolClass}
              canManage={view.canManage}
              filter={view.filter}
            />
          ))}
          <p className="muted">{t("classes.olderHidden")}</p>
        </>
      )}
    </>
  );
}
