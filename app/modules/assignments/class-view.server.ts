import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { selectRows } from "#db/rows.server.ts";
import { assignments, classTeachers, occupations, schoolClasses } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import { can, requirePermission } from "#app/modules/permissions/permissions.ts";
import { todayInGermany } from "#app/modules/training/training-year.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { assignmentSummaries, stillCurrent } from "./assignment-summaries.server.ts";
import { buildClassCsv, classCsvFileName } from "./class-csv.ts";
import { type ClassViewFilter, matchesQuery, matchesStatus, type StudentTotals } from "./class-view-query.ts";
import { type RecipientProgress, recipientProgress } from "./recipient-progress.server.ts";
import { type AssignmentStatus, deriveStatus } from "./status.ts";

/** One student's work on one assignment; null in the matrix when it was not given to them. */
export type ClassCell = {
  status: AssignmentStatus;
  itemsDone: number;
  itemsTotal: number;
  scorePercent: number | null;
  pendingGrading: boolean;
};

export type ClassColumn = {
  id: string;
  kind: "course" | "module" | "lesson" | "quiz";
  title: string;
  courseTitle: string;
  dueOn: string;
  /** Among the class's students: how many got it, finished it, are late with it. */
  recipients: number;
  done: number;
  overdue: number;
};

export type ClassStudent = {
  userId: string;
  name: string;
  /** Where the student trains; usually one company, none if nothing is recorded. */
  companies: string[];
  /** Aligned with the class's `columns`. */
  cells: (ClassCell | null)[];
  totals: StudentTotals;
};

type StudentRow = {
  classId: string;
  userId: string;
  name: string;
  companyId: string | null;
  companyName: string | null;
};

const collator = new Intl.Collator("de", { sensitivity: "base" });

/**
 * "Meine Klassen": per class the students (from whichever companies) × the class's assignments,
 * with status, progress and score per cell and totals per student. Which classes: the ones the
 * actor teaches at the school, or every class if they teach none there (a school admin), or
 * the one or all picked by the filter.
 *
 * Four SQL statements whatever the number of classes, students, assignments or attempts (one
 * when the school has no class to show): the school's classes; the shown classes' students
 * with their companies; the classes' assignments; the progress of all their recipients.
 * The filters on students and columns then work on those rows.
 */
export async function classView(ctx: Ctx, schoolId: string, filter: ClassViewFilter) {
  requirePermission(ctx.actor, "classes.view", schoolId);
  const school = ctx.actor.memberships.find((m) => m.organizationId === schoolId);
  const allClasses = await ctx.db
    .select({
      id: schoolClasses.id,
      name: schoolClasses.name,
      trainingYear: schoolClasses.trainingYear,
      occupationName: occupations.name,
      taught: sql<boolean>`exists (select 1 from ${classTeachers} where ${classTeachers.classId} = ${schoolClasses.id} and ${classTeachers.teacherId} = ${ctx.actor.id})`,
    })
    .from(schoolClasses)
    .leftJoin(occupations, eq(occupations.id, schoolClasses.occupationId))
    // An archived class is kept with its history but shown nowhere.
    .where(and(eq(schoolClasses.schoolId, schoolId), isNull(schoolClasses.archivedAt)))
    .orderBy(asc(schoolClasses.name));
  allClasses.sort((a, b) => collator.compare(a.name, b.name));

  const taughtCount = allClasses.filter((c) => c.taught).length;
  let shown = allClasses;
  if (filter.class && filter.class !== "all") {
    shown = allClasses.filter((c) => c.id === filter.class);
    if (shown.length === 0) throw new NotFoundError("class");
  } else if (!filter.class && taughtCount > 0) {
    shown = allClasses.filter((c) => c.taught);
  }
  const scope: "mine" | "all" | "one" =
    filter.class === "all" || (!filter.class && taughtCount === 0) ? "all" : filter.class ? "one" : "mine";

  const base = {
    school: { id: schoolId, name: school?.organizationName ?? "" },
    canManage: can(ctx.actor, "assignments.manage", schoolId),
    canManageClasses: can(ctx.actor, "classes.manage", schoolId),
    classOptions: allClasses.map((c) => ({ id: c.id, name: c.name })),
    taughtCount,
    scope,
  };
  if (shown.length === 0) {
    return { ...base, filter: { ...filter, assignment: undefined }, assignmentOptions: [], classes: [] };
  }

  const today = todayInGermany(ctx.now);
  const classIds = shown.map((c) => c.id);
  const [studentRows, summaries, progress] = await Promise.all([
    // A student's companies: those of their apprenticeships and those they belong to as an
    // apprentice (usually one and the same). One row per student and company.
    selectRows<StudentRow>(
      ctx.db,
      sql`select ce.class_id as "classId", u.id as "userId", u.name, co.id as "companyId", co.name as "companyName"
        from class_enrollments ce
        join users u on u.id = ce.apprentice_id
        left join lateral (
          select o.id, o.name from apprenticeships ap join organizations o on o.id = ap.company_id
          where ap.apprentice_id = u.id
          union
          select o.id, o.name from memberships m join organizations o on o.id = m.organization_id
          where m.user_id = u.id and m.role = 'apprentice' and o.kind = 'company'
        ) co on true
        where ${inArray(sql`ce.class_id`, classIds)}`,
    ),
    assignmentSummaries(
      ctx.db,
      and(
        inArray(assignments.classId, classIds),
        eq(assignments.organizationId, schoolId),
        stillCurrent(assignments, today),
      ) ?? sql`false`,
    ),
    recipientProgress(
      ctx.db,
      sql`${inArray(sql`a.class_id`, classIds)} and a.organization_id = ${schoolId}
        and ${stillCurrent({ id: sql`a.id`, dueOn: sql`a.due_on` }, today)}`,
    ),
  ]);

  const progressByKey = new Map(progress.map((p) => [`${p.assignmentId}:${p.apprenticeId}`, p]));
  // The assignment filter narrows the view to the class that has it; an unknown one is ignored.
  const picked = summaries.find((s) => s.id === filter.assignment);
  const effectiveFilter = { ...filter, assignment: picked?.id };
  const classes = shown
    .filter((c) => !picked || picked.classId === c.id)
    .map((schoolClass) => {
      const columns = summaries.filter((s) => s.classId === schoolClass.id && (!picked || s.id === picked.id));
      const students = studentsOf(studentRows, schoolClass.id).map((student) => {
        const cells = columns.map((column) =>
          cellOf(progressByKey.get(`${column.id}:${student.userId}`), column, today),
        );
        return { ...student, cells, totals: totalsOf(cells) };
      });
      const companyIds = new Set(studentRows.filter((r) => r.classId === schoolClass.id).map((r) => r.companyId));
      companyIds.delete(null);
      const visible = students.filter(
        (s) => matchesStatus(s.totals, effectiveFilter.status) && matchesQuery(s, effectiveFilter.q),
      );
      return {
        id: schoolClass.id,
        name: schoolClass.name,
        trainingYear: schoolClass.trainingYear,
        occupationName: schoolClass.occupationName,
        taught: schoolClass.taught,
        studentCount: students.length,
        companyCount: companyIds.size,
        studentsBehind: students.filter((s) => s.totals.overdue > 0).length,
        assignmentCount: summaries.filter((s) => s.classId === schoolClass.id).length,
        columns: columns.map((column, index): ClassColumn => {
          const cells = students.map((s) => s.cells[index]).filter((cell) => cell != null);
          return {
            id: column.id,
            kind: column.kind,
            title: column.title,
            courseTitle: column.courseTitle,
            dueOn: column.dueOn,
            recipients: cells.length,
            done: cells.filter((cell) => cell.status === "done").length,
            overdue: cells.filter((cell) => cell.status === "overdue").length,
          };
        }),
        students: visible,
      };
    });
  return {
    ...base,
    filter: effectiveFilter,
    assignmentOptions: summaries.map((s) => ({ id: s.id, title: s.title, dueOn: s.dueOn, className: s.className })),
    classes,
  };
}
export type ClassViewData = Awaited<ReturnType<typeof classView>>;
export type ClassMatrix = ClassViewData["classes"][number];

function studentsOf(rows: StudentRow[], classId: string): Omit<ClassStudent, "cells" | "totals">[] {
  const byId = new Map<string, Omit<ClassStudent, "cells" | "totals">>();
  for (const row of rows) {
    if (row.classId !== classId) continue;
    let student = byId.get(row.userId);
    if (!student) {
      student = { userId: row.userId, name: row.name, companies: [] };
      byId.set(row.userId, student);
    }
    if (row.companyName && !student.companies.includes(row.companyName)) student.companies.push(row.companyName);
  }
  const students = [...byId.values()];
  for (const student of students) student.companies.sort(collator.compare);
  return students.sort((a, b) => collator.compare(a.name, b.name));
}

function cellOf(progress: RecipientProgress | undefined, column: { dueOn: string }, today: string): ClassCell | null {
  if (!progress) return null;
  return {
    status: deriveStatus(progress, column.dueOn, today),
    itemsDone: progress.itemsDone,
    itemsTotal: progress.itemsTotal,
    scorePercent: progress.scorePercent,
    pendingGrading: progress.pendingGrading,
  };
}

function totalsOf(cells: (ClassCell | null)[]): StudentTotals {
  const totals = { assigned: 0, done: 0, overdue: 0, open: 0 };
  for (const cell of cells) {
    if (!cell) continue;
    totals.assigned += 1;
    if (cell.status === "done") totals.done += 1;
    else if (cell.status === "overdue") totals.overdue += 1;
    else totals.open += 1;
  }
  return totals;
}

/**
 * The CSV of one class of the view (with the view's filters), for German Excel: the same four
 * statements as the class view. A class of another school is "not found".
 */
export async function classCsvExport(ctx: Ctx, schoolId: string, classId: string, filter: ClassViewFilter) {
  const view = await classView(ctx, schoolId, { ...filter, class: classId });
  // With one class shown, an assignment filter of another class is ignored, so the class is there.
  const matrix = view.classes[0];
  if (!matrix) throw new NotFoundError("class");
  return { csv: buildClassCsv(matrix), fileName: classCsvFileName(matrix.name, todayInGermany(ctx.now)) };
}
