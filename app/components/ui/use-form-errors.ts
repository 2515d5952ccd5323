import { useActionData, useNavigation } from "@remix-run/react";

/** What an action returns when input is refused: error keys per field and what was typed. */
export type FormFailure = {
  ok: false;
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values for the messages' placeholders, e.g. when a refused login may be tried again. */
  params?: Record<string, string | number>;
  values?: Record<string, string>;
};

export function isFormFailure(value: unknown): value is FormFailure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** Errors and typed values for one form (told apart by its `intent`, when a page has several). */
export function useFormFailure(intent?: string) {
  const data = useActionData<unknown>();
  const failure = isFormFailure(data) && (!intent || data.values?.intent === intent) ? data : undefined;
  return {
    fieldErrors: (name: string) => failure?.fieldErrors?.[name],
    formErrors: failure?.formErrors ?? [],
    params: failure?.params,
    value: (name: string) => failure?.values?.[name],
  };
}

/** True while this form's submission is on its way: buttons show it and refuse a second click. */
export function useIsSubmitting(intent?: string) {
  const navigation = useNavigation();
  if (navigation.state !== "submitting") return false;
  return intent ? navigation.formData?.get("intent") === intent : true;
}
