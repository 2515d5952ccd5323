import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { invitations, organizations } from "#db/schema/index.ts";
import type { Ctx } from "#app/modules/context.server.ts";
import {
  formatInvitationCode,
  hashInvitationCode,
  isWellFormedInvitationCode,
} from "#app/modules/orgs/invitation-code.server.ts";
import { invitationLink } from "#app/modules/orgs/invitation-link.server.ts";
import { requirePermission } from "#app/modules/permissions/permissions.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { maxClassListLines } from "./class-list-csv.ts";
import { type ClassSheet, renderClassSheet } from "./class-sheet-pdf.server.ts";
import { loadSchoolClass } from "./load-class.server.ts";

/**
 * The printable sheet of codes just created by an import. The codes come back from the page
 * (only their hashes are stored); each must be an open personal invitation of THIS class of this
 * school, or there is no sheet at all: nobody prints codes of another class or made-up ones.
 * The names are taken from the invitations, never from the form.
 */
export async function classSheetPdf({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { schoolId: string; classId: string; codes: string[]; appUrl: string };
}): Promise<{ pdf: Buffer; fileName: string }> {
  requirePermission(ctx.actor, "classes.manage", input.schoolId);
  requirePermission(ctx.actor, "invitations.manage", input.schoolId);
  const schoolClass = await loadSchoolClass(ctx.db, input.schoolId, input.classId);
  const codes = [...new Set(input.codes.map(formatInvitationCode))];
  if (codes.length === 0 || codes.length > maxClassListLines || !input.codes.every(isWellFormedInvitationCode)) {
    throw new NotFoundError("invitation");
  }
  const byHash = new Map(codes.map((code) => [hashInvitationCode(code), code]));
  const rows = await ctx.db
    .select({ codeHash: invitations.codeHash, label: invitations.label })
    .from(invitations)
    .where(
      and(
        inArray(invitations.codeHash, [...byHash.keys()]),
        eq(invitations.organizationId, input.schoolId),
        eq(invitations.classId, schoolClass.id),
        eq(invitations.multiUse, false),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, ctx.now),
      ),
    );
  if (rows.length !== byHash.size) throw new NotFoundError("invitation");
  const [school] = await ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, input.schoolId));
  const order = [...byHash.keys()];
  const students = rows
    .sort((a, b) => order.indexOf(a.codeHash) - order.indexOf(b.codeHash))
    .map((row) => {
      const code = byHash.get(row.codeHash) ?? "";
      return { label: row.label, code, link: invitationLink(input.appUrl, code) };
    });
  const sheet: ClassSheet = { schoolName: school?.name ?? "", className: schoolClass.name, students };
  return { pdf: await renderClassSheet(sheet), fileName: sheetFileName(schoolClass.name) };
}

/** The file name; `attachmentDisposition` makes it safe for headers and every disk. */
export function sheetFileName(className: string): string {
  return `Zugangscodes ${className}.pdf`;
}
