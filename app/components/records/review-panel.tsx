import { Form } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { TextAreaField } from "#app/components/ui/field.tsx";
import { useT } from "#app/i18n/use-t.ts";
import type { WeekActionFailure } from "#app/modules/records/week-action.server.ts";
import type { WeekPage } from "#app/modules/records/week-page.server.ts";

/** The trainer's decisions on a submitted week (approve, return) or an approved one (reopen). */
export function ReviewPanel({ page, failure }: { page: WeekPage; failure: WeekActionFailure | null }) {
  const t = useT();
  const next = page.nextWaiting ? `${page.nextWaiting.apprenticeshipId}/${page.nextWaiting.week}` : "";
  const commentError = (intent: string) =>
    failure?.intent === intent && failure.message.startsWith("errors.") ? [failure.message] : undefined;
  if (page.can.approve) {
    return (
      <section className="record-block record-review" aria-labelledby="record-review">
        <h2 id="record-review">{t("records.review.title")}</h2>
        <p className="muted">{t("records.review.lead")}</p>
        <Form method="post" className="record-actions">
          <input type="hidden" name="revision" value={page.revision} />
          <Button name="intent" value="approve">
            {t("records.review.approve")}
          </Button>
          {next ? (
            <>
              <input type="hidden" name="next" value={next} />
              <Button name="intent" value="approveNext" variant="secondary" aria-describedby="record-next">
                {t("records.review.approveNext")}
              </Button>
            </>
          ) : null}
        </Form>
        {page.nextWaiting ? (
          <p id="record-next" className="muted">
            {t("records.review.nextWaiting", {
              name: page.nextWaiting.apprenticeName,
              week: page.nextWaiting.week.slice(6),
              year: page.nextWaiting.week.slice(0, 4),
            })}
          </p>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="revision" value={page.revision} />
          <TextAreaField
            name="comment"
            label={t("records.review.comment")}
            hint={t("records.review.commentHint")}
            rows={3}
            maxLength={1000}
            defaultValue={failure?.intent === "return" ? failure.comment : undefined}
            errors={commentError("return")}
          />
          <Button name="intent" value="return" variant="secondary">
            {t("records.review.return")}
          </Button>
        </Form>
      </section>
    );
  }
  if (page.can.reopen) {
    return (
      <details className="record-block record-reopen" open={failure?.intent === "reopen"}>
        <summary>{t("records.review.reopenTitle")}</summary>
        <p className="muted">{t("records.review.reopenHint")}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="revision" value={page.revision} />
          <TextAreaField
            name="comment"
            label={t("records.review.reason")}
            rows={2}
            maxLength={1000}
            defaultValue={failure?.intent === "reopen" ? failure.comment : undefined}
            errors={commentError("reopen")}
          />
          <Button name="intent" value="reopen" variant="danger">
            {t("records.review.reopen")}
          </Button>
        </Form>
      </details>
    );
  }
  return null;
}
