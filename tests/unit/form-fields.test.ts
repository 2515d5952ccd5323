import { describe, expect, test } from "vitest";
import { z } from "zod";
import { CreateAssignmentSchema, UpdateAssignmentSchema } from "#app/modules/assignments/schemas.ts";
import { ChangePasswordSchema, LanguageSchema, LoginSchema } from "#app/modules/auth/schemas.ts";
import { CreateInvitationSchema, NewAccountSchema } from "#app/modules/orgs/schemas.ts";
import { fieldNamesOf, formFailure, parseForm } from "#app/utils/forms.server.ts";

describe("fieldNamesOf", () => {
  test("reads the fields of the app's form schemas, refined ones included", () => {
    expect([...fieldNamesOf(LoginSchema)]).toEqual(["email", "password", "redirectTo"]);
    expect([...fieldNamesOf(LanguageSchema)]).toEqual(["locale", "redirectTo"]);
    expect([...fieldNamesOf(ChangePasswordSchema)]).toEqual(["currentPassword", "newPassword", "confirmPassword"]);
    expect(fieldNamesOf(NewAccountSchema)).toEqual(new Set(["name", "email", "password", "confirmPassword"]));
    expect(fieldNamesOf(CreateInvitationSchema)).toContain("label");
    expect(fieldNamesOf(CreateAssignmentSchema)).toContain("apprenticeIds");
    expect(fieldNamesOf(UpdateAssignmentSchema).size).toBeGreaterThan(0);
  });

  test("looks through transforms, preprocessing, unions and intersections", () => {
    const a = z.object({ a: z.string() });
    const b = z.object({ b: z.string() });
    expect(fieldNamesOf(a.transform((v) => v.a))).toEqual(new Set(["a"]));
    expect(fieldNamesOf(z.preprocess((v) => v, a))).toEqual(new Set(["a"]));
    expect(fieldNamesOf(z.union([a, b]))).toEqual(new Set(["a", "b"]));
    expect(fieldNamesOf(z.intersection(a, b))).toEqual(new Set(["a", "b"]));
  });
});

describe("formFailure", () => {
  test("echoes the schema's fields and the form's intent, nothing else", async () => {
    const form = new FormData();
    form.set("email", "lena@example.com");
    form.set("password", "geheim");
    form.set("intent", "login");
    form.set("unknown", "x");
    const answer = formFailure(parseForm(LoginSchema, form), { formErrors: ["errors.login.failed"] }, 429);
    expect(answer.init?.status).toBe(429);
    expect(answer.data).toEqual({
      ok: false,
      formErrors: ["errors.login.failed"],
      fieldErrors: undefined,
      values: { email: "lena@example.com", intent: "login" },
    });
  });
});
