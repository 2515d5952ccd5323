// The people of the large data set: companies in Altmark towns with their trainers and
// apprentices, two vocational schools with 20 classes, their teachers and enrolments.
import { randomUUID } from "node:crypto";
import type { Database } from "#db/client.server.ts";
import {
  apprenticeships,
  classEnrollments,
  classTeachers,
  memberships,
  occupations,
  organizations,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import type { OccupationCode } from "#db/seed/occupations.ts";
import { regularEnd } from "#app/modules/training/training-year.ts";
import { companyNames, lastName, person, type Rng, towns } from "./seed-names.ts";
import { insertAll } from "./seed-util.ts";

export type Apprentice = {
  id: string;
  email: string;
  companyId: string;
  trainerId: string;
  occupation: OccupationCode;
  /** Ausbildungsjahr 1–3. */
  year: number;
  startsOn: string;
  /** 0 (hardly does anything) … 1 (eager): shapes progress and quiz results. */
  engagement: number;
  classId: string | null;
};
export type Staff = { id: string; email: string };
export type Company = { id: string; name: string; trainers: Staff[]; apprentices: Apprentice[] };
export type SchoolClass = { id: string; schoolId: string; name: string; teachers: Staff[]; students: Apprentice[] };
export type People = {
  companies: Company[];
  classes: SchoolClass[];
  apprentices: Apprentice[];
  /** The teacher the class view is measured with: exactly three classes. */
  teacher: Staff & { schoolId: string };
};

// 52 small and medium companies by trade, plus the two big ones below.
const tradeMix: [OccupationCode, number][] = [
  ["tischler", 9],
  ["elektroniker", 9],
  ["anlagenmechaniker-shk", 8],
  ["kfz-mechatroniker", 8],
  ["maler", 6],
  ["maurer", 5],
  ["zimmerer", 4],
  ["dachdecker", 3],
];
const bigCompanies = [
  { name: "Altmark Bau GmbH", town: "Stendal", trades: ["maurer", "zimmerer", "maurer"], size: 48 },
  { name: "Haustechnik Nord GmbH", town: "Salzwedel", trades: ["elektroniker", "anlagenmechaniker-shk"], size: 41 },
] as const;
const minimumApprentices = 560;

// Two schools, 20 classes: one per trade and year. Dachdecker and third-year Zimmerer go to a
// Landesfachklasse outside the Altmark, so they are in none of these classes.
const schools = [
  {
    name: "Berufsbildende Schulen Altmark",
    town: "Stendal",
    trades: ["elektroniker", "anlagenmechaniker-shk", "kfz-mechatroniker", "maurer"],
    years: [1, 2, 3],
  },
  { name: "Berufsschulzentrum Altmark-West", town: "Salzwedel", trades: ["tischler", "maler"], years: [1, 2, 3] },
  { name: "Berufsschulzentrum Altmark-West", town: "Salzwedel", trades: ["zimmerer"], years: [1, 2] },
] as const;
const classAbbreviation: Partial<Record<OccupationCode, string>> = {
  elektroniker: "EL",
  "anlagenmechaniker-shk": "SHK",
  "kfz-mechatroniker": "KFZ",
  maurer: "MA",
  tischler: "TI",
  maler: "ML",
  zimmerer: "ZI",
};

/** 1 August of the training year `year` of someone in their `year`th year today. */
function startOf(now: Date, year: number): string {
  const base = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${base - (year - 1)}-08-01`;
}

function companySizes(rng: Rng): number[] {
  const small = tradeMix.flatMap(([, n]) =>
    Array.from({ length: n }, (_, i) => (i === 0 ? rng.int(11, 18) : rng.int(3, 10))),
  );
  const total = () => small.reduce((a, b) => a + b, 0) + bigCompanies.reduce((a, b) => a + b.size, 0);
  while (total() < minimumApprentices) {
    const i = rng.int(0, small.length - 1);
    if ((small[i] ?? 0) < 10) small[i] = (small[i] ?? 0) + 1;
  }
  return small;
}

export async function seedPeople(db: Database, rng: Rng, now: Date, passwordHash: string): Promise<People> {
  const occupationIds = new Map((await db.select().from(occupations)).map((o) => [o.code, o]));
  const occupation = (code: OccupationCode) => {
    const row = occupationIds.get(code);
    if (!row) throw new Error(`occupation ${code} missing`);
    return row;
  };
  let n = 0;
  const userRows: (typeof users.$inferInsert)[] = [];
  const newUser = (): Staff => {
    const p = person(rng, ++n);
    const id = randomUUID();
    userRows.push({ id, email: p.email, name: p.name, passwordHash });
    return { id, email: p.email };
  };
  const orgRows: (typeof organizations.$inferInsert)[] = [];
  const memberRows: (typeof memberships.$inferInsert)[] = [];
  const contractRows: (typeof apprenticeships.$inferInsert)[] = [];

  const sizes = companySizes(rng);
  const plans = [
    ...bigCompanies.map((c) => ({
      name: c.name,
      town: c.town,
      trades: [...c.trades] as OccupationCode[],
      size: c.size,
    })),
    ...tradeMix.flatMap(([trade, count]) =>
      Array.from({ length: count }, () => ({
        name: rng.pick(companyNames[trade] ?? [])(lastName(rng)),
        town: rng.pick(towns),
        trades: [trade],
        size: 0,
      })),
    ),
  ].map((plan, i) => ({ ...plan, size: plan.size || (sizes[i - bigCompanies.length] ?? 3) }));

  const companies: Company[] = [];
  const apprentices: Apprentice[] = [];
  for (const plan of plans) {
    const company: Company = { id: randomUUID(), name: plan.name, trainers: [], apprentices: [] };
    orgRows.push({ id: company.id, kind: "company", name: plan.name, town: plan.town });
    const trainerCount = plan.size >= 20 ? 3 : plan.size >= 8 ? 2 : rng.chance(0.3) ? 2 : 1;
    for (let t = 0; t < trainerCount; t++) company.trainers.push(newUser());
    for (const trainer of company.trainers)
      memberRows.push({ userId: trainer.id, organizationId: company.id, role: "trainer" });
    for (let a = 0; a < plan.size; a++) {
      const user = newUser();
      const trade = rng.pick(plan.trades);
      const year = rng.pick([1, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
      const roll = rng.next();
      const engagement = roll < 0.15 ? rng.next() * 0.3 : roll < 0.8 ? 0.5 + rng.next() * 0.35 : 0.8 + rng.next() * 0.2;
      const trainer = company.trainers[a % company.trainers.length] as Staff;
      const apprentice: Apprentice = {
        ...user,
        companyId: company.id,
        trainerId: trainer.id,
        occupation: trade,
        year,
        startsOn: startOf(now, year),
        engagement,
        classId: null,
      };
      memberRows.push({ userId: user.id, organizationId: company.id, role: "apprentice" });
      const occ = occupation(trade);
      contractRows.push({
        apprenticeId: user.id,
        companyId: company.id,
        trainerId: trainer.id,
        occupationId: occ.id,
        startsOn: apprentice.startsOn,
        plannedEndOn: regularEnd(apprentice.startsOn, occ.durationMonths),
      });
      company.apprentices.push(apprentice);
      apprentices.push(apprentice);
    }
    companies.push(company);
  }

  const schoolIds = new Map<string, string>();
  const classes: SchoolClass[] = [];
  const classRows: (typeof schoolClasses.$inferInsert)[] = [];
  const teachersBySchool = new Map<string, Staff[]>();
  for (const school of schools) {
    let schoolId = schoolIds.get(school.name);
    if (!schoolId) {
      schoolId = randomUUID();
      schoolIds.set(school.name, schoolId);
      orgRows.push({ id: schoolId, kind: "school", name: school.name, town: school.town });
      const teachers = Array.from({ length: school.trades.length > 2 ? 7 : 4 }, newUser);
      teachersBySchool.set(schoolId, teachers);
      for (const t of teachers) memberRows.push({ userId: t.id, organizationId: schoolId, role: "teacher" });
    }
    for (const trade of school.trades)
      for (const year of school.years) {
        const name = `${classAbbreviation[trade]} ${startOf(now, year).slice(2, 4)}`;
        const schoolClass: SchoolClass = { id: randomUUID(), schoolId, name, teachers: [], students: [] };
        classRows.push({ id: schoolClass.id, schoolId, name, occupationId: occupation(trade).id, trainingYear: year });
        for (const a of apprentices.filter((x) => x.occupation === trade && x.year === year)) {
          a.classId = schoolClass.id;
          schoolClass.students.push(a);
          memberRows.push({ userId: a.id, organizationId: schoolId, role: "apprentice" });
        }
        classes.push(schoolClass);
      }
  }

  // Teachers: the first of the big school teaches exactly three classes (the measured one);
  // the others share the remaining classes, one or two teachers a class.
  const [firstSchool] = schoolIds.values();
  const measured = teachersBySchool.get(firstSchool ?? "")?.[0];
  if (!measured || !firstSchool) throw new Error("no teacher to measure");
  for (const schoolClass of classes) {
    const colleagues = (teachersBySchool.get(schoolClass.schoolId) ?? []).filter((t) => t !== measured);
    if (schoolClass.schoolId === firstSchool && classes.indexOf(schoolClass) < 3) schoolClass.teachers.push(measured);
    else schoolClass.teachers.push(rng.pick(colleagues));
    const second = rng.pick(colleagues);
    if (rng.chance(0.4) && !schoolClass.teachers.includes(second)) schoolClass.teachers.push(second);
  }

  await insertAll(db, users, userRows);
  await insertAll(db, organizations, orgRows);
  await insertAll(db, memberships, memberRows);
  await insertAll(db, apprenticeships, contractRows);
  await insertAll(db, schoolClasses, classRows);
  await insertAll(
    db,
    classEnrollments,
    classes.flatMap((c) => c.students.map((s) => ({ classId: c.id, apprenticeId: s.id }))),
  );
  await insertAll(
    db,
    classTeachers,
    classes.flatMap((c) => c.teachers.map((t) => ({ classId: c.id, teacherId: t.id }))),
  );
  return { companies, classes, apprentices, teacher: { ...measured, schoolId: firstSchool } };
}
