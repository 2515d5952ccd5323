import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { useT } from "#app/i18n/use-t.ts";

type FieldFrameProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (aria: { "aria-invalid": boolean | undefined; "aria-describedby": string | undefined }) => ReactNode;
};

/** The error messages (i18n keys) of one field; `id` is what the control's aria-describedby names. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((key) => (
        <li key={key}>{t(key)}</li>
      ))}
    </ul>
  );
}

/**
 * Label, control, hint and errors, wired for screen readers (aria-invalid, aria-describedby).
 * Exported for controls the fields below do not cover (a select with option groups).
 */
export function FieldFrame({ id, label, hint, errors, children }: FieldFrameProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({ "aria-invalid": errorId ? true : undefined, "aria-describedby": describedBy })}
      {errorId ? <FieldErrors id={errorId} errors={errors} /> : null}
    </div>
  );
}

type FieldProps = {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
} & InputHTMLAttributes<HTMLInputElement>;

export function Field({ label, name, hint, errors, id, ...input }: FieldProps) {
  const fallbackId = useId();
  const fieldId = id ?? `${name}-${fallbackId}`;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      {(aria) => <input id={fieldId} name={name} className="input" {...aria} {...input} />}
    </FieldFrame>
  );
}

type SelectFieldProps = {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  options: { value: string; label: string }[];
  /** Shown first with an empty value, for optional choices. */
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>;

export function SelectField({ label, name, hint, errors, options, placeholder, id, ...select }: SelectFieldProps) {
  const fallbackId = useId();
  const fieldId = id ?? `${name}-${fallbackId}`;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      {(aria) => (
        <select id={fieldId} name={name} className="input" {...aria} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
} & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ label, name, hint, errors, id, ...textarea }: TextAreaFieldProps) {
  const fallbackId = useId();
  const fieldId = id ?? `${name}-${fallbackId}`;
  return (
    <FieldFrame id={fieldId} label={label} hint={hint} errors={errors}>
      {(aria) => <textarea id={fieldId} name={name} className="input" {...aria} {...textarea} />}
    </FieldFrame>
  );
}
