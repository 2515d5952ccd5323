import { randomUUID } from "node:crypto";
import type { Database } from "#db/client.server.ts";
import { createAssignment } from "#app/modules/assignments/create-assignment.server.ts";
import type { AssignmentKind } from "#app/modules/assignments/schemas.ts";
import { ctxFor } from "./index.ts";

/** Gives an assignment through the real operation, due in `days` days (negative: overdue). */
export async function assign(
  db: Database,
  options: {
    by: string;
    organizationId: string;
    target: { kind: AssignmentKind; id: string };
    apprenticeIds?: string[];
    classId?: string;
    dueOn?: string;
    note?: string;
    now?: Date;
  },
) {
  const ctx = await ctxFor(db, options.by, options.now);
  const result = await createAssignment({
    ctx,
    input: {
      organizationId: options.organizationId,
      submissionId: randomUUID(),
      target: options.target,
      dueOn: options.dueOn ?? new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      note: options.note ?? "",
      apprenticeIds: options.apprenticeIds ?? [],
      classId: options.classId,
      scope: options.apprenticeIds && options.classId ? "chosen" : "class",
    },
  });
  if (!result.ok) throw new Error(`assignment refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.id;
}
