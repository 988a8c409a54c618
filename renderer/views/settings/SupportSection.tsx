// Settings' support: "Copy diagnostics" (main builds the text; server names only when ticked) and
// whether it was copied.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { CheckField } from '../../forms/fields';
import { useStore } from '../../hooks/use-store';
import { errorText } from '../../i18n/sentences';
import { StatusNote, type Note } from './StatusNote';

export function SupportSection() {
  const store = useStore();
  const { t } = store;
  const [includeServerNames, setIncludeServerNames] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  async function copyDiagnostics(): Promise<void> {
    const result = await store.clipboard.copyDiagnostics(includeServerNames);
    setNote(
      result.ok
        ? { tone: 'info', text: store.t('settings.copied') }
        : { tone: 'error', text: errorText(store.i18n.value, result.error) },
    );
  }

  return (
    <section class="account" aria-labelledby="support-title">
      <h3 id="support-title">{t('settings.support')}</h3>
      <p class="hint">{t('settings.diagnosticsHint')}</p>
      <CheckField
        id="settings-include-server-names"
        label={t('settings.includeServerNames')}
        checked={includeServerNames}
        onChange={(checked) => {
          setIncludeServerNames(checked);
          setNote(null);
        }}
      />
      <button type="button" onClick={() => void copyDiagnostics()}>
        {t('settings.copyDiagnostics')}
      </button>
      {note && <StatusNote note={note} />}
    </section>
  );
}
