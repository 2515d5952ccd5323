import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents, classEnrollments, invitations, memberships } from "#db/schema/index.ts";
import { classSheetPdf } from "#app/modules/classes/class-sheet.server.ts";
import { createClassCode } from "#app/modules/classes/enrolment.server.ts";
import { importClassList } from "#app/modules/classes/import-class-list.server.ts";
import { acceptInvitation } from "#app/modules/orgs/accept-invitation.server.ts";
import { NotFoundError } from "#app/utils/errors.ts";
import { action as importAction } from "#app/routes/orgs.$orgId.classes_.manage_.$classId_.import.tsx";
import { action as sheetAction } from "#app/routes/orgs.$orgId.classes_.manage_.$classId_.sheet[.pdf].ts";
import { createClass, ctxFor, sessionCookieFor, unique } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";
import { callRoute } from "#tests/setup/route-call.ts";

const { db } = await openTestDatabase();
const appUrl = "https://werkbank.example";

const goodList =
  '\uFEFFNachname;Vorname;E-Mail\r\nYılmaz;Ayşe;ayse@example.de\r\nMüller;Jörg;\r\n"Weiß, Jr.";Łukasz;lukasz@example.de\r\n';
const listWithErrors = "Nachname;Vorname;E-Mail\nBauer;Tim;tim@example.de\nKaya;;\nLang;Lea;keine-adresse\n";

async function schoolWithClass() {
  const world = await createWorld(db);
  const schoolClass = await createClass(db, world.school.id);
  const ctx = await ctxFor(db, world.people.teacher.id);
  const target = { schoolId: world.school.id, classId: schoolClass.id };
  return { world, schoolClass, ctx, target };
}

const personal = (classId: string) =>
  db
    .select()
    .from(invitations)
    .where(and(eq(invitations.classId, classId), eq(invitations.multiUse, false)));

function pdfText(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString("utf8");
}

describe("class list import", () => {
  test("a good list creates one personal invitation per student in the class, with an audit row", async () => {
    const { schoolClass, ctx, target } = await schoolWithClass();
    const result = await importClassList({ ctx, input: { ...target, text: goodList, confirmGoodLines: false } });
    if (result.status !== "imported") throw new Error(result.status);
    expect(result.created.map((c) => c.label)).toEqual(["Yılmaz, Ayşe", "Müller, Jörg", "Weiß, Jr., Łukasz"]);
    const rows = await personal(schoolClass.id);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.role === "apprentice" && row.organizationId === target.schoolId)).toBe(true);
    expect(rows.find((row) => row.label === "Yılmaz, Ayşe")?.email).toBe("ayse@example.de");
    expect(rows.find((row) => row.label === "Müller, Jörg")?.email).toBeNull();
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.targetId, schoolClass.id));
    expect(audit.map((a) => a.action)).toContain("class.listImported");
  });

  test("a list with errors writes nothing until the good lines are confirmed", async () => {
    const { schoolClass, ctx, target } = await schoolWithClass();
    const first = await importClassList({ ctx, input: { ...target, text: listWithErrors, confirmGoodLines: false } });
    expect(first).toEqual({
      status: "needsConfirmation",
      good: [{ line: 2, familyName: "Bauer", givenName: "Tim", email: "tim@example.de" }],
      rejected: [
        { line: 3, reason: "classes.import.error.givenNameMissing" },
        { line: 4, reason: "classes.import.error.email" },
      ],
    });
    expect(await personal(schoolClass.id)).toHaveLength(0);
    const confirmed = await importClassList({
      ctx,
      input: { ...target, text: listWithErrors, confirmGoodLines: true },
    });
    expect(confirmed.status).toBe("imported");
    expect((await personal(schoolClass.id)).map((row) => row.label)).toEqual(["Bauer, Tim"]);
    // Only bad lines: even confirmed, each is named and nothing is written.
    const allBad = await importClassList({ ctx, input: { ...target, text: "Kaya;\nx;y;z@", confirmGoodLines: true } });
    expect(allBad).toEqual({
      status: "needsConfirmation",
      good: [],
      rejected: [
        { line: 1, reason: "classes.import.error.givenNameMissing" },
        { line: 2, reason: "classes.import.error.email" },
      ],
    });
    expect(await personal(schoolClass.id)).toHaveLength(1);
  });

  test("the route shows rejected lines with a 400 and keeps the text; a file upload works too", async () => {
    const { world, schoolClass, target } = await schoolWithClass();
    const call = { path: `/orgs/${target.schoolId}/classes/manage/${target.classId}/import` };
    const params = { orgId: target.schoolId, classId: target.classId };
    const cookie = await sessionCookieFor(db, world.people.schoolAdmin.id);
    const report = await callRoute(importAction, { ...call, params, cookie, form: { text: listWithErrors } });
    expect(report.status).toBe(400);
    expect(report.data).toMatchObject({ text: listWithErrors, report: { rejected: [{ line: 3 }, { line: 4 }] } });
    const file = new Blob([new TextEncoder().encode(goodList)], { type: "text/csv" });
    const upload = await callRoute(importAction, { ...call, params, cookie, multipart: { file, text: "" } });
    expect(upload.status).toBe(200);
    expect(upload.data).toMatchObject({ ok: true, students: [{ label: "Yılmaz, Ayşe" }, {}, {}] });
    const cp1252 = new Blob([new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x41])]);
    const wrong = await callRoute(importAction, { ...call, params, cookie, multipart: { file: cp1252 } });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ error: "classes.import.error.encoding" });
    expect(await personal(schoolClass.id)).toHaveLength(3);
  });

  test("a repeated submit does not double the invitations, nor invite students already in the class", async () => {
    const { schoolClass, ctx, target } = await schoolWithClass();
    const input = { ...target, text: goodList, confirmGoodLines: false };
    await importClassList({ ctx, input });
    const again = await importClassList({ ctx, input: { ...input, text: `${goodList}Neu;Nina;\r\n` } });
    if (again.status !== "imported") throw new Error(again.status);
    expect(again.created.map((c) => c.label)).toEqual(["Neu, Nina"]);
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3, 4]);
    expect(await personal(schoolClass.id)).toHaveLength(4);
    // Twice at the same moment: the class row lock lets one run after the other.
    const both = await Promise.all([
      importClassList({ ctx, input: { ...input, text: "Ost;Olga\n" } }),
      importClassList({ ctx, input: { ...input, text: "Ost;Olga\n" } }),
    ]);
    expect(both.map((r) => (r.status === "imported" ? r.created.length : -1)).sort()).toEqual([0, 1]);
    expect(await personal(schoolClass.id)).toHaveLength(5);
  });

  test("a redeemed personal code enrols the student in the class and the school", async () => {
    const { schoolClass, ctx, target } = await schoolWithClass();
    const result = await importClassList({ ctx, input: { ...target, text: "Kaya;Emre\n", confirmGoodLines: false } });
    if (result.status !== "imported") throw new Error(result.status);
    const code = result.created[0]?.code ?? "";
    const account = { name: "Emre Kaya", email: `${unique("emre")}@example.test`, password: "ein langes passwort" };
    const accepted = await acceptInvitation({
      ctx: { db, actor: null, now: new Date() },
      input: { code, account, clientAddress: unique("203.0.113") },
    });
    if (!accepted.ok) throw new Error(accepted.reason);
    const enrolled = await db.select().from(classEnrollments).where(eq(classEnrollments.classId, schoolClass.id));
    expect(enrolled.map((e) => e.apprenticeId)).toEqual([accepted.userId]);
    const [member] = await db.select().from(memberships).where(eq(memberships.userId, accepted.userId));
    expect(member).toMatchObject({ organizationId: target.schoolId, role: "apprentice" });
    // Used once: the next import of the same list finds Emre in the class and leaves him out.
    const again = await importClassList({ ctx, input: { ...target, text: "Kaya;Emre\n", confirmGoodLines: false } });
    expect(again).toMatchObject({ status: "imported", created: [], skipped: [{ line: 1 }] });
  });

  test("the whole import counts against the invitation limit; over it, nothing is written", async () => {
    const { world, schoolClass, ctx, target } = await schoolWithClass();
    const now = new Date();
    // 180 invitations this hour already (made elsewhere): 30 more would pass the 200.
    await db.insert(invitations).values(
      Array.from({ length: 180 }, (_, i) => ({
        organizationId: target.schoolId,
        role: "apprentice" as const,
        label: `Früher ${i}`,
        codeHash: createHash("sha256").update(`${schoolClass.id}-${i}`).digest("hex"),
        createdById: world.people.teacher.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
      })),
    );
    const thirty = Array.from({ length: 30 }, (_, i) => `Schüler${i};Sam`).join("\r\n");
    const refused = await importClassList({ ctx, input: { ...target, text: thirty, confirmGoodLines: false } });
    expect(refused).toEqual({ status: "limited" });
    expect(await personal(schoolClass.id)).toHaveLength(0);
    const twenty = await importClassList({
      ctx,
      input: { ...target, text: thirty.split("\r\n").slice(0, 20).join("\n"), confirmGoodLines: false },
    });
    expect(twenty).toMatchObject({ status: "imported" });
    expect(await personal(schoolClass.id)).toHaveLength(20);
  });

  test("another school's teacher or admin can import nothing into the class", async () => {
    const { world, schoolClass, target } = await schoolWithClass();
    const other = await ctxFor(db, world.people.otherTeacher.id);
    const input = { ...target, text: goodList, confirmGoodLines: true };
    await expect(importClassList({ ctx: other, input })).rejects.toThrow();
    const ownSchool = { ...input, schoolId: world.otherSchool.id };
    await expect(importClassList({ ctx: other, input: ownSchool })).rejects.toThrow(NotFoundError);
    const route = await callRoute(importAction, {
      path: `/orgs/${target.schoolId}/classes/manage/${target.classId}/import`,
      params: { orgId: target.schoolId, classId: target.classId },
      cookie: await sessionCookieFor(db, world.people.otherTeacher.id),
      form: { text: goodList, confirm: "1" },
    });
    expect(route.status).toBe(404);
    expect(await personal(schoolClass.id)).toHaveLength(0);
  });

  test("the PDF sheet prints every name (Yılmaz, Łukasz) and code, and refuses foreign codes", async () => {
    const { world, schoolClass, ctx, target } = await schoolWithClass();
    const result = await importClassList({ ctx, input: { ...target, text: goodList, confirmGoodLines: false } });
    if (result.status !== "imported") throw new Error(result.status);
    const codes = result.created.map((c) => c.code);
    const request = (cookie: string, sent: string[], classId = target.classId) =>
      sheetAction({
        request: new Request(`http://localhost/orgs/${target.schoolId}/classes/manage/${classId}/sheet.pdf`, {
          method: "POST",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(sent.map((code) => ["code", code])),
        }),
        params: { orgId: target.schoolId, classId },
        context: { cspNonce: "n", clientIp: "192.0.2.1" },
      });
    const cookie = await sessionCookieFor(db, world.people.teacher.id);
    const response = (await request(cookie, codes)) as Response;
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="Zugangscodes-/);
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    for (const name of ["Yılmaz, Ayşe", "Müller, Jörg", "Łukasz", schoolClass.name]) expect(text).toContain(name);
    for (const code of codes) expect(text).toContain(code);
    expect(text).toContain("scanne den QR-Code");

    // A made-up code, a code of another class (even of this school), an outsider: no sheet.
    const notFound = async (run: () => Promise<unknown>) => {
      const thrown = await run().then(
        () => null,
        (error: unknown) => error,
      );
      expect((thrown as { init?: { status?: number } })?.init?.status).toBe(404);
    };
    const sheet = (codesToSend: string[]) => classSheetPdf({ ctx, input: { ...target, codes: codesToSend, appUrl } });
    await expect(sheet([...codes, "AAAA-BBBB-CCCC-DDDD"])).rejects.toThrow(NotFoundError);
    await expect(sheet(["not a code"])).rejects.toThrow(NotFoundError);
    const otherClass = await createClass(db, target.schoolId);
    const classCode = await createClassCode({ ctx, input: { ...target, classId: otherClass.id, validDays: 30 } });
    await expect(sheet([classCode.code])).rejects.toThrow(NotFoundError);
    await notFound(() => request(cookie, codes, otherClass.id));
    await notFound(async () => request(await sessionCookieFor(db, world.people.otherTeacher.id), codes));
    const outsider = await ctxFor(db, world.people.otherTeacher.id);
    await expect(
      classSheetPdf({ ctx: outsider, input: { ...target, schoolId: world.otherSchool.id, codes, appUrl } }),
    ).rejects.toThrow(NotFoundError);
  });
});
