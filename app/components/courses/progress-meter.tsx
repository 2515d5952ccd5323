import { useT } from "#app/i18n/use-t.ts";

/** A native <progress>: announced by screen readers, drawn without JavaScript. */
export function ProgressMeter({ percent, label }: { percent: number; label?: string }) {
  const t = useT();
  return (
    <div className="progress-meter">
      <progress max={100} value={percent} aria-label={label ?? t("courses.progressLabel")}>
        {percent} %
      </progress>
      <span>{t("courses.progress", { percent })}</span>
    </div>
  );
}
