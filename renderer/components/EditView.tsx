// Edit: name, hostname and backups, sent together with PUT (the API requires all three).
import { useEffect, useState } from 'preact/hooks';
import { checkBoolean, checkHostname, checkName, validateReplaceServerInput } from '../../main/api/rules';
import type { ServerRef } from '../../preload/contract';
import { errorText, violationText } from '../state/text';
import { useStore } from './context';
import { Field, fieldA11y, serverFieldMessages, type FieldMessages } from './forms';

interface Draft {
  name: string;
  hostname: string;
  backups_enabled: boolean;
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
  const originalName = store.findView(serverKey)?.server.name ?? draft?.name ?? '';

  useEffect(() => {
    let current = true;
    void store.bridge.servers.get(serverRef).then((result) => {
      if (!current) return;
      if (result.ok)
        setDraft({
          name: result.value.name,
          hostname: result.value.hostname ?? '',
          backups_enabled: result.value.backups_enabled,
        });
      else setLoadError(errorText(store.i18n.value, result.error));
    });
    return () => {
      current = false;
    };
  }, [serverRef.accountId, serverRef.id, store]);

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
      store.setNotice(serverKey, { tone: 'info', text: t('edit.saved') });
      toDetail();
      return;
    }
    setServerErrors(serverFieldMessages(result.error.fieldErrors));
    setFormError(result.error.fieldErrors?.non_field_errors?.join(' ') ?? errorText(store.i18n.value, result.error));
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
            <button type="button" onClick={toDetail}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
