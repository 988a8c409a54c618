// The state of a form whose unsaved input is kept as a draft in the page's storage (Create and Edit).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../../common/contract';
import type { RuleResult } from '../../common/rules';
import { useStore } from '../hooks/use-store';
import { formFailure, type FieldMessages } from './messages';

export interface DraftForm<D> {
  /** null until there is something to edit (Edit loads it first). */
  draft: D | null;
  /** The draft came from storage: the user's unsaved changes of an earlier visit. */
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
 * A form whose input is kept under `storageKey` as the user types, until it is saved or cancelled
 * (leaving by Back or Escape keeps it).
 */
export function useDraftForm<D extends object>(
  storageKey: string,
  initial: () => { draft: D | null; kept: boolean },
): DraftForm<D> {
  const { drafts, i18n, t } = useStore();
  const [start] = useState(initial);
  const [draft, setDraft] = useState(start.draft);
  const [restored, setRestored] = useState(start.kept);
  // Kept only once the user changed something, so an untouched form does not pin stale defaults.
  const dirty = useRef(start.kept);
  useEffect(() => {
    if (draft !== null && dirty.current) drafts.keep(storageKey, draft);
  }, [draft, storageKey, drafts]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const discard = () => {
    dirty.current = false;
    drafts.discard(storageKey);
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
        setFormError(t('form.fixErrors'));
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
      const failure = formFailure(i18n.value, result.error, fields, { write: true });
      setServerErrors(failure.fieldMessages);
      setFormError(failure.formError);
    },
  };
}
