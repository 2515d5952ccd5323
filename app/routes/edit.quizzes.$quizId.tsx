import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AnswerKey } from "#app/components/quiz/answer-key.tsx";
import { GiftImportForm } from "#app/components/quiz/gift-import-form.tsx";
import { QuestionImage } from "#app/components/quiz/question-image.tsx";
import { QuizSettingsForm } from "#app/components/quiz/quiz-settings-form.tsx";
import { Alert } from "#app/components/ui/alert.tsx";
import { Button, ButtonLink } from "#app/components/ui/button.tsx";
import { EmptyState, PageHeader, Section } from "#app/components/ui/page.tsx";
import { StoredHtml } from "#app/components/ui/stored-html.tsx";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import {
  type GiftImportReport,
  importGiftIntoQuiz,
  maxGiftBytes,
} from "#app/modules/quizzes/authoring/import-gift.server.ts";
import { requireManagedQuiz } from "#app/modules/quizzes/authoring/load-managed-quiz.server.ts";
import { quizForEditing } from "#app/modules/quizzes/authoring/quiz-for-editing.server.ts";
import { setQuestionArchived, updateQuizSettings } from "#app/modules/quizzes/authoring/quiz-writes.server.ts";
import { QuizEditIntentSchema, QuizSettingsSchema } from "#app/modules/quizzes/schemas.ts";
import { formFailure, parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm, readUploadForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(({ ctx, params }) => quizForEditing(ctx, parseId(params.quizId, "quiz")));

/** The GIFT text from the upload or the text box; null when the file is not UTF-8 text. */
async function giftSource(formData: FormData): Promise<string | null> {
  const file = formData.get("giftFile");
  if (file instanceof Blob && file.size > 0) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return null;
    }
  }
  return String(formData.get("giftText") ?? "");
}

export const action = authenticated(async ({ ctx, params, request }) => {
  const quizId = parseId(params.quizId, "quiz");
  const back = redirect(`/edit/quizzes/${quizId}`);
  if (request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    // Rights first, before the body is read.
    await requireManagedQuiz(ctx, quizId);
    const upload = await readUploadForm(request, maxGiftBytes);
    if (!upload.ok)
      return { ok: false as const, giftError: upload.status === 413 ? "errors.gift.tooLarge" : "errors.http.400" };
    const source = await giftSource(upload.formData);
    if (source === null) return { ok: false as const, giftError: "errors.gift.encoding" };
    if (source.trim() === "") return { ok: false as const, giftError: "errors.gift.empty" };
    const report = await importGiftIntoQuiz({ ctx, input: { quizId, source } });
    return { ok: true as const, report };
  }
  const formData = await readForm(request);
  const asked = QuizEditIntentSchema.safeParse({ intent: formData.get("intent") });
  if (!asked.success) throw new Response("Unknown intent", { status: 400 });
  const [intent, target] = asked.data.intent;
  switch (intent) {
    case "settings": {
      const parsed = parseForm(QuizSettingsSchema, formData);
      if (!parsed.ok) return formFailure(parsed);
      await updateQuizSettings({ ctx, input: { quizId, settings: parsed.data } });
      return redirect(`/edit/quizzes/${quizId}?saved=settings`);
    }
    case "archiveQuestion":
    case "restoreQuestion":
      await setQuestionArchived({
        ctx,
        input: { quizId, questionId: parseId(target, "question"), archived: intent === "archiveQuestion" },
      });
      return back;
    default:
      throw new Response("Unknown intent", { status: 400 });
  }
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.quiz.title);

export default function EditQuizPage() {
  const { quiz, questions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const tc = useTCount();
  const gift = result as { giftError?: string; report?: GiftImportReport } | undefined;
  return (
    <>
      <PageHeader
        title={quiz.title}
        lead={`${quiz.courseTitle} › ${quiz.moduleTitle}`}
        actions={
          <>
            <ButtonLink variant="secondary" to={`/edit/courses/${quiz.courseId}`}>
              {t("editQuiz.backToCourse")}
            </ButtonLink>
            <ButtonLink variant="secondary" to={`/quizzes/${quiz.id}`}>
              {t("editQuiz.preview")}
            </ButtonLink>
          </>
        }
      />
      <Section title={t("editQuiz.questions")}>
        {questions.length === 0 ? (
          <EmptyState>{t("editQuiz.noQuestions")}</EmptyState>
        ) : (
          <ol className="lesson-editor-list">
            {questions.map((question) => (
              <li key={question.id} className={question.archived ? "is-archived" : undefined}>
                <span>
                  <strong>{question.title}</strong>{" "}
                  <span className="lesson-meta">
                    {t(`quizType.${question.type}`)}
                    {question.type !== "description" ? ` · ${tc("quiz.points", question.points)}` : ""}
                    {question.archived ? ` · ${t("editCourse.archived")}` : ""}
                  </span>
                </span>
                <details className="question-preview">
                  <summary>{t("editQuiz.showQuestion", { title: question.title })}</summary>
                  <StoredHtml className="lesson-body" html={question.promptHtml} />
                  <QuestionImage
                    src={question.image}
                    alt={question.imageAlt}
                    width={question.imageWidth}
                    height={question.imageHeight}
                  />
                  <AnswerKey config={question.config} />
                  {question.generalFeedbackHtml ? (
                    <StoredHtml className="feedback lesson-body" html={question.generalFeedbackHtml} />
                  ) : null}
                </details>
                <Form method="post" className="inline-action">
                  <input
                    type="hidden"
                    name="intent"
                    value={`${question.archived ? "restoreQuestion" : "archiveQuestion"}:${question.id}`}
                  />
                  <Button
                    variant="quiet"
                    aria-label={t(question.archived ? "editQuiz.restoreNamed" : "editQuiz.archiveNamed", {
                      title: question.title,
                    })}
                  >
                    {t(question.archived ? "editQuiz.restore" : "editQuiz.archive")}
                  </Button>
                </Form>
              </li>
            ))}
          </ol>
        )}
        <p>
          <Link to={`/quizzes/${quiz.id}/gift`} reloadDocument>
            {t("editQuiz.export")}
          </Link>
        </p>
      </Section>
      <Section title={t("editQuiz.importTitle")}>
        {gift?.giftError ? <Alert tone="error">{t(gift.giftError)}</Alert> : null}
        {gift?.report ? <GiftReport report={gift.report} /> : null}
        <GiftImportForm />
      </Section>
      <Section title={t("editQuiz.settings")}>
        <QuizSettingsForm quiz={quiz} />
      </Section>
    </>
  );
}

function GiftReport({ report }: { report: GiftImportReport }) {
  const t = useT();
  const tc = useTCount();
  return (
    <div className="stack" aria-live="polite">
      <Alert tone={report.rejected.length > 0 ? "error" : "success"}>
        {tc("editQuiz.imported", report.imported.length)}
        {report.rejected.length > 0 ? ` ${tc("editQuiz.rejected", report.rejected.length)}` : ""}
      </Alert>
      {report.imported.length > 0 ? (
        <ul className="plain-list">
          {report.imported.map((item) => (
            <li key={`${item.line}:${item.title}`}>
              {t("editQuiz.line", { line: item.line })}: {item.title}{" "}
              <span className="muted">({t(`quizType.${item.type}`)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <LineList title={t("editQuiz.rejectedTitle")} items={report.rejected} />
      <LineList title={t("editQuiz.warningsTitle")} items={report.warnings} />
    </div>
  );
}

/** Problems of an import, each with the line of the file it is on. */
function LineList({ title, items }: { title: string; items: { line: number; message: string }[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={`${item.line}:${item.message}`}>
            {t("editQuiz.line", { line: item.line })}: {item.message}
          </li>
        ))}
      </ul>
    </>
  );
}
