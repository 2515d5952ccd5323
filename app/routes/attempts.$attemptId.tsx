import { data, type MetaFunction, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import { useRef } from "react";
import { QuestionField } from "#app/components/quiz/question-field.tsx";
import { useAutosave } from "#app/components/quiz/use-autosave.ts";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button } from "#app/components/ui/button.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { saveAnswers, submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import {
  fieldName,
  matchFieldName,
  type PublicAnswer,
  type PublicQuestion,
} from "#app/modules/quizzes/public-question.ts";
import { attemptPage } from "#app/modules/quizzes/quiz-pages.server.ts";
import { AttemptFormSchema, PageParamSchema, parseIntent } from "#app/modules/quizzes/schemas.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(async ({ ctx, params, request }) => {
  const attemptId = parseId(params.attemptId, "attempt");
  const page = PageParamSchema.parse(new URL(request.url).searchParams.get("page"));
  const view = await attemptPage(ctx, attemptId, page);
  if (view.attempt.status !== "open") throw redirect(`/attempts/${attemptId}/result`);
  return view;
});

export const action = authenticated(async ({ ctx, params, request }) => {
  const attemptId = parseId(params.attemptId, "attempt");
  const form = await readForm(request);
  const parsed = AttemptFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const intent = parseIntent(parsed.data.intent);
  const input = {
    attemptId,
    revision: parsed.data.revision,
    page: parsed.data.page,
    form,
    move: intent.kind === "move" ? intent : undefined,
  };
  const result = intent.kind === "submit" ? await submitAttempt({ ctx, input }) : await saveAnswers({ ctx, input });
  if (result.status === "finished" || result.status === "submitted") {
    if (intent.kind === "autosave") return data({ status: "finished" as const }, { status: 409 });
    return redirect(`/attempts/${attemptId}/result${result.status === "finished" ? "?notice=finished" : ""}`);
  }
  if (result.status === "stale") {
    if (intent.kind === "autosave") return data({ status: "stale" as const }, { status: 409 });
    // Show the page again with what was typed, and the other tab's newer answers underneath.
    return data(
      { status: "stale" as const, posted: [...form].filter((e): e is [string, string] => typeof e[1] === "string") },
      { status: 409 },
    );
  }
  if (intent.kind === "autosave") return { status: "saved" as const, revision: result.revision };
  const target =
    intent.kind === "previous"
      ? input.page - 1
      : intent.kind === "next"
        ? input.page + 1
        : intent.kind === "page"
          ? intent.page
          : input.page;
  const anchor = intent.kind === "move" ? `#slot-${intent.slot}` : "";
  return redirect(`/attempts/${attemptId}?page=${Math.max(1, target)}${anchor}`);
});

/**
 * Autosaves change nothing the page shows; reloading it then would only cost the phone data.
 * After a stale save (409) the page must reload: it needs the current revision to save again
 * (Remix reloads then by default too; the two-tab e2e test depends on it, so it is said here).
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, actionStatus, defaultShouldRevalidate }) => {
  if (formData?.get("intent") === "autosave") return false;
  return actionStatus === 409 ? true : defaultShouldRevalidate;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.quiz.title);

function postedAnswer(question: PublicQuestion, posted: [string, string][]): PublicAnswer {
  const name = fieldName(question.slot);
  const values = (key: string) => posted.filter(([k]) => k === key).map(([, v]) => v);
  return {
    picked: values(name),
    text: values(name)[0] ?? "",
    matches: question.prompts.map((_, row) => values(matchFieldName(question.slot, row))[0] ?? ""),
  };
}

export default function AttemptPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const action = `/attempts/${view.attempt.id}?page=${view.page}`;
  const autosave = useAutosave(formRef, action, view.attempt.revision);
  const busy = navigation.state !== "idle";
  const stale = (actionData as { posted?: [string, string][] } | undefined)?.posted ?? null;
  const lastPage = view.page === view.attempt.pageCount;
  return (
    <article className="attempt">
      <nav className="breadcrumb" aria-label={t("quiz.breadcrumb")}>
        <Link to={`/quizzes/${view.quiz.id}`}>{view.quiz.title}</Link>
      </nav>
      <header className="page-header">
        <h1>{view.quiz.title}</h1>
        <p className="lead">
          {t("quiz.attemptPage", { number: view.attempt.number, page: view.page, pages: view.attempt.pageCount })} ·{" "}
          {t("quiz.answeredOf", { answered: view.answered, total: view.total })}
        </p>
      </header>
      {stale || autosave.stale ? <Alert tone="error">{t("quiz.stale")}</Alert> : null}
      {autosave.finished ? <Alert tone="error">{t("quiz.alreadyFinished")}</Alert> : null}
      <Form method="post" action={action} ref={formRef} onSubmit={autosave.onSubmit} className="attempt-form">
        {/* Enter in a text field presses the form's first button: make that "save and next", never "submit". */}
        <button type="submit" name="intent" value={lastPage ? "save" : "next"} hidden tabIndex={-1} />
        <input type="hidden" name="revision" value={autosave.revision} readOnly />
        <input type="hidden" name="page" value={view.page} />
        {view.questions.map((question) => (
          <QuestionField
            key={`${question.slot}:${view.attempt.revision}:${stale ? "posted" : "saved"}`}
            question={question}
            answer={stale ? postedAnswer(question, stale) : question.current}
          />
        ))}
        <div className="attempt-nav">
          {view.page > 1 ? (
            <Button variant="secondary" name="intent" value="previous" disabled={busy}>
              ← {t("quiz.previousPage")}
            </Button>
          ) : (
            <span />
          )}
          {lastPage ? (
            <div className="stack">
              <p>{t("quiz.submitHint", { answered: view.answered, total: view.total })}</p>
              <Button name="intent" value="submit" disabled={busy}>
                {t("quiz.submit")}
              </Button>
            </div>
          ) : (
            <Button name="intent" value="next" disabled={busy}>
              {t("quiz.nextPage")} →
            </Button>
          )}
        </div>
        {view.attempt.pageCount > 1 ? (
          <nav className="page-buttons" aria-label={t("quiz.pages")}>
            {Array.from({ length: view.attempt.pageCount }, (_, i) => i + 1).map((page) => (
              <button
                key={page}
                type="submit"
                name="intent"
                value={`page:${page}`}
                className="button button-quiet"
                aria-current={page === view.page ? "page" : undefined}
                aria-label={t("quiz.goToPage", { page })}
                disabled={busy}
              >
                {page}
              </button>
            ))}
          </nav>
        ) : null}
      </Form>
    </article>
  );
}
