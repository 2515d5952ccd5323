import { Link } from "@remix-run/react";
import { useT, useTCount } from "#app/i18n/use-t.ts";
import { ProgressMeter } from "./progress-meter.tsx";

export type CourseCardData = {
  id: string;
  title: string;
  summary: string;
  coverImage: string | null;
  occupations: string[];
  trainingYears: number[];
  ownerName: string | null;
  lessonCount: number;
  minutes: number;
  percentDone: number;
};

export function CourseCard({
  course,
  occupationNames,
}: {
  course: CourseCardData;
  occupationNames: Record<string, string>;
}) {
  const t = useT();
  const tCount = useTCount();
  const trades = course.occupations.includes("all")
    ? t("courses.forAllTrades")
    : course.occupations.map((code) => occupationNames[code] ?? code).join(", ");
  return (
    <li className="course-card">
      {/* Decoration: the title says what the course is. Library covers are 16:9 drawings. */}
      {course.coverImage ? (
        <img
          className="course-cover"
          src={course.coverImage}
          alt=""
          width={640}
          height={360}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      <h2>
        <Link to={`/courses/${course.id}`}>{course.title}</Link>
      </h2>
      <p className="course-meta">
        {course.ownerName ? t("courses.ownedBy", { organization: course.ownerName }) : t("courses.library")} · {trades}{" "}
        · {t("courses.years", { years: course.trainingYears.join(", ") })}
      </p>
      <p>{course.summary}</p>
      <p className="course-meta">
        {tCount("courses.lessons", course.lessonCount)} · {t("courses.minutes", { minutes: course.minutes })}
      </p>
      {course.percentDone > 0 ? <ProgressMeter percent={course.percentDone} /> : null}
    </li>
  );
}
