import type { Database } from "#db/client.server.ts";
import { createApprenticeship, createClass, createMember, createOrganization } from "./index.ts";

/**
 * Two companies and a school, each with a full set of people, so that every test can ask
 * "and what does someone from the other organisation get?". All rows are new per call.
 */
export async function createWorld(db: Database) {
  const company = await createOrganization(db, "company");
  const otherCompany = await createOrganization(db, "company");
  const school = await createOrganization(db, "school");
  const otherSchool = await createOrganization(db, "school");

  const trainer = await createMember(db, company.id, "trainer");
  const admin = await createMember(db, company.id, "admin");
  const apprentice = await createMember(db, company.id, "apprentice");
  await createApprenticeship(db, { apprenticeId: apprentice.id, companyId: company.id, trainerId: trainer.id });

  const otherTrainer = await createMember(db, otherCompany.id, "trainer");
  const otherAdmin = await createMember(db, otherCompany.id, "admin");
  const otherApprentice = await createMember(db, otherCompany.id, "apprentice");
  await createApprenticeship(db, {
    apprenticeId: otherApprentice.id,
    companyId: otherCompany.id,
    trainerId: otherTrainer.id,
  });

  const teacher = await createMember(db, school.id, "teacher");
  const schoolAdmin = await createMember(db, school.id, "admin");
  const schoolClass = await createClass(db, school.id, [apprentice.id, otherApprentice.id]);
  const otherTeacher = await createMember(db, otherSchool.id, "teacher");

  return {
    company,
    otherCompany,
    school,
    otherSchool,
    schoolClass,
    people: {
      trainer,
      admin,
      apprentice,
      otherTrainer,
      otherAdmin,
      otherApprentice,
      teacher,
      schoolAdmin,
      otherTeacher,
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
export type PersonKey = keyof World["people"];
