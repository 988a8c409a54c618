// Settings: each change is saved at once with a patch of just that setting (state/settings.ts), and
// the account: where its token is kept, and signing out.
import { Fragment, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SettingsPatch } from '../../common/settings';
import { Placeholder } from '../components/lines';
import { ViewHead } from '../components/ViewHead';
import { AccountsSection } from './AccountsSection';
import { CheckField, fieldA11y } from '../forms/fields';
import { ShortcutField } from '../forms/ShortcutField';
import { useStore } from '../hooks/use-store';
import { pickLanguage } from '../../common/i18n/i18n';
import { errorText, sessionOnlyReason, storageBackendName } from '../i18n/sentences';
import type { UpdateState } from '../../common/contract';
import type { I18n } from '../i18n';

/** One line on where updating stands: why it is not possible here, or its phase. */
function updateText(t: I18n['t'], state: UpdateState): string {
  if (state.unavailable) return t(`updates.${state.unavailable}`);
  return t(`updates.${state.phase}`, { version: state.version ?? '' });
}
import { AlertSettings } from './AlertSettings';

const IDLE_MIN = 15;
const IDLE_MAX = 3600;

export function SettingsView() {
  const store = useStore();
  const { t, navigation } = store;
  const settings = store.settings.current.value;
  const auth = store.auth.state.value;
  const info = store.app.info.value;
  const updates = store.updates.current.value;
  useEffect(() => void store.updates.load(), [store]);
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [intervalDraft, setIntervalDraft] = useState<string | null>(null);
  const [includeServerNames, setIncludeServerNames] = useState(false);
  const [diagnosticsStatus, setDiagnosticsStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  /** Saves one change and says how it went; true when main accepted it. */
  async function save(patch: SettingsPatch): Promise<boolean> {
    const result = await store.settings.save(patch);
    if (result.ok) {
      setStatus({ tone: 'info', text: store.t('form.saved') });
    } else {
      setStatus({
        tone: 'error',
        text: store.t('settings.failed', { message: errorText(store.i18n.value, result.error) }),
      });
    }
    return result.ok;
  }

  async function copyDiagnostics(): Promise<void> {
    const result = await store.clipboard.copyDiagnostics(includeServerNames);
    setDiagnosticsStatus(
      result.ok
        ? { tone: 'info', text: store.t('settings.copied') }
        : { tone: 'error', text: errorText(store.i18n.value, result.error) },
    );
  }

  async function signOut(): Promise<void> {
    const result = await store.auth.signOut();
    if (!result.ok) setStatus({ tone: 'error', text: errorText(store.i18n.value, result.error) });
  }

  const intervalText = intervalDraft ?? String(settings?.pollIntervals.idleSeconds ?? '');
  const intervalNumber = Number(intervalText);
  const intervalValid = Number.isInteger(intervalNumber) && intervalNumber >= IDLE_MIN && intervalNumber <= IDLE_MAX;
  const intervalError = intervalDraft !== null && !intervalValid ? t('settings.pollHint') : undefined;
  const systemLanguage = pickLanguage('auto', info?.systemLocale ?? 'en');

  return (
    <section class="form-view" aria-labelledby="settings-title">
      <ViewHead
        titleId="settings-title"
        title={t('nav.settings')}
        onBack={() => navigation.navigate({ name: 'list' })}
      />
      {!settings ? (
        <Placeholder text={t('app.loading')} />
      ) : (
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          <div class="field">
            <label for="settings-interval">{t('settings.pollInterval')}</label>
            <input
              {...fieldA11y('settings-interval', intervalError, 'settings-interval-hint')}
              type="number"
              min={IDLE_MIN}
              max={IDLE_MAX}
              step={1}
              value={intervalText}
              onInput={(event) => setIntervalDraft(event.currentTarget.value)}
              onChange={() => {
                if (intervalValid && intervalNumber !== settings.pollIntervals.idleSeconds)
                  void save({ pollIntervals: { idleSeconds: intervalNumber } }).then(() => setIntervalDraft(null));
              }}
            />
            <p class="hint" id="settings-interval-hint">
              {t('settings.pollHint')}
            </p>
            {intervalError && (
              <p class="field-error" id="settings-interval-error">
                {intervalError}
              </p>
            )}
          </div>
          <fieldset>
            <legend>{t('settings.confirmations')}</legend>
            {(['start', 'stop', 'reboot'] as const).map((action) => (
              <CheckField
                key={action}
                id={`settings-confirm-${action}`}
                label={t(`askBefore.${action}`)}
                checked={settings.confirmations[action]}
                onChange={(checked) => void save({ confirmations: { [action]: checked } })}
              />
            ))}
          </fieldset>
          <CheckField
            id="settings-notifications"
            label={t('settings.notifications')}
            checked={settings.notifications}
            onChange={(notifications) => void save({ notifications })}
          />
          <CheckField
            id="settings-login"
            label={t('settings.launchAtLogin')}
            checked={settings.launchAtLogin}
            onChange={(launchAtLogin) => void save({ launchAtLogin })}
          />
          <CheckField
            id="settings-demo"
            label={t('settings.demoMode')}
            checked={settings.demoMode}
            onChange={(demoMode) => void save({ demoMode })}
          />
          <ShortcutField value={settings.globalShortcut} save={save} />
          <CheckField
            id="settings-auto-update"
            label={t('settings.autoUpdate')}
            checked={settings.autoUpdate}
            onChange={(autoUpdate) => void save({ autoUpdate })}
          />
          {updates && (
            <p class="hint" id="settings-updates">
              {updateText(t, updates)}
            </p>
          )}
          <div class="field">
            <label for="settings-language">{t('settings.language')}</label>
            <select
              id="settings-language"
              value={settings.language}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (value === 'auto' || value === 'en' || value === 'cs') void save({ language: value });
              }}
            >
              <option value="auto">{t('settings.languageAuto', { language: t(`language.${systemLanguage}`) })}</option>
              <option value="en" lang="en">
                {t('language.en')}
              </option>
              <option value="cs" lang="cs">
                {t('language.cs')}
              </option>
            </select>
          </div>
          <AlertSettings alerts={settings.alerts} />
        </form>
      )}
      {status && (
        <p class={`notice notice-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      <section class="account" aria-labelledby="account-title">
        <h3 id="account-title">{t('settings.account')}</h3>
        {auth?.mode === 'token' && (
          <Fragment>
            <p>{auth.account.label}</p>
            <p>
              {t('settings.storage', { backend: storageBackendName(store.i18n.value, auth.storage.backend) })}
              <span class="sub">{auth.storage.persisted ? t('settings.persisted') : t('token.sessionOnly')}</span>
            </p>
            {!auth.storage.persisted && (
              <p class="hint">{sessionOnlyReason(store.i18n.value, auth.storage, info?.platform ?? '')}</p>
            )}
          </Fragment>
        )}
        {auth?.mode === 'demo' && <p>{t('settings.demoAccount')}</p>}
        {auth?.mode === 'none' && <p>{t('settings.noAccount')}</p>}
        {/* With several accounts, each is removed on its own (below). */}
        {auth && auth.mode !== 'none' && store.accounts.list.value.length < 2 && (
          <button type="button" class="danger-outline" onClick={() => void signOut()}>
            {auth.mode === 'demo' ? t('demo.leave') : t('settings.signOut')}
          </button>
        )}
        {info?.version && <p class="hint">{t('settings.version', { version: info.version })}</p>}
      </section>
      <section class="account" aria-labelledby="support-title">
        <h3 id="support-title">{t('settings.support')}</h3>
        <p class="hint">{t('settings.diagnosticsHint')}</p>
        <CheckField
          id="settings-include-server-names"
          label={t('settings.includeServerNames')}
          checked={includeServerNames}
          onChange={(checked) => {
            setIncludeServerNames(checked);
            setDiagnosticsStatus(null);
          }}
        />
        <button type="button" onClick={() => void copyDiagnostics()}>
          {t('settings.copyDiagnostics')}
        </button>
        {diagnosticsStatus && (
          <p
            class={`notice notice-${diagnosticsStatus.tone}`}
            role={diagnosticsStatus.tone === 'error' ? 'alert' : 'status'}
          >
            {diagnosticsStatus.text}
          </p>
        )}
      </section>
      {auth && auth.mode !== 'none' && <AccountsSection />}
    </section>
  );
}
