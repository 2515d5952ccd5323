import { useT } from "#app/i18n/use-t.ts";
import { PASSWORD_MIN_LENGTH } from "#app/modules/auth/password-rules.ts";
import { Field } from "./field.tsx";

type Errors = (name: string) => string[] | undefined;

/** An e-mail field phones treat as one: e-mail keyboard, no auto-capitalising or spell-check. */
export function EmailField({
  label,
  hint,
  defaultValue,
  errors,
}: {
  label: string;
  hint?: string;
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <Field
      label={label}
      name="email"
      type="email"
      inputMode="email"
      autoComplete="email"
      autoCapitalize="none"
      spellCheck={false}
      hint={hint}
      required
      defaultValue={defaultValue}
      errors={errors}
    />
  );
}

/**
 * A new password and its repetition. Password managers recognise `new-password`; pasting is
 * allowed. Typed passwords are never sent back, so these fields start empty after an error.
 */
export function NewPasswordFields({
  name,
  label,
  confirmLabel,
  errors,
}: {
  name: "password" | "newPassword";
  label: string;
  confirmLabel: string;
  errors: Errors;
}) {
  const t = useT();
  return (
    <>
      <Field
        label={label}
        name={name}
        type="password"
        autoComplete="new-password"
        hint={t("join.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors(name)}
      />
      <Field
        label={confirmLabel}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        errors={errors("confirmPassword")}
      />
    </>
  );
}

/** The password a signed-in person confirms a change with (or signs in with). */
export function CurrentPasswordField({ label, errors }: { label: string; errors?: string[] }) {
  return (
    <Field
      label={label}
      name="currentPassword"
      type="password"
      autoComplete="current-password"
      required
      errors={errors}
    />
  );
}
