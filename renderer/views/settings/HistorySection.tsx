// Settings → History: how long the history is kept (or off), the uptime in the tray's tooltip, the
// history of each account exported, and clearing it all (asked first, like signing out). Kept only on
// this computer, which the section says.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { HISTORY_KEEP_DAYS, type HistoryKeepDays } from '../../../common/history';
import type { Settings } from '../../../common/settings';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { historyOf } from '../../state/history';
import { ExportButtons } from '../history/ExportButtons';
import { NoteAt, useNotes } from './notes';
import { Switch, type SaveSetting } from './PreferencesForm';
import { SettingsSection } from './SettingsSection';

const KEEP_AT = 'settings-history-keep';
const CLEAR_AT = 'settings-history-clear';

function KeepField({ keepDays, save }: { keepDays: HistoryKeepDays; save: SaveSetting }) {
  const { t, i18n } = useStore();
  return (
    <div class="field">
      <label for={KEEP_AT}>{t('historySettings.keep')}</label>
      <select
        id={KEEP_AT}
        value={String(keepDays)}
        onChange={(event) => {
          const days = HISTORY_KEEP_DAYS.find((choice) => String(choice) === event.currentTarget.value);
          if (days !== undefined) void save({ historyKeepDays: days }, KEEP_AT);
        }}
      >
        {HISTORY_KEEP_DAYS.map((days) => (
          <option key={days} value={String(days)}>
            {days === 0 ? t('historySettings.off') : i18n.value.plural('historySettings.days', days)}
          </option>
        ))}
      </select>
      <NoteAt at={KEEP_AT} />
    </div>
  );
}

/** The accounts whose history can be exported: the signed-in ones, or the demo's. */
function useExportableAccounts(): Array<{ id: string; label: string }> {
  const { auth } = useStore();
  const state = auth.state.value;
  if (state?.mode === 'demo') return [state.account];
  if (state?.mode !== 'token') return [];
  return state.accounts ?? [state.account];
}

function HistoryExports() {
  const { t } = useStore();
  const accounts = useExportableAccounts();
  if (accounts.length === 0) return null;
  return (
    <div class="field">
      <h4 class="field-title">{t('historySettings.export')}</h4>
      <ul class="history-exports">
        {accounts.map((account) => (
          <li key={account.id}>
            <span class="account-label">{account.label}</span>
            <ExportButtons accountId={account.id} label={t('export.accountLabel', { label: account.label })} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ClearHistory() {
  const store = useStore();
  const { t } = store;
  const notes = useNotes();
  const history = historyOf(store.historyBridge);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const clearButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The question is asked where the keyboard is: on its Clear button (autofocus is not kept on later insertions).
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function close(): void {
    setConfirming(false);
    // The confirmation's buttons are gone: the keyboard goes back to the button that opened it.
    clearButton.current?.focus();
  }

  async function clear(): Promise<void> {
    if (busy) return;
    setBusy(true);
    const result = await history.clear();
    setBusy(false);
    close();
    notes.show(
      CLEAR_AT,
      result.ok
        ? { tone: 'info', text: (i18n) => i18n.t('historySettings.cleared') }
        : {
            tone: 'error',
            text: (i18n) => i18n.t('historySettings.clearFailed', { message: errorText(i18n, result.error) }),
          },
    );
  }

  return (
    <div class="field history-clear">
      <button
        type="button"
        class="danger-outline"
        id={CLEAR_AT}
        ref={clearButton}
        aria-expanded={confirming ? 'true' : 'false'}
        onClick={() => {
          notes.show(CLEAR_AT, null);
          setConfirming(true);
        }}
      >
        {t('historySettings.clear')}
      </button>
      {confirming && (
        <div class="confirm" role="group" aria-label={t('historySettings.clear')}>
          <p>{t('historySettings.clearQuestion')}</p>
          <div class="buttons">
            <button
              type="button"
              class="danger"
              ref={confirmButton}
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => void clear()}
            >
              {t('historySettings.clearConfirm')}
            </button>
            <button type="button" onClick={close}>
              {t('button.cancel')}
            </button>
          </div>
        </div>
      )}
      <NoteAt at={CLEAR_AT} />
    </div>
  );
}

export function HistorySection({ settings, save }: { settings: Settings; save: SaveSetting }) {
  const { t } = useStore();
  return (
    <SettingsSection id="history" title={t('history.title')}>
      <p class="hint">{t('historySettings.privacy')}</p>
      <KeepField keepDays={settings.historyKeepDays} save={save} />
      <Switch
        id="settings-uptime-tooltip"
        label={t('historySettings.tooltip')}
        checked={settings.uptimeInTooltip}
        patch={(uptimeInTooltip) => ({ uptimeInTooltip })}
        save={save}
      />
      <HistoryExports />
      <ClearHistory />
    </SettingsSection>
  );
}
