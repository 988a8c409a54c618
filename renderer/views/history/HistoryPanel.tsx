// The detail's History: uptime over 24 h / 7 d / 30 d, the up/down strips, the last 7 days' timeline,
// and export. Fetched when the detail opens and again when main records something for this server;
// until the first answer, and while a newer one is on its way, what was shown stays. When the history
// is off it says so, with the way to Settings → History.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { IpcError } from '../../../common/contract';
import type { ServerHistory } from '../../../common/history';
import type { ServerRef } from '../../../common/servers';
import { ErrorLine, Placeholder } from '../../components/lines';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { historyOf } from '../../state/history';
import { openSettingsSection } from '../settings/SettingsSection';
import { ExportButtons } from './ExportButtons';
import { Timeline } from './Timeline';
import { UptimeFigures, UptimeStrips } from './UptimeStrip';

type HistoryLoad =
  { state: 'loading' } | { state: 'failed'; error: IpcError } | { state: 'ready'; history: ServerHistory };

/** The history of `serverRef`, fetched again when main says it grew. */
function useServerHistory(serverRef: ServerRef): HistoryLoad {
  const store = useStore();
  const history = historyOf(store.historyBridge);
  const { accountId, id } = serverRef;
  const [load, setLoad] = useState<HistoryLoad>({ state: 'loading' });
  const [changes, setChanges] = useState(0);
  useEffect(
    () =>
      history.onChange((refs) => {
        if (refs.some((ref) => ref.accountId === accountId && ref.id === id)) setChanges((count) => count + 1);
      }),
    [history, accountId, id],
  );
  useEffect(() => {
    let current = true;
    void history.server({ accountId, id }).then((result) => {
      if (current)
        setLoad(result.ok ? { state: 'ready', history: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [history, accountId, id, changes]);
  return load;
}

export function HistoryPanel({ serverRef }: { serverRef: ServerRef }) {
  const store = useStore();
  const { t, navigation } = store;
  const load = useServerHistory(serverRef);
  return (
    <section class="history-panel" aria-labelledby="history-title" data-testid="history">
      <h3 id="history-title">{t('history.title')}</h3>
      {load.state === 'loading' && <Placeholder text={t('history.loading')} />}
      {load.state === 'failed' && (
        <ErrorLine text={t('history.failed', { message: errorText(store.i18n.value, load.error) })} />
      )}
      {load.state === 'ready' &&
        (load.history.off ? (
          <p class="hint">
            {t('history.off')}{' '}
            <button
              type="button"
              class="link-button"
              onClick={() => {
                openSettingsSection('history');
                navigation.navigate({ name: 'settings' });
              }}
            >
              {t('history.openSettings')}
            </button>
          </p>
        ) : (
          <div>
            <UptimeFigures uptime={load.history.uptime} />
            <UptimeStrips strip={load.history.strip} />
            <h4 class="timeline-title">{t('history.timeline')}</h4>
            <Timeline entries={load.history.entries} now={Date.now()} />
            <ExportButtons accountId={serverRef.accountId} serverId={serverRef.id} label={t('export.serverLabel')} />
          </div>
        ))}
    </section>
  );
}
