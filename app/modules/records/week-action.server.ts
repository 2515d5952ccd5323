import { redirect } from "@remix-run/node";
import type { Ctx } from "#app/modules/context.server.ts";
import { reviewWeek } from "./review-week.server.ts";
import { saveWeek } from "./save-week.server.ts";
import type { RecordContent } from "./types.ts";
import { mondayOfWeekKey } from "./week-dates.ts";
import { readWeekForm } from "./week-form.ts";
import { NotFoundError } from "#app/utils/errors.ts";

const KNOWN_INTENTS = ["save", "submit", "autosave", "approve", "approveNext", "return", "reopen"];

/** What the week page shows after a POST that did not lead elsewhere. */
export type WeekActionFailure = {
  ok: false;
  /** i18n key of the message above the form. */
  message: string;
  /** The field errors of the week form (i18n keys by field). */
  errors: Record<string, string>;
  /** What was typed, to show again (the week form), or null for review forms. */
  typed: { content: RecordContent; hours: Record<string, string> } | null;
  /** The review form's comment as typed. */
  comment?: string;
  intent: string;
};
export type AutosaveAnswer = { ok: true; revision: number } | WeekActionFailure;

function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * The week page's POST: the apprentice saves or submits (with the proposals they took or
 * dropped), or a trainer approves, returns or reopens. Successes redirect back to the week (or
 * to the next waiting one) with what happened in `?done=`; an autosave answers its new revision.
 */
export async function weekAction(ctx: Ctx, input: { apprenticeshipId: string; week: string; formData: FormData }) {
  const { formData } = input;
  const monday = mondayOfWeekKey(input.week);
  if (!monday) throw new NotFoundError("record");
  const intent = field(formData, "intent") || "save";
  // The proposal buttons carry no intent: they save with the proposal taken or dropped.
  if (!KNOWN_INTENTS.includes(intent)) throw new NotFoundError("intent");
  // A form without a readable revision (an old page, a forged post) counts as stale: the
  // operations check who may act first, then find that no week has revision -1.
  const parsedRevision = Number.parseInt(field(formData, "revision"), 10);
  const revision = Number.isInteger(parsedRevision) && parsedRevision >= 0 ? parsedRevision : -1;
  const here = `/records/${input.apprenticeshipId}/${input.week}`;
  const fail = (message: string, extra: Partial<WeekActionFailure> = {}): WeekActionFailure => ({
    ok: false,
    message,
    errors: {},
    typed: null,
    intent,
    ...extra,
  });
  const review = intent === "approve" || intent === "approveNext" || intent === "return" || intent === "reopen";

  if (review) {
    const comment = field(formData, "comment");
    const action = intent === "approveNext" ? "approve" : intent;
    const result = await reviewWeek(ctx, {
      apprenticeshipId: input.apprenticeshipId,
      monday,
      revision,
      action,
      comment,
    });
    if (!result.ok) {
      const messages = {
        stale: "records.review.stale",
        wrongState: "records.review.wrongState",
        imported: "records.review.imported",
        reasonMissing: "errors.records.reasonMissing",
        reasonTooLong: "errors.records.reasonTooLong",
      } as const;
      return fail(messages[result.reason], { comment });
    }
    const done = { approve: "approved", return: "returned", reopen: "reopened" }[action];
    const next = field(formData, "next");
    if (intent === "approveNext" && /^[0-9a-f-]{36}\/\d{4}-W\d{2}$/.test(next))
      return redirect(`/records/${next}?done=${done}`);
    return redirect(`${here}?done=${done}`);
  }

  // The apprentice's forms: save, submit, autosave, and the proposal buttons (which save too).
  const { content, typedHours, errors } = readWeekForm(formData);
  const typed = { content, hours: typedHours };
  const submit = intent === "submit";
  if (Object.keys(errors).length > 0) return fail("errors.records.fixBelow", { errors, typed });
  const accept = formData.get("acceptAll") !== null ? ("all" as const) : formData.getAll("accept").map(String);
  const result = await saveWeek(ctx, {
    apprenticeshipId: input.apprenticeshipId,
    monday,
    revision,
    content,
    accept,
    dismiss: formData.getAll("dismiss").map(String),
    submit,
  });
  if (!result.ok) {
    return result.reason === "stale"
      ? fail("records.stale", { typed })
      : fail(result.status === "approved" ? "records.locked.approved" : "records.locked.submitted");
  }
  if (intent === "autosave") return { ok: true as const, revision: result.revision };
  return redirect(`${here}?done=${submit ? "submitted" : "saved"}`);
}
