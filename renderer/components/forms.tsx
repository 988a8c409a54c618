// Form plumbing: a labelled field with its error wired through aria-invalid / aria-describedby, and
// translation of rule violations and server-side field errors.
import type { ComponentChildren } from 'preact';
import type { FieldViolations } from '../../main/api/rules';
import type { IpcError } from '../../preload/contract';
import type { I18n } from '../i18n';
import { errorSentence, errorText, violationText, type ErrorContext } from '../state/text';

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

/**
 * Per-field messages of a failed save: the app's own rule codes (worded in the user's language) win;
 * otherwise the API's per-field texts, which stay as the API wrote them.
 */
export function serverFieldMessages(i18n: I18n, error: IpcError): FieldMessages {
  if (error.fieldViolations) return violationMessages(i18n, error.fieldViolations);
  const messages: FieldMessages = {};
  for (const [field, texts] of Object.entries(error.fieldErrors ?? {}))
    if (texts.length > 0) messages[field] = texts.join(' ');
  return messages;
}

/**
 * How a failed save shows in a form: messages at the form's own fields, and one line for the form.
 * Messages for fields the form does not have (and for the whole body) go into that line, so nothing
 * the user must fix is hidden.
 */
export function formFailure(
  i18n: I18n,
  error: IpcError,
  fields: readonly string[],
  context: ErrorContext = {},
): { fieldMessages: FieldMessages; formError: string } {
  const all = serverFieldMessages(i18n, error);
  const fieldMessages: FieldMessages = {};
  const stray: string[] = [];
  for (const [field, text] of Object.entries(all)) {
    if (text === undefined) continue;
    if (fields.includes(field)) fieldMessages[field] = text;
    else stray.push(text);
  }
  if (Object.keys(fieldMessages).length > 0)
    return { fieldMessages, formError: [i18n.t('form.fixErrors'), ...stray].join(' ') };
  if (stray.length > 0 && error.fieldViolations)
    return { fieldMessages, formError: [errorSentence(i18n, error, context), ...stray].join(' ') };
  return { fieldMessages, formError: errorText(i18n, error, context) };
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
