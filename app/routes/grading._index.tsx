import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "#app/components/ui/alert.tsx";
import { EmptyState, PageHeader } from "#app/components/ui/page.tsx";
import { useLocale, useT } from "#app/i18n/use-t.ts";
import { gradingQueue } from "#app/modules/quizzes/grading-queue.server.ts";
import { formatDateTime } from "#app/utils/format.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { authenticated } from "#app/utils/route.server.ts";

export const loader = authenticated(async ({ ctx }) => ({ queue: await gradingQueue(ctx) }));

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "grading.title");

export default function GradingQueuePage() {
  const { queue } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [search] = useSearchParams();
  return (
    <>
      <PageHeader title={t("grading.title")} lead={t("grading.lead")} />
      {search.get("graded") ? <Alert tone="success">{t("grading.saved")}</Alert> : null}
      {queue.length === 0 ? (
        <EmptyState>{t("grading.empty")}</EmptyState>
      ) : (
        <ul className="item-list">
          {queue.map((item) => (
            <li key={`${item.attemptId}:${item.slot}`}>
              <div>
                <strong>{item.apprenticeName}</strong>
                <div className="muted">
                  {item.courseTitle} › {item.quizTitle} · {item.questionTitle}
                </div>
                {item.submittedAt ? (
                  <div className="muted">
                    {t("grading.submittedAt", { date: formatDateTime(locale, new Date(item.submittedAt)) })}
                  </div>
                ) : null}
              </div>
              <Link
                to={`/grading/${item.attemptId}/${item.slot}`}
                aria-label={t("grading.gradeNamed", { name: item.apprenticeName, question: item.questionTitle })}
              >
                {t("grading.grade")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
