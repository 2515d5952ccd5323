import { type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "#app/components/ui/button.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { readLesson } from "#app/modules/courses/lesson-page.server.ts";
import { markLessonDone, markLessonOpen } from "#app/modules/courses/mark-lesson.server.ts";
import { MarkLessonSchema } from "#app/modules/courses/schemas.ts";
import { parseForm } from "#app/utils/forms.server.ts";
import { parseId } from "#app/utils/ids.ts";
import { dataTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";
import { readForm } from "#app/utils/read-form.server.ts";

export const loader = authenticated(({ ctx, params }) => readLesson(ctx, parseId(params.lessonId, "lesson")));

export const action = authenticated(async ({ ctx, params, request }) => {
  const lessonId = parseId(params.lessonId, "lesson");
  const parsed = parseForm(MarkLessonSchema, await readForm(request));
  if (!parsed.ok) throw new Response("Bad request", { status: 400 });
  if (parsed.data.intent === "open") await markLessonOpen({ ctx, input: { lessonId } });
  else await markLessonDone({ ctx, input: { lessonId } });
  // Post/redirect/get: reloading the page does not submit again.
  return redirect(`/lessons/${lessonId}`);
});

export const meta: MetaFunction<typeof loader> = ({ data }) => dataTitle(data?.title);

export default function LessonPage() {
  const lesson = useLoaderData<typeof loader>();
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  return (
    <article className="lesson">
      <nav className="breadcrumb" aria-label={t("lesson.backToCourse")}>
        <Link to={`/courses/${lesson.courseId}`}>{lesson.courseTitle}</Link> › {lesson.moduleTitle}
      </nav>
      <header className="page-header">
        <h1>{lesson.title}</h1>
        <p className="lead">
          {t("lesson.of", { number: lesson.number, total: lesson.total })} ·{" "}
          {t("lesson.readingTime", { minutes: lesson.minutes })}
        </p>
      </header>
      {/* Stored HTML of the published version, made by the allow-list renderer at publish time. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: produced only by renderLessonHtml (escaped, allow-listed nodes and URLs) */}
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      <section className="card lesson-done" aria-live="polite">
        {lesson.done ? (
          <Form method="post" className="inline-form">
            <p className="success-text">✓ {t("lesson.isDone")}</p>
            <input type="hidden" name="intent" value="open" />
            <Button variant="quiet" disabled={busy}>
              {t("lesson.markOpen")}
            </Button>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="done" />
            <Button disabled={busy}>{t("lesson.markDone")}</Button>
          </Form>
        )}
      </section>
      {lesson.lastInModule && lesson.quizId ? (
        <section className="card next-step">
          <p>{t("lesson.quizNext")}</p>
          <Link to={`/quizzes/${lesson.quizId}`}>{lesson.quizTitle}</Link>
        </section>
      ) : null}
      <nav className="lesson-pager" aria-label={t("lesson.pager")}>
        {lesson.prevId ? (
          <Link to={`/lessons/${lesson.prevId}`} rel="prev">
            <span>← {t("lesson.previous")}</span> {lesson.prevTitle}
          </Link>
        ) : (
          <span />
        )}
        {lesson.nextId ? (
          <Link to={`/lessons/${lesson.nextId}`} rel="next">
            <span>{t("lesson.next")} →</span> {lesson.nextTitle}
          </Link>
        ) : (
          <Link to={`/courses/${lesson.courseId}`}>{t("lesson.backToCourse")}</Link>
        )}
      </nav>
    </article>
  );
}
