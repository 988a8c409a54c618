// Settings, one page in sections a short table of contents leads to: General (language, switches,
// shortcut, confirmations, polling), Accounts (the one place to add, rename and sign out of accounts),
// Alerts, History, Updates (and the version), and Reporting a problem. Each change is saved at once with a patch
// of just that setting (state/settings.ts) and said once, next to its control, in the current language
// (./notes).
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { Placeholder } from '../../components/lines';
import { ViewHead } from '../../components/ViewHead';
import { useStore } from '../../hooks/use-store';
import type { MessageKey } from '../../i18n';
import { AccountsSection } from './AccountsSection';
import { AlertSettings } from './AlertSettings';
import { NotesProvider, useNotes } from './notes';
import { GeneralSection, UpdatesSection, type SaveSetting } from './PreferencesForm';
import { focusRequestedSection, focusSection, SECTION_IDS, type SectionId } from './SettingsSection';
import { HistorySection } from './HistorySection';
import { SupportSection } from './SupportSection';

const SECTION_TITLES: Record<SectionId, MessageKey> = {
  general: 'settings.general',
  accounts: 'accounts.title',
  alerts: 'alerts.title',
  history: 'history.title',
  updates: 'settings.updates',
  support: 'settings.support',
};

/** Links to the sections: the heading gets focus (and scrolls into view), so the keyboard follows. */
function Contents() {
  const { t } = useStore();
  return (
    <nav class="settings-toc" aria-label={t('settings.contents')}>
      <ul>
        {SECTION_IDS.map((id) => (
          <li key={id}>
            <a
              href={`#settings-${id}`}
              onClick={(event) => {
                event.preventDefault();
                focusSection(id);
              }}
            >
              {t(SECTION_TITLES[id])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SettingsBody() {
  const store = useStore();
  const settings = store.settings.current.value;
  const notes = useNotes();
  useEffect(() => void store.updates.load(), [store]);
  // Opened from a link to one of its sections (the detail's "Settings → History"), once it is drawn.
  const drawn = settings !== null;
  useEffect(() => {
    if (drawn) focusRequestedSection();
  }, [drawn]);
  const save: SaveSetting = async (patch, at) => notes.report(at, await store.settings.save(patch));
  const loading = <Placeholder text={store.t('app.loading')} />;
  return (
    <div class="settings-sections">
      <Contents />
      {settings ? <GeneralSection settings={settings} save={save} /> : loading}
      <AccountsSection />
      {settings && <AlertSettings alerts={settings.alerts} />}
      {settings && <HistorySection settings={settings} save={save} />}
      {settings && <UpdatesSection settings={settings} save={save} />}
      <SupportSection />
    </div>
  );
}

export function SettingsView() {
  const { t, navigation } = useStore();
  return (
    <section class="form-view" aria-labelledby="settings-title">
      <ViewHead
        titleId="settings-title"
        title={t('nav.settings')}
        onBack={() => navigation.navigate({ name: 'list' })}
      />
      <NotesProvider>
        <SettingsBody />
      </NotesProvider>
    </section>
  );
}
