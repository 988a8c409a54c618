// Edit: name, hostname and backups, sent together with PUT (the API requires all three). Unsaved
// changes are kept per server in the page's storage until saved or cancelled (Back and Escape keep them).
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { isRecord, validateReplaceServerInput } from '../../common/rules';
import type { ServerRef } from '../../common/servers';
import { ErrorLine, Placeholder } from '../components/lines';
import { ViewHead } from '../components/ViewHead';
import { violationMessages } from '../forms/messages';
import { ServerForm, type ServerBasics } from '../forms/ServerForm';
import { useDraftForm } from '../forms/use-draft-form';
import { useServerDetail } from '../hooks/use-server-detail';
import { useStore } from '../hooks/use-store';
import { draftKey } from '../state/drafts';
import { errorText } from '../i18n/sentences';

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
  const { t, fleet, drafts, servers, notices, navigation } = store;
  const storageKey = draftKey.edit(serverKey);
  const form = useDraftForm<Draft>(storageKey, () => ({ draft: null, kept: false }));
  const { draft, load: loadForm } = form;
  const { load } = useServerDetail(serverRef);
  const originalName = fleet.find(serverKey)?.server.name ?? draft?.name ?? '';

  // The form starts once the server's values are here; the user's unsaved changes win over them.
  const detail = load.state === 'ready' ? load.detail : null;
  useEffect(() => {
    if (!detail || draft !== null) return;
    const kept = drafts.read(storageKey);
    if (isDraft(kept)) loadForm(kept, true);
    else
      loadForm(
        { name: detail.name, hostname: detail.hostname ?? '', backups_enabled: detail.backups_enabled ?? false },
        false,
      );
  }, [detail, draft, drafts, storageKey, loadForm]);

  const toDetail = () => navigation.navigate({ name: 'detail', key: serverKey, ref: serverRef });
  const i18n = store.i18n.value;
  // The same rules check what is shown (fields already left) and what may be sent.
  const checked = validateReplaceServerInput(draft);
  const local = checked.ok ? {} : violationMessages(i18n, checked.violations);
  const errorOf = (field: string) => (form.touched.has(field) ? local[field] : undefined) ?? form.serverErrors[field];

  // Backups VPS.org did not state start unticked; left so, they are not sent (PATCH of the rest).
  const backupsUnknown = detail !== null && detail.backups_enabled === null;
  const submit = () =>
    draft &&
    form.save(
      checked,
      FIELDS,
      (input) =>
        backupsUnknown && !input.backups_enabled
          ? servers.updateBasics(serverRef, input)
          : servers.replace(serverRef, input),
      () => {
        notices.show(serverKey, { tone: 'info', text: t('form.saved') });
        toDetail();
      },
    );

  const loadError = load.state === 'failed' ? errorText(i18n, load.error) : null;
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
