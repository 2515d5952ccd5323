import { describe, expect, test } from "vitest";
import { invitationLink } from "#app/modules/orgs/invitation-link.server.ts";
import { action } from "#app/routes/orgs.$orgId.invitations.tsx";
import { env } from "#app/utils/env.server.ts";
import { sessionCookieFor } from "#tests/factories/index.ts";
import { createWorld } from "#tests/factories/world.ts";
import { openTestDatabase } from "#tests/setup/database.ts";

const { db } = await openTestDatabase();

describe("invitation links", () => {
  test("are built from the configured address", () => {
    expect(invitationLink("https://werkbank.example.org", "ABCD-2345")).toBe(
      "https://werkbank.example.org/join/ABCD-2345",
    );
  });

  test("never from the Host header of the request that created them", async () => {
    const world = await createWorld(db);
    const request = new Request(`http://evil.test/orgs/${world.company.id}/invitations`, {
      method: "POST",
      headers: { cookie: await sessionCookieFor(db, world.people.trainer.id), host: "evil.test" },
      body: new URLSearchParams({ label: "Neue Azubis", role: "apprentice", validDays: "7" }),
    });
    const result = (await action({
      request,
      params: { orgId: world.company.id },
      context: { cspNonce: "n", clientIp: "192.0.2.7" },
    })) as {
      created: { link: string; code: string };
    };
    expect(result.created.link).toBe(`${env().APP_URL}/join/${result.created.code}`);
    expect(result.created.link).not.toContain("evil.test");
  });
});
