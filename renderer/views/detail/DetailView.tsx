// One server in full, in the order a glance needs it: status and power actions, the addresses and
// hostname (the list's while the detail loads), usage against the plan, the expectation and alerts, its
// history (uptime, timeline, export), the other fields, then Edit and Delete (behind a typed-name
// check). Inline rename in the heading.
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
import { HistoryPanel } from '../history/HistoryPanel';
import { AlertPanel } from './AlertPanel';
import { ManageRow } from './DeleteConfirm';
import { GlanceFields, MoreFields } from './DetailFields';
import { RenameTitle } from './RenameTitle';
import { UsageMeters } from './UsageMeters';

/** The power buttons (or the confirmation of one). */
function DetailActions({
  live,
  serverKey,
  onConfirmClosed,
}: {
  live: ServerView;
  serverKey: string;
  onConfirmClosed: () => void;
}) {
  const { power } = useStore();
  const confirming = power.confirming.value;
  const confirmAction = confirming?.key === serverKey ? confirming.action : null;
  return (
    <div class="detail-actions">
      {confirmAction === null ? (
        <PowerButtons view={live} compact={false} />
      ) : (
        <ConfirmAction view={live} action={confirmAction} onClose={onConfirmClosed} />
      )}
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

  // The detail once here; until then what the list knows.
  const server = detail ?? live?.server ?? null;
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
          onConfirmClosed={() => sectionRef.current?.querySelector<HTMLElement>('.power-button, h2')?.focus()}
        />
      )}
      {notice && <NoticeLine notice={notice} onDismiss={() => notices.dismiss(serverKey)} />}

      {server && <GlanceFields server={server} detail={detail} sshCommand={sshCommand} onCopy={copy} />}
      {copyNote && (
        <p class={`notice notice-${copyNote.tone}`} role="status">
          {copyNote.text}
        </p>
      )}

      <UsageMeters detail={detail}>
        {load.state === 'loading' && <Placeholder text={t('app.loading')} />}
        {load.state === 'failed' && <LoadFailure error={load.error} onRetry={reload} />}
      </UsageMeters>

      {live && <AlertPanel serverKey={serverKey} serverRef={serverRef} />}

      {live && <HistoryPanel serverRef={serverRef} />}

      {server && <MoreFields server={server} detail={detail} />}

      {live && (
        <ManageRow
          view={live}
          name={name}
          serverRef={serverRef}
          deleting={deleting}
          setDeleting={setDeleting}
          onEdit={() => navigation.navigate({ name: 'edit', key: serverKey, ref: serverRef })}
        />
      )}
    </section>
  );
}
