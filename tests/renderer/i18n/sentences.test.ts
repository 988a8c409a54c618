// The popup's sentences made from facts (renderer/i18n/sentences): worded from the kind in the user's
// language, never main's English. tests/renderer/errors.test.ts covers every error kind in full.
import { describe, expect, it } from 'vitest';
import { loadLanguage, loadViewMessages, popupI18n } from '../../../renderer/i18n';
import { errorText, storageBackendName } from '../../../renderer/i18n/sentences';

// Czech is a chunk of its own in the popup; these tests word things in it directly.
await loadLanguage('cs');

describe('i18n', () => {
  it('words error kinds from the kind in both languages, never passing main’s English through', () => {
    const error = { kind: 'network', message: 'Could not connect to admin.vps.org.' } as const;
    expect(errorText(popupI18n('en', 'en'), error)).toBe('VPS.org cannot be reached. Check your internet connection.');
    expect(errorText(popupI18n('cs', 'cs-CZ'), error)).toBe(
      'VPS.org není dostupné. Zkontrolujte připojení k internetu.',
    );
  });

  it('names the token’s keyring in both languages once the views’ messages are here (only views and banners loaded later say it)', async () => {
    await loadViewMessages();
    expect(storageBackendName(popupI18n('cs', 'cs-CZ'), 'memory')).toBe('jen v paměti');
    expect(storageBackendName(popupI18n('en', 'en'), 'some_new_backend')).toBe('some_new_backend');
  });
});
