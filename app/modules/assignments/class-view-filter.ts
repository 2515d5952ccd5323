import { z } from "zod";
import { type ClassViewFilter, classStatusFilters } from "./class-view-query.ts";

/**
 * Reads the filters of the teacher's class view ("Meine Klassen") from the GET query, so the form
 * works without JavaScript and a filtered view can be bookmarked or exported as CSV. A bad value
 * is ignored rather than an error: the page still shows the classes.
 */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ClassViewFilterSchema = z.object({
  class: z.preprocess(blankToUndefined, z.union([z.literal("all"), z.uuid()]).optional()).catch(undefined),
  status: z.enum(classStatusFilters).catch("all"),
  q: z
    .string()
    .catch("")
    .transform((value) => value.trim().slice(0, 100)),
  assignment: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
}) satisfies z.ZodType<ClassViewFilter, unknown>;

export function parseClassViewFilter(params: URLSearchParams): ClassViewFilter {
  return ClassViewFilterSchema.parse({
    class: params.get("class") ?? undefined,
    status: params.get("status") ?? undefined,
    q: params.get("q") ?? undefined,
    assignment: params.get("assignment") ?? undefined,
  });
}
