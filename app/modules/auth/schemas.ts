import { z } from "zod";
import { locales } from "#app/i18n/locales.ts";
import { CONTROL_CHARACTERS_ERROR, hasControlCharacters, userLine } from "#app/modules/shared/user-text.ts";
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
  .max(PASSWORD_MAX_LENGTH, { error: "errors.password.tooLong" })
  // Nobody can type them on a login form later; a NUL would also break some hashing libraries.
  .refine((password) => !hasControlCharacters(password), { error: CONTROL_CHARACTERS_ERROR });

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

export const nameField = userLine({ max: 120, required: "errors.name.required", tooLong: "errors.name.tooLong" });

// Any ASCII control character (tab, line breaks, NUL, DEL): browsers silently drop some of them
// inside URLs ("/\t/evil.test" becomes "//evil.test"), and in a Location header they are invalid.
const hasControlCharacter = (value: string) => [...value].some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f");
// Resolving against a fixed origin shows where a browser would go; only this origin may come out.
const OWN_ORIGIN = "http://werkbank.invalid";

/**
 * Only paths on this site: an open redirect after login would help phishing. The value must be
 * an absolute path that a browser resolves to our own origin; backslashes (which browsers read
 * as slashes) and control characters are refused outright. Returns the normalised path.
 */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  if (!value?.startsWith("/") || value.includes("\\") || hasControlCharacter(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  // "/a/../..//evil.test" resolves to the path "//evil.test", which is protocol-relative again.
  if (url.origin !== OWN_ORIGIN || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

/** A new password set with a one-time code (/reset/:code): the same rules as joining. */
export const ResetPasswordSchema = z
  .object({
    password: newPasswordField,
    confirmPassword: z.string({ error: "errors.password.required" }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "errors.password.mismatch",
  });

/** Name and e-mail on /account, confirmed with the current password. */
export const UpdateProfileSchema = z.object({
  name: nameField,
  email: emailField,
  currentPassword: z.string({ error: "errors.password.required" }).min(1, { error: "errors.password.required" }),
});

/** One of the person's other sessions to end ("Abmelden" on /account). */
export const EndSessionSchema = z.object({
  sessionId: z.string().regex(/^[0-9a-f]{64}$/, { error: "errors.http.404" }),
});

/** The address a reset link should go to; nothing else is asked or told. */
export const RequestResetMailSchema = z.object({ email: emailField });
