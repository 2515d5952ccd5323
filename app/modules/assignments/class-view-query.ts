/**
 * The class view's filters as plain values, and what the page and the module do with them.
 * No zod here: the page's components import this, and the browser need not load a parser for
 * it (the schema that reads the URL is in class-view-filter.ts, on the server).
 */
export const classStatusFilters = ["all", "behind", "open", "done"] as const;
export type ClassStatusFilter = (typeof classStatusFilters)[number];

export type ClassViewFilter = {
  /** Unset: the classes the actor teaches (all, if none); "all": every class of the school; else one class id. */
  class?: string | undefined;
  /** behind: has overdue work; open: has unfinished work; done: everything assigned is done. */
  status: ClassStatusFilter;
  /** Part of a student's name or company, any case. */
  q: string;
  /** Only this assignment's column. */
  assignment?: string | undefined;
};

export const defaultClassViewFilter: ClassViewFilter = {
  class: undefined,
  status: "all",
  q: "",
  assignment: undefined,
};

/** The filter as a query string (the class only if asked), e.g. for the CSV link of one class. */
export function filterQuery(filter: ClassViewFilter, options: { withClass?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.withClass && filter.class) params.set("class", filter.class);
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.q) params.set("q", filter.q);
  if (filter.assignment) params.set("assignment", filter.assignment);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Whether students or columns are filtered (the choice of classes aside). */
export function isFiltered(filter: ClassViewFilter): boolean {
  return filter.status !== "all" || filter.q !== "" || filter.assignment !== undefined;
}

export type StudentTotals = { assigned: number; done: number; overdue: number; open: number };

/** Whether a student's totals (over the shown assignments) pass the status filter. */
export function matchesStatus(totals: StudentTotals, status: ClassStatusFilter): boolean {
  if (status === "behind") return totals.overdue > 0;
  if (status === "open") return totals.open + totals.overdue > 0;
  if (status === "done") return totals.assigned > 0 && totals.done === totals.assigned;
  return true;
}

/** Case-insensitive substring of the name or of one of the companies. */
export function matchesQuery(student: { name: string; companies: string[] }, q: string): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase("de");
  return [student.name, ...student.companies].some((text) => text.toLocaleLowerCase("de").includes(needle));
}
