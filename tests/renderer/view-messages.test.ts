// Issue 9: the popup loads at start only the first glance's messages; a view opened later arrives with
// its own (a chunk per language), so no view ever shows a missing or English text in a Czech popup.
// (tests/packaging/renderer-bundle.test.ts proves the built start JS holds none of the views' messages.)
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import { createFakeBridge, WEB_01 } from './fake-bridge';
import { click, getByRole, hasText, popupUnderTest } from './dom';

/** renderer/i18n and the lazy views as a page has them before anything was loaded (module state is the cache). */
async function freshPage() {
  vi.resetModules();
  const i18n = await import('../../renderer/i18n');
  const { lazyViews } = await import('../../renderer/views/lazy');
  return { ...i18n, lazyViews };
}

describe("the views' messages", () => {
  it('are not there at first glance, and arrive with the first view in every language at hand', async () => {
    const page = await freshPage();
    await page.loadLanguage('cs');
    expect(page.popupI18n('cs', 'cs-CZ').t('nav.settings')).toBe('Nastavení');
    expect(page.isMessageKey('settings.language')).toBe(false);
    // The app's current texts, made before any view was opened.
    const current = page.popupI18n('cs', 'cs-CZ');

    await page.lazyViews.settings.load();
    expect(current.t('settings.language')).toBe('Jazyk');
    expect(page.popupI18n('cs', 'cs-CZ').t('settings.language')).toBe('Jazyk');
    expect(page.popupI18n('en', 'en').t('settings.language')).toBe('Language');
    // A group both parts have keeps the first glance's messages.
    expect(page.popupI18n('cs', 'cs-CZ').t('settings.persisted')).toBe('Zůstane i po restartu.');
  });

  it('come with a language chosen once a view is open, before the popup speaks it', async () => {
    const page = await freshPage();
    await page.lazyViews.settings.load();
    expect(page.isLanguageLoaded('cs')).toBe(false);
    await page.loadLanguage('cs');
    expect(page.popupI18n('cs', 'cs-CZ').t('settings.launchAtLogin')).toBe('Spouštět po přihlášení');
    expect(page.popupI18n('cs', 'cs-CZ').t('alerts.pauseAll')).toBe('Pozastavit všechna upozornění');
  });
});

const popup = popupUnderTest();

describe('a Czech popup', () => {
  it('shows Settings in Czech', async () => {
    const fake = createFakeBridge({ servers: [WEB_01], settings: { ...defaultSettings(), language: 'cs' } });
    const rendered = await popup.render(fake);
    await vi.waitFor(() => expect(getByRole(rendered.root, 'button', 'Nastavení')).toBeTruthy());
    await click(getByRole(rendered.root, 'button', 'Nastavení'));
    expect(getByRole(rendered.root, 'heading', 'Nastavení')).toBeTruthy();
    expect(getByRole(rendered.root, 'combobox', 'Jazyk')).toBeTruthy();
    expect(getByRole(rendered.root, 'checkbox', 'Spouštět po přihlášení')).toBeTruthy();
    expect(hasText(rendered.root, 'Check every (seconds)')).toBe(false);
  });
});
