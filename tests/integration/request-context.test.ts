import { expect, test } from "vitest";
import { publicContext } from "#app/utils/route.server.ts";
import { createMember, createOrganization, sessionCookieFor } from "#tests/factories/index.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

function requestWith(cookie: string) {
  return new Request("http://localhost/account", { headers: { cookie } });
}

test("the session is looked up once per HTTP request, although every loader gets its own Request", async () => {
  const company = await createOrganization(db, "company");
  const person = await createMember(db, company.id, "apprentice");
  const cookie = await sessionCookieFor(db, person.id);

  // Remix calls getLoadContext once per HTTP request and hands that object to every loader.
  const loadContext = { cspNonce: "n", clientIp: "192.0.2.1" };
  const forRoot = await publicContext(requestWith(cookie), loadContext);
  const forPage = await publicContext(requestWith(cookie), loadContext);
  expect(forRoot.actor?.id).toBe(person.id);
  // Compared by identity (a diff of two contexts would print the whole database handle).
  expect(forPage === forRoot, "root and page loader share one lookup").toBe(true);

  // The next HTTP request reads the session again (it may have ended in between).
  const nextRequest = await publicContext(requestWith(cookie), { cspNonce: "m", clientIp: "192.0.2.1" });
  expect(nextRequest === forRoot, "a new request looks the session up again").toBe(false);
  expect(nextRequest.actor?.id).toBe(person.id);
});
