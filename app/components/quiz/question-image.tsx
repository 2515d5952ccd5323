/** A question's picture, sized so the page does not jump while it loads on a slow connection. */
export function QuestionImage({
  src,
  alt,
  width,
  height,
}: {
  src: string | null;
  alt: string | null;
  width: number | null;
  height: number | null;
}) {
  if (!src) return null;
  return (
    <img
      className="question-image"
      src={src}
      alt={alt ?? ""}
      width={width ?? undefined}
      height={height ?? undefined}
      loading="lazy"
    />
  );
}
