import { eq } from "drizzle-orm";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { regularEnd } from "#app/modules/training/training-year.ts";
import type { Database } from "../client.server.ts";
import {
  apprenticeships,
  classEnrollments,
  memberships,
  occupations,
  organizations,
  schoolClasses,
  users,
} from "../schema/index.ts";
import { DEMO_PASSWORD, demoAccounts } from "./demo-accounts.ts";
import { seedDemoRecords } from "./demo-records.server.ts";
import type { OccupationCode } from "./occupations.ts";
import { upsertReferenceData } from "./reference-data.server.ts";

/** 1 August of the current training year, minus `yearsAgo` years: the usual start date. */
function augustStart(now: Date, yearsAgo: number): string {
  const base = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${base - yearsAgo}-08-01`;
}

/**
 * A believable Altmark: a joinery with a trainer, an office admin and three apprentices in
 * different years; an electrical company with one trainer and one apprentice; a vocational
 * school whose first-year class holds apprentices of both companies; Lena's and Jonas's
 * Berichtshefte since their start (demo-records.server.ts). All names are invented.
 */

export async function seedDemo(db: Database, now: Date): Promise<void> {
  await upsertReferenceData(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    const occupationRows = await tx.select().from(occupations);
    const occupation = (code: OccupationCode) => {
      const row = occupationRows.find((o) => o.code === code);
      if (!row) throw new Error(`occupation ${code} missing`);
      return row;
    };

    const [joinery, electrical, school] = await tx
      .insert(organizations)
      .values([
        { kind: "company", name: "Tischlerei Krüger", town: "Gardelegen" },
        { kind: "company", name: "Elektro Neumann GmbH", town: "Salzwedel" },
        { kind: "school", name: "Berufsbildende Schule Altmark", town: "Stendal" },
      ])
      .returning();
    if (!joinery || !electrical || !school) throw new Error("organisations not created");

    const people = await tx
      .insert(users)
      .values([
        { email: demoAccounts.trainer, name: "Thomas Krüger", passwordHash },
        { email: demoAccounts.admin, name: "Sabine Krüger", passwordHash },
        { email: demoAccounts.apprentice, name: "Lena Schulz", passwordHash },
        { email: "jonas.becker@example.com", name: "Jonas Becker", passwordHash },
        { email: "mia.hoffmann@example.com", name: "Mia Hoffmann", passwordHash },
        { email: demoAccounts.trainerElectrical, name: "Frank Neumann", passwordHash },
        { email: demoAccounts.apprenticeElectrical, name: "Emre Yılmaz", passwordHash },
        { email: demoAccounts.teacher, name: "Katrin Voigt", passwordHash },
      ])
      .returning();
    const person = (email: string) => {
      const row = people.find((p) => p.email === email);
      if (!row) throw new Error(`user ${email} missing`);
      return row.id;
    };
    const thomas = person(demoAccounts.trainer);
    const lena = person(demoAccounts.apprentice);
    const jonas = person("jonas.becker@example.com");
    const mia = person("mia.hoffmann@example.com");
    const frank = person(demoAccounts.trainerElectrical);
    const emre = person(demoAccounts.apprenticeElectrical);
    const apprentices = [lena, jonas, mia, emre];

    await tx
      .insert(memberships)
      .values([
        { userId: thomas, organizationId: joinery.id, role: "trainer" },
        { userId: person(demoAccounts.admin), organizationId: joinery.id, role: "admin" },
        { userId: lena, organizationId: joinery.id, role: "apprentice" },
        { userId: jonas, organizationId: joinery.id, role: "apprentice" },
        { userId: mia, organizationId: joinery.id, role: "apprentice" },
        { userId: frank, organizationId: electrical.id, role: "trainer" },
        { userId: emre, organizationId: electrical.id, role: "apprentice" },
        { userId: person(demoAccounts.teacher), organizationId: school.id, role: "teacher" },
        ...apprentices.map((userId) => ({ userId, organizationId: school.id, role: "apprentice" as const })),
      ]);

    const tischler = occupation("tischler");
    const elektroniker = occupation("elektroniker");
    const contract = (
      apprenticeId: string,
      companyId: string,
      trainerId: string,
      occ: typeof tischler,
      yearsAgo: number,
    ) => {
      const startsOn = augustStart(now, yearsAgo);
      return {
        apprenticeId,
        companyId,
        trainerId,
        occupationId: occ.id,
        startsOn,
        plannedEndOn: regularEnd(startsOn, occ.durationMonths),
      };
    };
    await tx
      .insert(apprenticeships)
      .values([
        contract(lena, joinery.id, thomas, tischler, 1),
        contract(jonas, joinery.id, thomas, tischler, 0),
        contract(mia, joinery.id, thomas, tischler, 2),
        contract(emre, electrical.id, frank, elektroniker, 0),
      ]);

    const classes = await tx
      .insert(schoolClasses)
      .values([
        // Small first-year numbers: Wirtschafts- und Sozialkunde is taught across trades.
        { schoolId: school.id, name: "HW 26 (Holz und Elektro)", trainingYear: 1 },
        { schoolId: school.id, name: "TI 25", occupationId: tischler.id, trainingYear: 2 },
        { schoolId: school.id, name: "TI 24", occupationId: tischler.id, trainingYear: 3 },
      ])
      .returning();
    const classId = (name: string) => classes.find((c) => c.name === name)?.id as string;
    await tx.insert(classEnrollments).values([
      { classId: classId("HW 26 (Holz und Elektro)"), apprenticeId: jonas },
      { classId: classId("HW 26 (Holz und Elektro)"), apprenticeId: emre },
      { classId: classId("TI 25"), apprenticeId: lena },
      { classId: classId("TI 24"), apprenticeId: mia },
    ]);
    // In the same transaction, so a demo that fails half-way leaves nothing behind.
    await seedDemoRecords(tx, now);
  });
}

/** True when the demo has been loaded (used by the seed script to refuse a second run). */
export async function hasDemo(db: Database): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts.apprentice)).limit(1);
  return Boolean(row);
}
