// Settings' support: "Copy diagnostics" (main builds the text; server names only when ticked) and
// whether it was copied.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { CheckField } from '../../forms/fields';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { NoteAt, useNotes } from './notes';
import { SettingsSection } from './SettingsSection';

const AT = 'settings-copy-diagnostics';

export function SupportSection() {
  const store = useStore();
  const { t } = store;
  const [includeServerNames, setIncludeServerNames] = useState(false);
  const notes = useNotes();

  async function copyDiagnostics(): Promise<void> {
    const result = await store.clipboard.copyDiagnostics(includeServerNames);
    notes.show(
      AT,
      result.ok
        ? { tone: 'info', text: (i18n) => i18n.t('settings.copied') }
        : { tone: 'error', text: (i18n) => errorText(i18n, result.error) },
    );
  }

  return (
    <SettingsSection id="support" title={t('settings.support')}>
      <p class="hint">{t('settings.diagnosticsHint')}</p>
      <CheckField
        id="settings-include-server-names"
        label={t('settings.includeServerNames')}
        checked={includeServerNames}
        onChange={(checked) => {
          setIncludeServerNames(checked);
          notes.show(AT, null);
        }}
      />
      <button type="button" id={AT} onClick={() => void copyDiagnostics()}>
        {t('settings.copyDiagnostics')}
      </button>
      <NoteAt at={AT} />
    </SettingsSection>
  );
}
