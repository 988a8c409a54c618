// Form plumbing: labelled fields with their errors wired through aria-invalid / aria-describedby,
// translation of rule violations and server-side field errors, and the state of a form whose unsaved
// input is kept as a draft in local storage (Create and Edit).
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldViolations, RuleResult } from '../../common/rules';
import type { IpcError, Result } from '../../common/contract';
import type { I18n } from '../i18n';
import { errorSentence, errorText, violationText, type ErrorContext } from '../state/text';
import { useStore } from './context';
import { ErrorLine } from './widgets';

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

/** Back to the previous view, then the view's heading (focusable, so the popup can put focus on it). */
export function ViewHead({
  titleId,
  title,
  tooltip,
  onBack,
}: {
  titleId: string;
  title: string;
  /** The whole name, for a heading cut short by the popup's width. */
  tooltip?: string;
  onBack: () => void;
}) {
  return (
    <div class="detail-head">
      <BackButton onClick={onBack} />
      <h2 id={titleId} class="detail-title" title={tooltip} tabIndex={-1}>
        {title}
      </h2>
    </div>
  );
}

export function BackButton({ onClick }: { onClick: () => void }) {
  const store = useStore();
  return (
    <button type="button" class="back" onClick={onClick}>
      <span aria-hidden="true">← </span>
      {store.t('nav.back')}
    </button>
  );
}

export interface DraftForm<D> {
  /** null until there is something to edit (Edit loads it first). */
  draft: D | null;
  /** The draft came from local storage: the user's unsaved changes of an earlier visit. */
  restored: boolean;
  touched: ReadonlySet<string>;
  /** What VPS.org (or main's checks) said per field at the last save; cleared as the field changes. */
  serverErrors: FieldMessages;
  formError: string | null;
  saving: boolean;
  /** Starts editing `value`; `kept` says it is a restored draft (and so stays kept). */
  load(value: D, kept: boolean): void;
  update(patch: Partial<D>, field: string): void;
  touch(field: string): void;
  /** Forgets the kept draft (saved or cancelled). */
  discard(): void;
  /**
   * Sends a checked input once; a failed check marks every field touched instead. On success the
   * draft is discarded and `done` runs; on failure the messages go to the fields and the form line.
   */
  save<I, T>(
    checked: RuleResult<I>,
    fields: readonly string[],
    send: (input: I) => Promise<Result<T>>,
    done: (value: T) => void,
  ): Promise<void>;
}

/**
 * A form whose input is kept under `storageKey` in local storage as the user types, until it is saved
 * or cancelled (leaving by Back or Escape keeps it).
 */
export function useDraftForm<D extends object>(
  storageKey: string,
  initial: () => { draft: D | null; kept: boolean },
): DraftForm<D> {
  const store = useStore();
  const [start] = useState(initial);
  const [draft, setDraft] = useState(start.draft);
  const [restored, setRestored] = useState(start.kept);
  // Kept only once the user changed something, so an untouched form does not pin stale defaults.
  const dirty = useRef(start.kept);
  useEffect(() => {
    if (draft !== null && dirty.current) store.local.write(storageKey, draft);
  }, [draft, storageKey, store]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const discard = () => {
    dirty.current = false;
    store.local.remove(storageKey);
  };

  return {
    draft,
    restored,
    touched,
    serverErrors,
    formError,
    saving,
    load(value, kept) {
      dirty.current = kept;
      setRestored(kept);
      setDraft(value);
    },
    update(patch, field) {
      dirty.current = true;
      setDraft((current) => (current === null ? current : { ...current, ...patch }));
      setServerErrors((current) => ({ ...current, [field]: undefined }));
    },
    touch: (field) => setTouched((current) => new Set(current).add(field)),
    discard,
    async save(checked, fields, send, done) {
      if (saving) return;
      if (!checked.ok) {
        setTouched(new Set(fields));
        setFormError(store.t('form.fixErrors'));
        return;
      }
      setSaving(true);
      setFormError(null);
      const result = await send(checked.value);
      setSaving(false);
      if (result.ok) {
        discard();
        done(result.value);
        return;
      }
      // Keep every input as typed; show what went wrong next to the fields it concerns.
      const failure = formFailure(store.i18n.value, result.error, fields, { write: true });
      setServerErrors(failure.fieldMessages);
      setFormError(failure.formError);
    },
  };
}

/** What Create and Edit both ask for, named as the API names the fields. */
export interface ServerBasics {
  name: string;
  hostname: string;
  backups_enabled: boolean;
}

/**
 * The form of Create and Edit: a note when unsaved changes were restored, the name, the view's own
 * fields (`children`), the hostname and backups, then the form's error line and its buttons. Submitting calls `onSubmit`; the browser's own validation stays off (the rules
 * speak through the fields).
 */
export function ServerForm({
  idPrefix,
  form,
  values,
  errorOf,
  hostnameLabel,
  submitLabel,
  savingLabel,
  onSubmit,
  onCancel,
  children,
}: {
  idPrefix: string;
  form: DraftForm<ServerBasics>;
  values: ServerBasics;
  errorOf: (field: keyof ServerBasics) => string | undefined;
  hostnameLabel: string;
  submitLabel: string;
  savingLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children?: ComponentChildren;
}) {
  const t = useStore().t;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {form.restored && (
        <p class="hint draft-restored" role="status">
          {t('draft.restored')}
        </p>
      )}
      <TextField
        id={`${idPrefix}-name`}
        label={t('form.name')}
        error={errorOf('name')}
        value={values.name}
        onInput={(name) => form.update({ name }, 'name')}
        onBlur={() => form.touch('name')}
      />
      {children}
      <TextField
        id={`${idPrefix}-hostname`}
        label={hostnameLabel}
        error={errorOf('hostname')}
        value={values.hostname}
        onInput={(hostname) => form.update({ hostname }, 'hostname')}
        onBlur={() => form.touch('hostname')}
      />
      <CheckField
        id={`${idPrefix}-backups`}
        label={t('form.backups')}
        error={errorOf('backups_enabled')}
        checked={values.backups_enabled}
        onChange={(backups_enabled) => form.update({ backups_enabled }, 'backups_enabled')}
      />
      <ErrorLine text={form.formError} />
      <div class="buttons">
        <button type="submit" class="primary" aria-disabled={form.saving ? 'true' : undefined}>
          {form.saving ? savingLabel : submitLabel}
        </button>
        <button
          type="button"
          onClick={() => {
            form.discard();
            onCancel();
          }}
        >
          {t('button.cancel')}
        </button>
      </div>
    </form>
  );
}
