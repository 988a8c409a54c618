// Form plumbing: a labelled field with its error wired through aria-invalid / aria-describedby, and
// translation of rule violations and server-side field errors.
import type { ComponentChildren } from 'preact';
import type { FieldViolations } from '../../main/api/rules';
import type { I18n } from '../i18n';
import { violationText } from '../state/text';

/** Field name -> message to show (first one wins). */
export type FieldMessages = Partial<Record<string, string>>;

export function violationMessages(i18n: I18n, violations: FieldViolations): FieldMessages {
  const messages: FieldMessages = {};
  for (const [field, codes] of Object.entries(violations)) {
    const first = codes[0];
    if (first) messages[field] = violationText(i18n, first);
  }
  return messages;
}

/** Server-side 400 field lists, already worded by the API or the client. */
export function serverFieldMessages(fieldErrors: Record<string, string[]> | undefined): FieldMessages {
  const messages: FieldMessages = {};
  for (const [field, texts] of Object.entries(fieldErrors ?? {}))
    if (texts.length > 0) messages[field] = texts.join(' ');
  return messages;
}

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
  hint,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: ComponentChildren;
  hint?: string;
}) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
