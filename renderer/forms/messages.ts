// What the forms say about their fields: rule violations worded in the user's language, and a failed
// save split into messages at the form's own fields and one line for the form.
import type { IpcError } from '../../common/contract';
import { NAME_MAX_LENGTH, type FieldViolations, type RuleViolation } from '../../common/rules';
import { isMessageKey, type I18n } from '../i18n';
import { errorSentence, errorText, type ErrorContext } from '../i18n/sentences';

/** A rule violation in words; one the popup's forms cannot cause (wrong types, unknown fields) generically. */
export function violationText(i18n: I18n, violation: RuleViolation): string {
  const key = `violation.${violation}`;
  return isMessageKey(key) ? i18n.t(key, { max: NAME_MAX_LENGTH }) : i18n.t('errorKind.invalid-payload');
}

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
function serverFieldMessages(i18n: I18n, error: IpcError): FieldMessages {
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
