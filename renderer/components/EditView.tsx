// Edit: name, hostname and backups, sent together with PUT (the API requires all three). Unsaved
// changes are kept per server in local storage until saved or cancelled (Back and Escape keep them).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { isRecord, validateReplaceServerInput } from '../../common/rules';
import { draftKey } from '../state/local';
import { errorText } from '../state/text';
import { useStore } from './context';
import { ServerForm, ViewHead, useDraftForm, violationMessages, type ServerBasics } from './forms';
import { Placeholder, ErrorLine } from './widgets';
import type { ServerRef } from '../../common/servers';

const FIELDS = ['name', 'hostname', 'backups_enabled'];

type Draft = ServerBasics;

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
  const storageKey = draftKey.edit(serverKey);
  const form = useDraftForm<Draft>(storageKey, () => ({ draft: null, kept: false }));
  const { draft, load } = form;
  const [loadError, setLoadError] = useState<string | null>(null);
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
      // The user's unsaved changes win over what the server says now.
      if (isDraft(kept)) load(kept, true);
      else
        load(
          {
            name: result.value.name,
            hostname: result.value.hostname ?? '',
            backups_enabled: result.value.backups_enabled ?? false,
          },
          false,
        );
    });
    return () => {
      current = false;
    };
  }, [serverRef.accountId, serverRef.id, storageKey, store]);

  const toDetail = () => store.navigate({ name: 'detail', key: serverKey, ref: serverRef });
  const i18n = store.i18n.value;
  // The same rules check what is shown (fields already left) and what may be sent.
  const checked = validateReplaceServerInput(draft);
  const local = checked.ok ? {} : violationMessages(i18n, checked.violations);
  const errorOf = (field: string) => (form.touched.has(field) ? local[field] : undefined) ?? form.serverErrors[field];

  const submit = () =>
    draft &&
    form.save(
      checked,
      FIELDS,
      (input) => store.bridge.servers.replace({ ref: serverRef, input }),
      () => {
        store.setNotice(serverKey, { tone: 'info', text: t('form.saved') });
        toDetail();
      },
    );

  return (
    <section class="form-view" aria-labelledby="edit-title">
      <ViewHead
        titleId="edit-title"
        title={t('edit.title', { name: originalName })}
        tooltip={originalName}
        onBack={toDetail}
      />
      {loadError && <ErrorLine text={t('detail.failed', { message: loadError })} />}
      {!draft && !loadError && <Placeholder text={t('app.loading')} />}
      {draft && (
        <ServerForm
          idPrefix="edit"
          form={form}
          values={draft}
          errorOf={errorOf}
          hostnameLabel={t('field.hostname')}
          submitLabel={t('form.save')}
          savingLabel={t('progress.replace')}
          onSubmit={() => void submit()}
          onCancel={toDetail}
        />
      )}
    </section>
  );
}
