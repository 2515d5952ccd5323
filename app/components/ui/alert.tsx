import type { ReactNode } from "react";

/**
 * A message for the whole form or page. role="alert" makes screen readers announce errors
 * as soon as they appear; success notes are polite status messages.
 */
export function Alert({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`alert alert-${tone}`}>
      {children}
    </div>
  );
}
