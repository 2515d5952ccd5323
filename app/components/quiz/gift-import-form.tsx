import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { useIsSubmitting } from "#app/components/ui/use-form-errors.ts";
import { useT } from "#app/i18n/use-t.ts";

/** Upload a GIFT file (e.g. exported from Moodle) or paste its text; works without JavaScript. */
export function GiftImportForm() {
  const t = useT();
  const submitting = useIsSubmitting();
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      <p className="field-hint">{t("editQuiz.importHint")}</p>
      <div className="field">
        <label htmlFor="gift-file" className="field-label">
          {t("editQuiz.giftFile")}
        </label>
        <input id="gift-file" type="file" name="giftFile" accept=".gift,.txt,text/plain" className="input" />
      </div>
      <div className="field">
        <label htmlFor="gift-text" className="field-label">
          {t("editQuiz.giftText")}
        </label>
        <textarea id="gift-text" name="giftText" rows={6} className="input markdown-input" spellCheck={false} />
      </div>
      <Button variant="secondary" disabled={submitting}>
        {t("editQuiz.import")}
      </Button>
    </Form>
  );
}
