// One server in full: every field of the detail endpoint, copy buttons, usage against the plan,
// power buttons, inline rename, Edit, and Delete behind a typed-name check.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IpcError, ServerView } from '../../../common/contract';
import type { ServerRef } from '../../../common/servers';
import { ConfirmAction } from '../../components/ConfirmAction';
import { NoticeLine, Placeholder } from '../../components/lines';
import { PowerButtons } from '../../components/PowerButtons';
import { StatusBadge } from '../../components/StatusBadge';
import { BackButton } from '../../components/ViewHead';
import { useServerDetail } from '../../hooks/use-server-detail';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { AlertPanel } from './AlertPanel';
import { DangerZone } from './DeleteConfirm';
import { DetailFields } from './DetailFields';
import { RenameTitle } from './RenameTitle';

/** The power buttons (or the confirmation of one) and Edit. */
function DetailActions({
  live,
  serverKey,
  serverRef,
  onConfirmClosed,
}: {
  live: ServerView;
  serverKey: string;
  serverRef: ServerRef;
  onConfirmClosed: () => void;
}) {
  const { t, power, navigation } = useStore();
  const confirming = power.confirming.value;
  const confirmAction = confirming?.key === serverKey ? confirming.action : null;
  return (
    <div class="detail-actions">
      {confirmAction === null ? (
        <PowerButtons view={live} compact={false} />
      ) : (
        <ConfirmAction view={live} action={confirmAction} onClose={onConfirmClosed} />
      )}
      <button type="button" onClick={() => navigation.navigate({ name: 'edit', key: serverKey, ref: serverRef })}>
        {t('detail.edit')}
      </button>
    </div>
  );
}

/** The detail could not be loaded: gone, or why, with a retry. */
function LoadFailure({ error, onRetry }: { error: IpcError; onRetry: () => void }) {
  const store = useStore();
  const { t } = store;
  const notFound = error.kind === 'not-found';
  return (
    <div class="form-error" role="alert">
      <p>{notFound ? t('detail.gone') : t('detail.failed', { message: errorText(store.i18n.value, error) })}</p>
      {!notFound && (
        <button type="button" onClick={onRetry}>
          {t('button.retry')}
        </button>
      )}
    </div>
  );
}

export function DetailView({ serverKey, serverRef }: { serverKey: string; serverRef: ServerRef }) {
  const store = useStore();
  const { t, fleet, notices, navigation, clipboard } = store;
  const live = fleet.find(serverKey);
  // Fetched again when the fleet reports a new status or update time, so the detail follows actions.
  const { load, reload, replace } = useServerDetail(serverRef, [live?.server.status, live?.server.updated_at]);
  const [copyNote, setCopyNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);

  useEffect(() => sectionRef.current?.querySelector<HTMLElement>('h2')?.focus(), []);

  const detail = load.state === 'ready' ? load.detail : null;
  const name = live?.server.name ?? detail?.name ?? '';
  const notice = notices.byKey.value.get(serverKey);
  const fleetLoaded = fleet.status.value?.loaded ?? false;

  async function copy(text: string, what: string): Promise<void> {
    const result = await clipboard.copy(text);
    setCopyNote(
      result.ok
        ? { tone: 'info', text: t('detail.copied', { what }) }
        : { tone: 'error', text: t('detail.copyFailed', { message: errorText(store.i18n.value, result.error) }) },
    );
  }

  const back = <BackButton onClick={() => navigation.navigate({ name: 'list' })} />;

  if (!live && fleetLoaded) {
    return (
      <section class="detail-view" ref={sectionRef}>
        {back}
        <Placeholder text={t('detail.gone')} />
      </section>
    );
  }

  const sshHost = detail?.ip_address ?? live?.server.ip_address ?? detail?.ipv6_address ?? null;
  const sshCommand = sshHost ? `ssh root@${sshHost}` : null;

  return (
    <section
      class="detail-view"
      ref={sectionRef}
      aria-labelledby="detail-title"
      onKeyDown={(event) => {
        if (event.key === 'F2' && !deleting) {
          event.preventDefault();
          document.getElementById('rename-start')?.click();
        }
      }}
    >
      <div class="detail-head">
        {back}
        <RenameTitle name={name} serverRef={serverRef} onRenamed={replace} />
        {live && <StatusBadge status={live.server.status} />}
      </div>

      {live && (
        <DetailActions
          live={live}
          serverKey={serverKey}
          serverRef={serverRef}
          onConfirmClosed={() => sectionRef.current?.querySelector<HTMLElement>('.power-button, h2')?.focus()}
        />
      )}
      {notice && <NoticeLine notice={notice} onDismiss={() => notices.dismiss(serverKey)} />}
      {live && <AlertPanel serverKey={serverKey} serverRef={serverRef} />}

      {load.state === 'loading' && <Placeholder text={t('app.loading')} />}
      {load.state === 'failed' && <LoadFailure error={load.error} onRetry={reload} />}

      {copyNote && (
        <p class={`notice notice-${copyNote.tone}`} role="status">
          {copyNote.text}
        </p>
      )}

      {detail && <DetailFields detail={detail} sshCommand={sshCommand} onCopy={copy} />}

      {live && <DangerZone name={name} serverRef={serverRef} deleting={deleting} setDeleting={setDeleting} />}
    </section>
  );
}
