import { useFetcher, useSubmit } from "@remix-run/react";
import { type FormEvent, type RefObject, useCallback, useEffect, useRef } from "react";

type AutosaveData = { status: "saved"; revision: number } | { status: "stale" } | { status: "finished" };

const delayMs = 1500;

/**
 * Saves the attempt form in the background a moment after the apprentice stops typing, so a lost
 * signal or a closed tab loses little. Returns the latest revision (for the form's sequence
 * check) and an onSubmit that holds a page change back until a running autosave has answered,
 * so the page change names the new revision instead of failing as stale.
 */
export function useAutosave(form: RefObject<HTMLFormElement | null>, action: string, loaderRevision: number) {
  const fetcher = useFetcher<AutosaveData>({ key: `autosave:${action}` });
  const submit = useSubmit();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const held = useRef<HTMLElement | null>(null);
  const saved = fetcher.data?.status === "saved" ? fetcher.data.revision : -1;
  const revision = Math.max(loaderRevision, saved);
  const revisionRef = useRef(revision);
  revisionRef.current = revision;
  const busy = fetcher.state !== "idle";

  const save = useCallback(() => {
    const element = form.current;
    if (!element) return;
    const data = new FormData(element);
    data.set("intent", "autosave");
    data.set("revision", String(revisionRef.current));
    fetcher.submit(data, { method: "post", action });
  }, [fetcher, form, action]);

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const schedule = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(save, delayMs);
    };
    element.addEventListener("input", schedule);
    element.addEventListener("change", schedule);
    return () => {
      clearTimeout(timer.current);
      element.removeEventListener("input", schedule);
      element.removeEventListener("change", schedule);
    };
  }, [form, save]);

  // A page change waited for the autosave: send it now, with the revision that save returned.
  useEffect(() => {
    if (busy || !held.current) return;
    const submitter = held.current;
    held.current = null;
    submit(submitter as HTMLButtonElement, { method: "post", action });
  }, [busy, submit, action]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    if (!busy) return;
    event.preventDefault();
    held.current = (event.nativeEvent as SubmitEvent).submitter ?? event.currentTarget;
  };

  return { revision, onSubmit, stale: fetcher.data?.status === "stale", finished: fetcher.data?.status === "finished" };
}
