/**
 * HTML that our own renderer produced and stored on write (renderLessonHtml: escaped text,
 * allow-listed nodes, attributes and URLs). Never pass anything else: this is the one place that
 * sets HTML directly.
 */
export function StoredHtml({ html, className, id }: { html: string; className?: string; id?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: only renderLessonHtml output reaches this component
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
