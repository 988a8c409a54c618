// Deleting a server, behind typing its name: it cannot be undone. The detail's danger zone holds it.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ServerRef } from '../../../common/servers';
import { ErrorLine } from '../../components/lines';
import { useEscapeLayer } from '../../hooks/use-escape-layer';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';

function DeleteConfirm({ name, serverRef, onCancel }: { name: string; serverRef: ServerRef; onCancel: () => void }) {
  const { t, i18n, servers, navigation } = useStore();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEscapeLayer(true, onCancel);
  useEffect(() => inputRef.current?.focus(), []);
  const matches = typed === name;

  async function remove(): Promise<void> {
    if (!matches || deleting) return;
    setDeleting(true);
    const result = await servers.remove(serverRef, typed);
    setDeleting(false);
    if (result.ok) navigation.navigate({ name: 'list' });
    else setError(errorText(i18n.value, result.error, { write: true }));
  }

  return (
    <form
      class="delete-confirm"
      aria-labelledby="delete-title"
      onSubmit={(event) => {
        event.preventDefault();
        void remove();
      }}
    >
      <h3 id="delete-title">{t('delete.title', { name })}</h3>
      <p>{t('delete.warning')}</p>
      <label for="delete-name">{t('delete.typeName', { name })}</label>
      <input
        ref={inputRef}
        id="delete-name"
        autocomplete="off"
        spellcheck={false}
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
      <ErrorLine text={error} />
      <div class="buttons">
        <button type="submit" class="danger" disabled={!matches || deleting}>
          {deleting ? t('progress.delete') : t('delete.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('button.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The detail's danger zone: Delete, and in its place the typed-name check while deleting. Last and
 * quieter than the everyday actions: deleting is rare and cannot be undone.
 */
export function DangerZone({
  name,
  serverRef,
  deleting,
  setDeleting,
}: {
  name: string;
  serverRef: ServerRef;
  deleting: boolean;
  setDeleting: (deleting: boolean) => void;
}) {
  const { t } = useStore();
  return (
    <div class="danger-zone">
      {deleting ? (
        <DeleteConfirm
          name={name}
          serverRef={serverRef}
          onCancel={() => {
            setDeleting(false);
            queueMicrotask(() => document.getElementById('delete-start')?.focus());
          }}
        />
      ) : (
        <button id="delete-start" type="button" class="danger-outline" onClick={() => setDeleting(true)}>
          {t('detail.delete')}
        </button>
      )}
    </div>
  );
}
