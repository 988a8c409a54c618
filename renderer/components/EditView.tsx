// Edit: name, hostname and backups, sent together with PUT (the API requires all three). Unsaved
// changes are kept per server in local storage until saved or cancelled (Back and Escape keep them).
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkBoolean, checkHostname, checkName, validateReplaceServerInput } from '../../main/api/rules';
import type { ServerRef } from '../../preload/contract';
import { draftKey, isRecord } from '../state/local';
import { errorText, violationText } from '../state/text';
import { useStore } from './context';
import { Field, fieldA11y, formFailure, type FieldMessages } from './forms';

const FIELDS = ['name', 'hostname', 'backups_enabled'];

interface Draft {
  name: string;
  hostname: string;
  backups_enabled: boolean;
}

function isDraft(value: unknown): value is Draft {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.hostname === 'string' &&
    typeof value.backups_enabled === 'boolean'
  );
}

export function EditView({ serverKey, serverRef }: { serverKey: string; serverRef: ServerRef }) {
  const store = useStore();
  const t = store.t;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [restored, setRestored] = useState(false);
  const storageKey = draftKey.edit(serverKey);
  const dirty = useRef(false);
  const originalName = store.findView(serverKey)?.server.name ?? draft?.name ?? '';

  useEffect(() => {
    let current = true;
    void store.bridge.servers.get(serverRef).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setLoadError(errorText(store.i18n.value, result.error));
        return;
      }
      const kept = store.local.read(storageKey);
      if (isDraft(kept)) {
        // The user's unsaved changes win over what the server says now.
        dirty.current = true;
        setRestored(true);
        setDraft(kept);
      } else {
        setDraft({
          name: result.value.name,
          hostname: result.value.hostname ?? '',
          backups_enabled: result.value.backups_enabled,
        });
      }
    });
    return () => {
      current = false;
    };
  }, [serverRef.accountId, serverRef.id, storageKey, store]);

  useEffect(() => {
    if (draft && dirty.current) store.local.write(storageKey, draft);
  }, [draft, storageKey, store]);

  function discardDraft(): void {
    dirty.current = false;
    store.local.remove(storageKey);
  }

  const toDetail = () => store.navigate({ name: 'detail', key: serverKey, ref: serverRef });
  const i18n = store.i18n.value;
  const local: FieldMessages = {};
  if (draft) {
    const checks = {
      name: checkName(draft.name),
      hostname: checkHostname(draft.hostname),
      backups_enabled: checkBoolean(draft.backups_enabled),
    };
    for (const [field, violation] of Object.entries(checks))
      if (violation && touched.has(field)) local[field] = violationText(i18n, violation);
  }
  const errorOf = (field: string) => local[field] ?? serverErrors[field];

  function update(patch: Partial<Draft>, field: keyof Draft): void {
    dirty.current = true;
    setDraft((current) => (current ? { ...current, ...patch } : current));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
  }
  const touch = (field: string) => setTouched((current) => new Set(current).add(field));

  async function submit(): Promise<void> {
    if (!draft || saving) return;
    const checked = validateReplaceServerInput(draft);
    if (!checked.ok) {
      setTouched(new Set(['name', 'hostname', 'backups_enabled']));
      setFormError(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await store.bridge.servers.replace({ ref: serverRef, input: checked.value });
    setSaving(false);
    if (result.ok) {
      discardDraft();
      store.setNotice(serverKey, { tone: 'info', text: t('edit.saved') });
      toDetail();
      return;
    }
    const failure = formFailure(store.i18n.value, result.error, FIELDS, { write: true });
    setServerErrors(failure.fieldMessages);
    setFormError(failure.formError);
  }

  return (
    <section class="form-view" aria-labelledby="edit-title">
      <div class="detail-head">
        <button type="button" class="back" onClick={toDetail}>
          <span aria-hidden="true">← </span>
          {t('nav.back')}
        </button>
        <h2 id="edit-title" class="detail-title" title={originalName} tabIndex={-1}>
          {t('edit.title', { name: originalName })}
        </h2>
      </div>
      {loadError && (
        <p class="form-error" role="alert">
          {t('detail.failed', { message: loadError })}
        </p>
      )}
      {!draft && !loadError && (
        <p class="placeholder" role="status">
          {t('detail.loading')}
        </p>
      )}
      {draft && restored && (
        <p class="hint draft-restored" role="status">
          {t('draft.restored')}
        </p>
      )}
      {draft && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Field id="edit-name" label={t('form.name')} error={errorOf('name')}>
            <input
              {...fieldA11y('edit-name', errorOf('name'))}
              value={draft.name}
              autocomplete="off"
              onInput={(event) => update({ name: event.currentTarget.value }, 'name')}
              onBlur={() => touch('name')}
            />
          </Field>
          <Field id="edit-hostname" label={t('form.hostname')} error={errorOf('hostname')}>
            <input
              {...fieldA11y('edit-hostname', errorOf('hostname'))}
              value={draft.hostname}
              autocomplete="off"
              onInput={(event) => update({ hostname: event.currentTarget.value }, 'hostname')}
              onBlur={() => touch('hostname')}
            />
          </Field>
          <div class="check">
            <input
              type="checkbox"
              {...fieldA11y('edit-backups', errorOf('backups_enabled'))}
              checked={draft.backups_enabled}
              onChange={(event) => update({ backups_enabled: event.currentTarget.checked }, 'backups_enabled')}
            />
            <label for="edit-backups">{t('form.backups')}</label>
          </div>
          {formError && (
            <p class="form-error" role="alert">
              {formError}
            </p>
          )}
          <div class="buttons">
            <button type="submit" class="primary" aria-disabled={saving ? 'true' : undefined}>
              {saving ? t('form.saving') : t('form.save')}
            </button>
            <button
              type="button"
              onClick={() => {
                discardDraft();
                toDetail();
              }}
            >
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
