import { describe, expect, test } from "vitest";
import { LoginSchema, safeRedirectPath } from "#app/modules/auth/schemas.ts";
import { CreateInvitationSchema, NewAccountSchema } from "#app/modules/orgs/schemas.ts";
import { parseForm } from "#app/utils/forms.server.ts";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe("form schemas", () => {
  test("normalise e-mail addresses to lower case without spaces", () => {
    const result = parseForm(LoginSchema, form({ email: "  Lena.Schulz@Example.COM ", password: "x" }));
    expect(result).toMatchObject({ ok: true, data: { email: "lena.schulz@example.com" } });
  });

  test("name each bad field with a message key", () => {
    const result = parseForm(
      NewAccountSchema,
      form({ name: " ", email: "kein-at", password: "kurz", confirmPassword: "anders" }),
    );
    expect(result).toEqual({
      ok: false,
      formErrors: [],
      fieldErrors: {
        name: ["errors.name.required"],
        email: ["errors.email.invalid"],
        password: ["errors.password.tooShort"],
        confirmPassword: ["errors.password.mismatch"],
      },
      values: { name: " ", email: "kein-at" },
    });
  });

  test("passwords need length only: no composition rules", () => {
    const ok = parseForm(
      NewAccountSchema,
      form({
        name: "Lena",
        email: "l@example.com",
        password: "alles klein und lang",
        confirmPassword: "alles klein und lang",
      }),
    );
    expect(ok.ok).toBe(true);
    const mismatch = parseForm(
      NewAccountSchema,
      form({
        name: "Lena",
        email: "l@example.com",
        password: "alles klein und lang",
        confirmPassword: "anders lang!!",
      }),
    );
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ["errors.password.mismatch"] } });
  });

  test("an apprenticeship in an invitation needs occupation and start together; the end is optional", () => {
    const base = { label: "Lena", role: "apprentice", validDays: "7" };
    expect(parseForm(CreateInvitationSchema, form(base)).ok).toBe(true);
    expect(parseForm(CreateInvitationSchema, form({ ...base, startsOn: "2026-08-01" }))).toMatchObject({
      ok: false,
      fieldErrors: { occupationId: ["errors.invitation.apprenticeshipIncomplete"] },
    });
    const withoutEnd = { ...base, occupationId: "6f1e5a4e-8a57-4a5e-9a52-0c7c1f5d2b11", startsOn: "2026-08-01" };
    expect(parseForm(CreateInvitationSchema, form(withoutEnd)).ok).toBe(true);
    const reversed = {
      ...base,
      occupationId: "6f1e5a4e-8a57-4a5e-9a52-0c7c1f5d2b11",
      startsOn: "2026-08-01",
      plannedEndOn: "2026-07-31",
    };
    expect(parseForm(CreateInvitationSchema, form(reversed))).toMatchObject({
      ok: false,
      fieldErrors: { plannedEndOn: ["errors.invitation.endBeforeStart"] },
    });
  });

  test("refuse roles and validity periods that the form does not offer", () => {
    const result = parseForm(CreateInvitationSchema, form({ label: "X", role: "owner", validDays: "365" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { role: ["errors.invitation.roleRequired"], validDays: ["errors.invitation.validDays"] },
    });
  });
});

describe("safeRedirectPath", () => {
  test.each([
    ["/account", "/account"],
    ["/orgs/1/invitations?x=1", "/orgs/1/invitations?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["", "/"],
    [null, "/"],
  ])("%s leads to %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
