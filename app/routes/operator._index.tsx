import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { OrganizationForm } from "#app/components/operator/organization-form.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { EmptyState, PageHeader, Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { listOrganizationsForOperator, occupationChoices } from "#app/modules/operator/organizations.server.ts";
import { CreateOrganizationSchema, organizationSearch } from "#app/modules/operator/schemas.ts";
import { createOrganizationAsOperator } from "#app/modules/operator/write-organizations.server.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, request }) => {
  const q = organizationSearch(new URL(request.url).searchParams.get("q"));
  const [organizations, occupations] = await Promise.all([
    listOrganizationsForOperator(ctx, { q }),
    occupationChoices(ctx),
  ]);
  return { q, organizations, occupations };
});

export const action = authenticated(async ({ ctx, request }) => {
  const formData = await readForm(request);
  const parsed = parseForm(CreateOrganizationSchema, formData, ["occupationIds"]);
  if (!parsed.ok) return formFailure(parsed);
  const created = await createOrganizationAsOperator({ ctx, input: parsed.data });
  if (!created.ok) return formFailure(parsed, { fieldErrors: { name: ["errors.operator.duplicate"] } }, 409);
  return redirect(`/operator/orgs/${created.id}`);
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.title");

export default function OperatorPage() {
  const { q, organizations, occupations } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("operator.title")} lead={t("operator.lead")} />
      <Section title={t("operator.list")} id="organizations">
        <Form method="get" className="form operator-search" role="search">
          <Field label={t("operator.search")} name="q" type="search" defaultValue={q} />
          <Button variant="secondary">{t("operator.searchSubmit")}</Button>
        </Form>
        {organizations.length === 0 ? (
          <EmptyState>{t(q ? "operator.noMatch" : "operator.empty")}</EmptyState>
        ) : (
          <section
            className="table-region"
            aria-label={t("operator.list")}
            // Keyboard users scroll the region with the arrow keys (WCAG 2.1.1).
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable.
            tabIndex={0}
          >
            <table className="operator-table">
              <thead>
                <tr>
                  <th scope="col">{t("operator.column.name")}</th>
                  <th scope="col">{t("operator.column.kind")}</th>
                  <th scope="col">{t("operator.column.town")}</th>
                  <th scope="col">{t("operator.column.land")}</th>
                  <th scope="col">{t("operator.column.members")}</th>
                  <th scope="col">{t("operator.column.apprentices")}</th>
                  <th scope="col">{t("operator.column.classes")}</th>
                  <th scope="col">{t("operator.column.state")}</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((organization) => (
                  <tr key={organization.id}>
                    <th scope="row">
                      <Link to={`/operator/orgs/${organization.id}`}>{organization.name}</Link>
                    </th>
                    <td>{t(`operator.kind.${organization.kind}`)}</td>
                    <td>{organization.town}</td>
                    <td>{t(`operator.land.${organization.state}`)}</td>
                    <td>{organization.members}</td>
                    <td>{organization.apprentices}</td>
                    <td>{organization.kind === "company" ? "–" : organization.classes}</td>
                    <td>{t(organization.active ? "operator.state.active" : "operator.state.inactive")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </Section>
      <Section title={t("operator.new")} id="new-organization">
        <OrganizationForm occupations={occupations} submitLabel={t("operator.form.create")} />
      </Section>
    </>
  );
}
