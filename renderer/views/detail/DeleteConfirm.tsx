// The detail's last row: Edit, and Delete behind typing the server's name (it cannot be undone). Delete
// is refused before anything is typed while the server's state does not allow it (an action in flight,
// or a transition such as provisioning), with the reason beside it.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConflictInfo, PendingAction, ServerView } from '../../../common/contract';
import { conflictText } from '../../../common/i18n/sentences';
import type { ServerRef } from '../../../common/servers';
import { isTransitional } from '../../../common/statuses';
import { ErrorLine } from '../../components/lines';
import { useEscapeLayer } from '../../hooks/use-escape-layer';
import { useStore } from '../../hooks/use-store';
import { sayDeleted } from '../list/deleted-note';
import { errorText } from '../../i18n/sentences';

/** Why the server cannot be deleted now, or null when it can (main refuses the same: one action at a time). */
function deleteRefusal(view: ServerView, pending: PendingAction['action'] | null): ConflictInfo | null {
  const { name, status } = view.server;
  if (pending) return { reason: 'in-flight', serverName: name, status, pendingAction: pending };
  if (isTransitional(status)) return { reason: 'transitional', serverName: name, status };
  return null;
}

const REASON_ID = 'delete-refused';

function DeleteConfirm({
  name,
  serverRef,
  refusal,
  onCancel,
}: {
  name: string;
  serverRef: ServerRef;
  refusal: string | null;
  onCancel: () => void;
}) {
  const { t, i18n, servers, navigation } = useStore();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEscapeLayer(true, onCancel);
  useEffect(() => inputRef.current?.focus(), []);
  const matches = typed === name;

  async function remove(): Promise<void> {
    if (!matches || deleting || refusal) return;
    setDeleting(true);
    const result = await servers.remove(serverRef, typed);
    setDeleting(false);
    if (result.ok) {
      // The list says it, where the row was.
      sayDeleted(name);
      navigation.navigate({ name: 'list' });
    } else setError(errorText(i18n.value, result.error, { write: true }));
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
      {/* The server got busy while the name was being typed. */}
      {refusal && (
        <p class="hint delete-refused" role="status">
          {refusal}
        </p>
      )}
      <ErrorLine text={error} />
      <div class="buttons">
        <button type="submit" class="danger" disabled={!matches || deleting || refusal !== null}>
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
 * The detail's last row: Edit, then Delete (quieter: deleting is rare and cannot be undone), and in
 * their place the typed-name check while deleting.
 */
export function ManageRow({
  view,
  name,
  serverRef,
  deleting,
  setDeleting,
  onEdit,
}: {
  view: ServerView;
  name: string;
  serverRef: ServerRef;
  deleting: boolean;
  setDeleting: (deleting: boolean) => void;
  onEdit: () => void;
}) {
  const store = useStore();
  const { t, power } = store;
  const refusalInfo = deleteRefusal(view, power.pendingAction(view));
  const refusal = refusalInfo && conflictText(store.i18n.value, refusalInfo);
  return (
    <div class="danger-zone">
      {deleting ? (
        <DeleteConfirm
          name={name}
          serverRef={serverRef}
          refusal={refusal}
          onCancel={() => {
            setDeleting(false);
            queueMicrotask(() => document.getElementById('delete-start')?.focus());
          }}
        />
      ) : (
        <div class="manage-row">
          <button type="button" onClick={onEdit}>
            {t('detail.edit')}
          </button>
          <button
            id="delete-start"
            type="button"
            class="danger-outline"
            aria-disabled={refusal ? 'true' : undefined}
            aria-describedby={refusal ? REASON_ID : undefined}
            onClick={() => {
              if (!refusal) setDeleting(true);
            }}
          >
            {t('detail.delete')}
          </button>
          {refusal && (
            <p class="hint delete-refused" id={REASON_ID}>
              {refusal}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
