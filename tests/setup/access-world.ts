/**
 * The world the route-access and hostile-forms tests run in: two companies, two schools and a
 * training centre, each with demo-like people (apprentice, trainer, teacher, admin) and its own
 * course, lesson, quiz, class, assignment and invitation under a recognisable unique title, plus
 * a disabled person. `secretsOf` lists what must never reach someone outside an organisation.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server.ts";
import {
  apprenticeships,
  courses,
  lessons,
  quizAttempts,
  quizzes,
  recordWeeks,
  schoolClasses,
  users,
} from "#db/schema/index.ts";
import { saveWeek } from "#app/modules/records/save-week.server.ts";
import { mondayOf, weekKey } from "#app/modules/records/week-dates.ts";
import { addDays, todayInGermany } from "#app/modules/training/training-year.ts";
import { storeMedia } from "#app/modules/media/store.server.ts";
import { createInvitation } from "#app/modules/orgs/create-invitation.server.ts";
import { submitAttempt } from "#app/modules/quizzes/answer-attempt.server.ts";
import { startAttempt } from "#app/modules/quizzes/start-attempt.server.ts";
import { assign } from "#tests/factories/assignments.ts";
import { createCourse } from "#tests/factories/courses.ts";
import {
  createApprenticeship,
  createClass,
  createMember,
  createOrganization,
  createUser,
  ctxFor,
  unique,
} from "#tests/factories/index.ts";
import { attemptSlots, createQuiz, pageForm } from "#tests/factories/quizzes.ts";
import { createWorld } from "#tests/factories/world.ts";

export type OrgKey = "company" | "otherCompany" | "school" | "otherSchool" | "centre";

/** A course of the organisation (null: the library) with unique titles and a quiz with an essay. */
async function ownCourse(db: Database, owner: string | null, tag: string) {
  const made = await createCourse(db, { owner, modules: 1, lessonsPerModule: 1 });
  const title = unique(`Kurs ${tag}`);
  const lessonTitle = unique(`Lektion ${tag}`);
  const quizTitle = unique(`Quiz ${tag}`);
  await db.update(courses).set({ title }).where(eq(courses.id, made.course.id));
  await db
    .update(lessons)
    .set({ title: lessonTitle, publishedTitle: lessonTitle })
    .where(inArray(lessons.id, made.lessonIds));
  const moduleId = made.modules[0]?.id ?? "";
  const { quiz, questionIds } = await createQuiz(db, moduleId, {
    attempts: 5,
    questions: [
      { key: "wahr", type: "truefalse", prompt: `Frage ${tag}`, answer: true },
      { key: "bericht", type: "essay", prompt: "Was hast du gelernt?" },
    ],
  });
  await db.update(quizzes).set({ title: quizTitle }).where(eq(quizzes.id, quiz.id));
  return {
    id: made.course.id,
    moduleId,
    lessonId: made.lessonIds[0] ?? "",
    quizId: quiz.id,
    questionId: questionIds.wahr ?? "",
    titles: [title, lessonTitle, quizTitle],
  };
}

export async function createAccessWorld(db: Database) {
  const base = await createWorld(db);
  const centre = await createOrganization(db, "training_centre");
  const orgs = { ...base, centre };
  const people = {
    ...base.people,
    otherSchoolAdmin: await createMember(db, base.otherSchool.id, "admin"),
    centreTrainer: await createMember(db, centre.id, "trainer"),
    centreTeacher: await createMember(db, centre.id, "teacher"),
    centreAdmin: await createMember(db, centre.id, "admin"),
    centreApprentice: await createMember(db, centre.id, "apprentice"),
    // A trainer of the company whose account was switched off: nobody, wherever they go.
    disabled: await createMember(db, base.company.id, "trainer"),
    // Runs the instance: belongs to no organisation, so everywhere else a signed-in stranger.
    operator: await createUser(db),
  };
  await db.update(users).set({ disabled: true }).where(eq(users.id, people.disabled.id));
  await db.update(users).set({ platformRole: "operator" }).where(eq(users.id, people.operator.id));
  // An organisation without people, for the operator's changes (rename, deactivate, invite).
  const operated = await createOrganization(db, "company");
  // Targets of the people page's forms, not visitors: one to edit, one who leaves and comes back.
  const peopleTargets = {
    apprentice: await createMember(db, base.company.id, "apprentice", unique("Azubi Betrieb-A")),
    leaver: await createMember(db, base.company.id, "apprentice", unique("Azubi geht Betrieb-A")),
  };
  await createApprenticeship(db, {
    apprenticeId: peopleTargets.apprentice.id,
    companyId: base.company.id,
    trainerId: people.trainer.id,
  });
  const [targetApprenticeship] = await db
    .select({ id: apprenticeships.id, occupationId: apprenticeships.occupationId })
    .from(apprenticeships)
    .where(eq(apprenticeships.apprenticeId, peopleTargets.apprentice.id));
  // The world apprentice's own apprenticeship: her Berichtsheft, for the record routes.
  const [recordApprenticeship] = await db
    .select({ id: apprenticeships.id })
    .from(apprenticeships)
    .where(eq(apprenticeships.apprenticeId, base.people.apprentice.id));
  const otherSchoolClass = await createClass(db, base.otherSchool.id, []);
  const centreClass = await createClass(db, centre.id, [people.centreApprentice.id]);
  // Classes the class-management decisions may change without touching the others' world.
  const spareClass = await createClass(db, base.school.id, []);
  const archivedClass = await createClass(db, base.school.id, []);
  await db.update(schoolClasses).set({ archivedAt: new Date() }).where(eq(schoolClasses.id, archivedClass.id));

  const library = await ownCourse(db, null, "Bibliothek");
  const course = {
    company: await ownCourse(db, base.company.id, "Betrieb-A"),
    otherCompany: await ownCourse(db, base.otherCompany.id, "Betrieb-B"),
    school: await ownCourse(db, base.school.id, "Schule-A"),
    otherSchool: await ownCourse(db, base.otherSchool.id, "Schule-B"),
    centre: await ownCourse(db, centre.id, "Zentrum"),
  } satisfies Record<OrgKey, unknown>;

  const picture = await storeMedia(db, {
    bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'),
    extension: "svg",
    owner: base.company.id,
    uploadedBy: null,
  });

  // The apprentice's attempts at the company's quiz: one finished with an essay to grade, one open.
  const apprenticeCtx = await ctxFor(db, people.apprentice.id);
  async function apprenticeAttempt() {
    const started = await startAttempt({ ctx: apprenticeCtx, input: { quizId: course.company.quizId } });
    if (!("attemptId" in started)) throw new Error(started.status);
    return { id: started.attemptId, slots: await attemptSlots(db, started.attemptId) };
  }
  const finishedAttempt = await apprenticeAttempt();
  await submitAttempt({
    ctx: apprenticeCtx,
    input: {
      attemptId: finishedAttempt.id,
      revision: 0,
      page: 1,
      form: pageForm(finishedAttempt.slots, 1, { bericht: { text: "Hobeln" } }, { revision: 0, intent: "submit" }),
    },
  });
  const essaySlot = String(finishedAttempt.slots.find((s) => s.key === "bericht")?.slot);
  const openAttempt = await apprenticeAttempt();

  const notes = {
    company: unique("Notiz Betrieb-A"),
    otherCompany: unique("Notiz Betrieb-B"),
    school: unique("Notiz Schule-A"),
  };
  const companyAssignment = await assign(db, {
    by: people.trainer.id,
    organizationId: base.company.id,
    target: { kind: "course", id: course.company.id },
    apprenticeIds: [people.apprentice.id],
    note: notes.company,
  });
  await assign(db, {
    by: people.otherTrainer.id,
    organizationId: base.otherCompany.id,
    target: { kind: "course", id: course.otherCompany.id },
    apprenticeIds: [people.otherApprentice.id],
    note: notes.otherCompany,
  });
  await assign(db, {
    by: people.teacher.id,
    organizationId: base.school.id,
    target: { kind: "course", id: library.id },
    classId: base.schoolClass.id,
    note: notes.school,
  });

  const labels = {} as Record<OrgKey, string>;
  const codes = {} as Record<OrgKey, string>;
  const inviters: Record<OrgKey, string> = {
    company: people.trainer.id,
    otherCompany: people.otherTrainer.id,
    school: people.teacher.id,
    otherSchool: people.otherTeacher.id,
    centre: people.centreTrainer.id,
  };
  for (const [key, by] of Object.entries(inviters) as [OrgKey, string][]) {
    labels[key] = unique(`Einladung ${key}`);
    const invitation = await createInvitation({
      ctx: await ctxFor(db, by),
      input: { label: labels[key], role: "apprentice", validDays: 7, organizationId: orgs[key].id },
    });
    codes[key] = invitation.code;
  }

  // The apprentice's Berichtsheft: last week submitted (to review), this week a draft.
  const recordId = recordApprenticeship?.id ?? "";
  const today = todayInGermany(new Date());
  const thisWeek = mondayOf(today);
  const lastWeek = addDays(thisWeek, -7);
  // Submitted as an empty form would send it: the route decision posts the same form again.
  const blankDays = Array.from({ length: 6 }, () => ({ place: null, hours: null, note: "" }));
  await saveWeek(apprenticeCtx, {
    apprenticeshipId: recordId,
    monday: lastWeek,
    revision: 0,
    content: { days: blankDays, lines: [] },
    accept: [],
    dismiss: [],
    submit: true,
  });
  const record = {
    apprenticeshipId: recordId,
    thisWeek: weekKey(thisWeek),
    lastWeek: weekKey(lastWeek),
    /** The revision the page of this week would post now. */
    async revision(): Promise<string> {
      const [row] = await db
        .select({ revision: recordWeeks.revision })
        .from(recordWeeks)
        .where(and(eq(recordWeeks.apprenticeshipId, recordId), eq(recordWeeks.weekStart, thisWeek)));
      return String(row?.revision ?? 0);
    },
  };

  return {
    ...orgs,
    operated,
    record,
    otherSchoolClass,
    centreClass,
    spareClass,
    archivedClass,
    people,
    peopleTargets,
    targetApprenticeshipId: targetApprenticeship?.id ?? "",
    targetOccupationId: targetApprenticeship?.occupationId ?? "",
    recordApprenticeshipId: recordApprenticeship?.id ?? "",
    library,
    course,
    picture,
    finishedAttempt,
    essaySlot,
    openAttempt,
    companyAssignment,
    notes,
    labels,
    openCode: codes.company,
    /** The attempt's current revision, as its page would post it. */
    async revisionOf(attemptId: string): Promise<string> {
      const [row] = await db
        .select({ revision: quizAttempts.revision })
        .from(quizAttempts)
        .where(eq(quizAttempts.id, attemptId));
      return String(row?.revision ?? 0);
    },
  };
}

export type AccessWorld = Awaited<ReturnType<typeof createAccessWorld>>;
export type PersonKey = keyof AccessWorld["people"];

/** Which organisation each person belongs to (the disabled person counts as belonging nowhere). */
export const homeOf: Record<PersonKey, OrgKey | null> = {
  trainer: "company",
  admin: "company",
  apprentice: "company",
  otherTrainer: "otherCompany",
  otherAdmin: "otherCompany",
  otherApprentice: "otherCompany",
  teacher: "school",
  schoolAdmin: "school",
  otherTeacher: "otherSchool",
  otherSchoolAdmin: "otherSchool",
  centreTrainer: "centre",
  centreTeacher: "centre",
  centreAdmin: "centre",
  centreApprentice: "centre",
  disabled: null,
  operator: null,
};

/**
 * What an organisation's outsiders must never see. `titles`: its own courses, lessons, quizzes and
 * invitations, for nobody outside. `names`: its name, its people, its classes and assignment
 * notes, which reach an outsider only through a class tie (a school's staff see the students of
 * their classes and where they train; a student sees the school and class they are in).
 */
export function secretsOf(w: AccessWorld, org: OrgKey): { titles: string[]; names: string[] } {
  const members = (Object.keys(homeOf) as PersonKey[]).filter(
    (p) => homeOf[p] === org || (org === "company" && p === "disabled"),
  );
  const classes = {
    school: [w.schoolClass.name, w.spareClass.name, w.archivedClass.name],
    otherSchool: [w.otherSchoolClass.name],
    centre: [w.centreClass.name],
  };
  const notes: Partial<Record<OrgKey, string>> = w.notes;
  return {
    titles: [...w.course[org].titles, w.labels[org]],
    names: [
      w[org].name,
      ...members.map((p) => w.people[p].name),
      ...(org === "company" ? [w.peopleTargets.apprentice.name, w.peopleTargets.leaver.name] : []),
      ...(org in classes ? classes[org as keyof typeof classes] : []),
      ...(notes[org] ? [notes[org]] : []),
    ],
  };
}

/**
 * Organisations tied to the person's through a class: the school's class holds both companies'
 * apprentices, so the school and the two companies see each other's names (not titles).
 */
export function classTies(person: PersonKey): OrgKey[] {
  const home = homeOf[person];
  if (home === "school") return ["company", "otherCompany"];
  if (home === "company" || home === "otherCompany") return ["school"];
  return [];
}
