import { z } from "zod";
import { locales } from "#app/i18n/locales.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";

// Messages are i18n keys (app/i18n): the form shows them in the user's language.

export const emailField = z
  .string({ error: "errors.email.required" })
  .trim()
  .min(1, { error: "errors.email.required" })
  .max(254, { error: "errors.email.invalid" })
  .pipe(z.email({ error: "errors.email.invalid" }))
  .transform((email) => email.toLowerCase());

/** No composition rules (NIST SP 800-63B): length is what makes a password strong. */
export const newPasswordField = z
  .string({ error: "errors.password.required" })
  .min(1, { error: "errors.password.required" })
  .min(PASSWORD_MIN_LENGTH, { error: "errors.password.tooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "errors.password.tooLong" });

export const LanguageSchema = z.object({
  locale: z.enum(locales),
  redirectTo: z.string().optional(),
});

export const LoginSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "errors.password.required" })
    .min(1, { error: "errors.password.required" })
    .max(PASSWORD_MAX_LENGTH, { error: "errors.login.failed" }),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "errors.password.required" }).min(1, { error: "errors.password.required" }),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "errors.password.required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.password.mismatch",
  });

export const nameField = z
  .string({ error: "errors.name.required" })
  .trim()
  .min(1, { error: "errors.name.required" })
  .max(120, { error: "errors.name.tooLong" });

/** Only same-site paths: an open redirect after login would help phishing. */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
