// Settings' global shortcut: an accelerator typed as text (common/shortcut.ts checks it as you type and
// main checks it again), saved when the field is left or Enter pressed, and under it what main made of
// the saved one (active, off, or why the OS refused it).
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ShortcutStatus } from '../../../common/contract';
import type { SettingsPatch } from '../../../common/settings';
import { checkGlobalShortcut, normalizeShortcut, SHORTCUT_MAX_LENGTH } from '../../../common/shortcut';
import { useStore } from '../../hooks/use-store';
import type { I18n } from '../../i18n';
import { violationText } from '../../forms/messages';
import { fieldA11y } from '../../forms/fields';
import { NoteAt } from './notes';

const ID = 'settings-shortcut';

function statusText(i18n: I18n, status: ShortcutStatus): string {
  if (status.state === 'off') return i18n.t('shortcut.off');
  if (status.state === 'active') return i18n.t('shortcut.active', { shortcut: status.accelerator });
  return i18n.t(`shortcut.failed.${status.reason}`, { shortcut: status.accelerator });
}

export function ShortcutField({
  value,
  save,
}: {
  /** The saved accelerator ('' = off). */
  value: string;
  /** Saves the patch (its note at this field); true when main accepted it. */
  save: (patch: SettingsPatch, at: string) => Promise<boolean>;
}) {
  const store = useStore();
  const { t } = store;
  const i18n = store.i18n.value;
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => void store.shortcut.load(), [store]);

  const text = draft ?? value;
  const normalized = normalizeShortcut(text);
  const violation = checkGlobalShortcut(normalized);
  const error = draft !== null && violation ? violationText(i18n, violation) : undefined;
  const status = store.shortcut.current.value;

  function commit(): void {
    if (draft === null || violation) return;
    if (normalized === value) {
      setDraft(null);
      return;
    }
    // A refused save keeps what was typed, so it can be corrected.
    void save({ globalShortcut: normalized }, ID).then((saved) => saved && setDraft(null));
  }

  return (
    <div class="field">
      <label for={ID}>{t('shortcut.label')}</label>
      <input
        {...fieldA11y(ID, error, `${ID}-hint`)}
        type="text"
        autocomplete="off"
        spellcheck={false}
        maxLength={SHORTCUT_MAX_LENGTH}
        placeholder={t('shortcut.placeholder')}
        value={text}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onChange={commit}
      />
      <p class="hint" id={`${ID}-hint`}>
        {t('shortcut.hint')}
      </p>
      {error && (
        <p class="field-error" id={`${ID}-error`}>
          {error}
        </p>
      )}
      <NoteAt at={ID} />
      {status && (
        <p
          class={`notice ${status.state === 'failed' ? 'notice-error' : 'notice-info'}`}
          role="status"
          data-testid="shortcut-status"
        >
          {statusText(i18n, status)}
        </p>
      )}
    </div>
  );
}
