// Labelled form fields with their errors wired through aria-invalid / aria-describedby.
import { h } from 'preact';
import type { ComponentChildren } from 'preact';

/** Props that tie an input to its error message. */
export function fieldA11y(id: string, error: string | undefined, hintId?: string) {
  const describedBy = [error ? `${id}-error` : '', hintId ?? ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A one-line text input with its label and error. */
export function TextField({
  id,
  label,
  error,
  value,
  onInput,
  onBlur,
  numeric,
}: {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  onInput: (value: string) => void;
  onBlur: () => void;
  numeric?: boolean;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        {...fieldA11y(id, error)}
        inputMode={numeric ? 'numeric' : undefined}
        autocomplete="off"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

/** A checkbox with its label after it. */
export function CheckField({
  id,
  label,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}) {
  return (
    <div class="check">
      <input
        type="checkbox"
        {...fieldA11y(id, error)}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
    </div>
  );
}
