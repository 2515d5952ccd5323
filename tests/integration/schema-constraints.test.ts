import { describe, expect, test } from "vitest";
import { apprenticeships, invitations, sessions, users } from "#db/schema/index.ts";
import { createOrganization, createUser, occupationId } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

// The database itself refuses bad rows, whatever code (or person with psql) writes them.
describe("database constraints", () => {
  test("e-mail addresses are unique regardless of case", async () => {
    const user = await createUser(db);
    await expect(createUser(db, { email: user.email.toUpperCase() })).rejects.toThrow();
  });

  test("an e-mail address needs an @ and a name must not be blank", async () => {
    await expect(db.insert(users).values({ email: "kein-at", name: "X", passwordHash: "h" })).rejects.toThrow();
    await expect(db.insert(users).values({ email: "a@b.de", name: "   ", passwordHash: "h" })).rejects.toThrow();
  });

  test("a session id must be a SHA-256 hex digest, never a raw token", async () => {
    const user = await createUser(db);
    const future = new Date(Date.now() + 60_000);
    await expect(db.insert(sessions).values({ id: "rawtoken", userId: user.id, expiresAt: future })).rejects.toThrow();
  });

  test("an apprenticeship cannot end before it starts, and needs a real company", async () => {
    const user = await createUser(db);
    const company = await createOrganization(db, "company");
    const base = { apprenticeId: user.id, companyId: company.id, occupationId: await occupationId(db) };
    await expect(
      db.insert(apprenticeships).values({ ...base, startsOn: "2026-08-01", plannedEndOn: "2026-07-01" }),
    ).rejects.toThrow();
    await expect(
      db.insert(apprenticeships).values({
        ...base,
        companyId: "00000000-0000-4000-8000-000000000000",
        startsOn: "2026-08-01",
        plannedEndOn: "2029-07-31",
      }),
    ).rejects.toThrow();
  });

  test("an invitation stores a hash, not a code", async () => {
    const company = await createOrganization(db, "company");
    await expect(
      db.insert(invitations).values({
        organizationId: company.id,
        role: "apprentice",
        label: "X",
        codeHash: "ABCD-EFGH-IJKL-MNOP",
        expiresAt: new Date(Date.now() + 60_000),
      }),
    ).rejects.toThrow();
  });
});
