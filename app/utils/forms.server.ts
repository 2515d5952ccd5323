import { data } from "@remix-run/node";
import { z } from "zod";
import type { FormFailure } from "#app/components/ui/use-form-errors.ts";

/** Fields whose typed value must never be sent back to the browser. */
const SECRET_FIELDS = /password/i;
/** Tells apart the forms of one page (useFormFailure(intent)); echoed with every form. */
const FORM_IDENTITY = "intent";

/**
 * The field names a form schema reads: the keys of its object, through the wrappers zod adds
 * (refinements keep the object; transforms and preprocessing make pipes; unions list options).
 */
export function fieldNamesOf(schema: z.ZodType): Set<string> {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  if (schema instanceof z.ZodPipe) {
    // Transforms follow the object, preprocessing comes before it: look at both ends.
    return new Set([...fieldNamesOf(schema.in as z.ZodType), ...fieldNamesOf(schema.out as z.ZodType)]);
  }
  if (schema instanceof z.ZodUnion)
    return new Set(schema.options.flatMap((option) => [...fieldNamesOf(option as z.ZodType)]));
  if (schema instanceof z.ZodIntersection) {
    const { left, right } = schema._zod.def;
    return new Set([...fieldNamesOf(left as z.ZodType), ...fieldNamesOf(right as z.ZodType)]);
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    return fieldNamesOf(schema.unwrap() as z.ZodType);
  }
  return new Set();
}

/**
 * What was typed into the form's own fields, to show it again: only the schema's fields (a body
 * can carry anything else, which is never echoed) and never a password. Fields in `lists`
 * (checkbox groups of ids) keep all values, comma-joined.
 */
function typedValues(fields: Set<string>, formData: FormData, lists: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of [...fields, FORM_IDENTITY]) {
    if (SECRET_FIELDS.test(name)) continue;
    const all = formData.getAll(name).filter((value) => typeof value === "string");
    if (all.length === 0) continue;
    values[name] = lists.includes(name) ? all.join(",") : (all[0] ?? "");
  }
  return values;
}

type Errors = { fieldErrors?: FormFailure["fieldErrors"]; formErrors?: string[]; params?: FormFailure["params"] };

/**
 * A 400 (or `status`) answer that keeps what the user typed into the form's own fields and names
 * each bad field. `form` is the result of parseForm: its errors are used unless `errors` is given
 * (a refusal after the input was valid, e.g. a wrong password). `headers`: e.g. Retry-After.
 */
export function formFailure(
  form: { values: Record<string, string> } & Errors,
  errors: Errors = form,
  status = 400,
  headers?: HeadersInit,
) {
  const { fieldErrors, formErrors, params } = errors;
  return data({ ok: false as const, fieldErrors, formErrors, params, values: form.values } satisfies FormFailure, {
    status,
    headers,
  });
}

export type ParseResult<T> = { values: Record<string, string> } & (
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] }
);

/** Parses a form with a zod schema into data or per-field error keys. `lists`: multi-value fields. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  lists: string[] = [],
): ParseResult<z.infer<S>> {
  const values = typedValues(fieldNamesOf(schema), formData, lists);
  const input: Record<string, unknown> = Object.fromEntries(formData);
  for (const name of lists) input[name] = formData.getAll(name);
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
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
  return { ok: false, fieldErrors, formErrors, values };
}
