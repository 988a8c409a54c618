// Settings: the preferences (each change saved at once with a patch of just that setting,
// state/settings.ts), the account signed in, support, and the token accounts.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SettingsPatch } from '../../../common/settings';
import { Placeholder } from '../../components/lines';
import { ViewHead } from '../../components/ViewHead';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { AccountsSection } from './AccountsSection';
import { AccountSummary } from './AccountSummary';
import { PreferencesForm } from './PreferencesForm';
import { StatusNote, type Note } from './StatusNote';
import { SupportSection } from './SupportSection';

export function SettingsView() {
  const store = useStore();
  const { t, navigation } = store;
  const settings = store.settings.current.value;
  const auth = store.auth.state.value;
  useEffect(() => void store.updates.load(), [store]);
  const [status, setStatus] = useState<Note | null>(null);

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

  return (
    <section class="form-view" aria-labelledby="settings-title">
      <ViewHead
        titleId="settings-title"
        title={t('nav.settings')}
        onBack={() => navigation.navigate({ name: 'list' })}
      />
      {!settings ? <Placeholder text={t('app.loading')} /> : <PreferencesForm settings={settings} save={save} />}
      {status && <StatusNote note={status} />}
      <AccountSummary onFailure={setStatus} />
      <SupportSection />
      {auth && auth.mode !== 'none' && <AccountsSection />}
    </section>
  );
}
