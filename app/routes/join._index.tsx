import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { Field } from "#app/components/ui/field.tsx";
import { PageHeader } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { normalizeInvitationCode } from "#app/modules/orgs/invitation-code.server.ts";
import { pageTitle } from "#app/utils/meta.ts";

// A GET form: typing the code from paper leads to the same page as the link would.
export function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code?.trim()) throw redirect(`/join/${encodeURIComponent(normalizeInvitationCode(code))}`);
  return null;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "join.enterTitle");

export default function EnterCodePage() {
  const t = useT();
  return (
    <div className="narrow">
      <PageHeader title={t("join.enterTitle")} lead={t("join.enterLead")} />
      <Form method="get" className="card form">
        <Field
          label={t("join.code")}
          name="code"
          hint={t("join.codeHint")}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <Button>{t("join.continue")}</Button>
      </Form>
    </div>
  );
}
