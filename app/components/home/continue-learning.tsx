import { Link } from "@remix-run/react";
import { ProgressMeter } from "#app/components/courses/progress-meter.tsx";
import { ButtonLink } from "#app/components/ui/button.tsx";
import { Section } from "#app/components/ui/page.tsx";
import { useT } from "#app/i18n/use-t.ts";
import type { HomeData } from "#app/modules/home/home.server.ts";

/** The apprentice's next step: where they left off, or the way into the course library. */
export function ContinueLearning({ learning }: { learning: HomeData["learning"] }) {
  const t = useT();
  return (
    <Section title={t("home.continue.title")} id="continue">
      {learning ? (
        <>
          <p>
            <Link to={`/courses/${learning.courseId}`}>{learning.courseTitle}</Link>
          </p>
          <ProgressMeter percent={learning.percent} />
          <p>{t("home.continue.lesson", { lesson: learning.next.title })}</p>
          <ButtonLink to={`/lessons/${learning.next.id}`}>{t("course.continue")}</ButtonLink>
        </>
      ) : (
        <>
          <p>{t("home.continue.none")}</p>
          <ButtonLink to="/courses">{t("home.continue.browse")}</ButtonLink>
        </>
      )}
    </Section>
  );
}
