import { data } from "@remix-run/node";
import type { z } from "zod";
import type { FormFailure } from "#app/components/ui/use-form-errors.ts";

/** Fields whose typed value must never be sent back to the browser. */
const SECRET_FIELDS = /password/i;

/** What was typed, by field. Fields in `lists` (checkbox groups of ids) keep all values, comma-joined. */
export function formValues(formData: FormData, lists: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !SECRET_FIELDS.test(key)) values[key] = value;
  }
  for (const name of lists)
    values[name] = formData
      .getAll(name)
      .filter((v) => typeof v === "string")
      .join(",");
  return values;
}

/** A 400 answer that keeps what the user typed (except passwords) and names each bad field. */
export function formFailure(
  formData: FormData,
  errors: { fieldErrors?: FormFailure["fieldErrors"]; formErrors?: string[] },
  status = 400,
  lists: string[] = [],
) {
  return data({ ok: false as const, ...errors, values: formValues(formData, lists) } satisfies FormFailure, {
    status,
  });
}

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] };

/** Parses a form with a zod schema into data or per-field error keys. `lists`: multi-value fields. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  lists: string[] = [],
): ParseResult<z.infer<S>> {
  const input: Record<string, unknown> = Object.fromEntries(formData);
  for (const name of lists) input[name] = formData.getAll(name);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string") {
      const list = fieldErrors[field] ?? [];
      if (!list.includes(issue.message)) list.push(issue.message);
      fieldErrors[field] = list;
    } else formErrors.push(issue.message);
  }
  return { ok: false, fieldErrors, formErrors };
}
