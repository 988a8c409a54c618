// What the user must know about storage: a session-only token (lasting banner), where a new token was
// stored (once), start-up resets of settings or vault (once, dismissible), an unsigned macOS build (once
// per version, and in Settings while it holds), and Settings before a token.
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { EventChannel, InvokeChannel, type AuthState } from '../../common/contract';
import { createMemoryStorage } from '../../renderer/state/local';
import { TOKEN_AUTH, createFakeBridge, makeView, ok } from './fake-bridge';
import { choose, click, getByRole, hasText, queryByRole, typeInto, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

const SESSION_ONLY: AuthState = {
  mode: 'token',
  account: { id: 'acct', label: 'VPS.org', baseUrl: 'https://admin.vps.org/api/v1' },
  storage: { backend: 'basic_text', persisted: false, reason: 'No keyring found: install gnome-keyring.' },
};

describe('token storage', () => {
  it('says for as long as a session-only token is in use that it ends at quit, and why', async () => {
    const rendered = await popup.render({ auth: SESSION_ONLY, servers: [makeView(makeServer(1))] });
    const banner = rendered.root.querySelector<HTMLElement>('[data-testid="session-token-banner"]')!;
    expect(banner.textContent).toContain(
      'Your token is kept only until you quit. No keyring found: install gnome-keyring.',
    );
    await click(getByRole(banner, 'button', 'Open Settings'));
    expect(getByRole(rendered.root, 'heading', 'Settings')).toBeTruthy();
    expect(hasText(rendered.root, 'Your token is kept only until you quit.')).toBe(true);
    // Still there when the user comes back: it lasts as long as the session-only token.
    await click(getByRole(rendered.root, 'button', 'Back'));
    expect(rendered.root.querySelector('[data-testid="session-token-banner"]')).not.toBeNull();
  });

  it('shows no session banner for a token kept across restarts', async () => {
    const rendered = await popup.render({ auth: TOKEN_AUTH, servers: [makeView(makeServer(1))] });
    expect(rendered.root.querySelector('[data-testid="session-token-banner"]')).toBeNull();
  });

  it('tells right after saving a token where it went; a session-only token gets the lasting banner', async () => {
    const fake = createFakeBridge({ auth: { mode: 'none' }, servers: [makeView(makeServer(1))] });
    fake.handle(InvokeChannel.tokenSet, () => ok(TOKEN_AUTH));
    const first = await popup.render(fake);
    await typeInto(getByRole(first.root, 'textbox', 'API token'), 'good-token');
    await click(getByRole(first.root, 'button', 'Save token'));
    const stored = first.root.querySelector<HTMLElement>('[data-testid="token-stored"]')!;
    expect(stored.textContent).toContain('Token stored in: GNOME Keyring (libsecret). Kept across restarts.');
    // Briefly: gone after the next navigation.
    await click(getByRole(first.root, 'button', 'Settings'));
    await click(getByRole(first.root, 'button', 'Back'));
    expect(first.root.querySelector('[data-testid="token-stored"]')).toBeNull();
    first.unmount();

    const sessionFake = createFakeBridge({ auth: { mode: 'none' }, servers: [makeView(makeServer(1))] });
    sessionFake.handle(InvokeChannel.tokenSet, () => ok(SESSION_ONLY));
    const rendered = await popup.render(sessionFake);
    await typeInto(getByRole(rendered.root, 'textbox', 'API token'), 'good-token');
    await click(getByRole(rendered.root, 'button', 'Save token'));
    expect(rendered.root.querySelector('[data-testid="token-stored"]')).toBeNull();
    expect(rendered.root.querySelector('[data-testid="session-token-banner"]')).not.toBeNull();
  });
});

describe('settings before a token exists', () => {
  it('reach Settings from token setup and change the language; token parts are not offered', async () => {
    const fake = createFakeBridge({ auth: { mode: 'none' } });
    const rendered = await popup.render(fake);
    expect(queryByRole(rendered.root, 'button', 'New server')).toBeNull();
    await click(getByRole(rendered.root, 'button', 'Settings'));
    expect(getByRole(rendered.root, 'heading', 'Settings')).toBeTruthy();
    expect(queryByRole(rendered.root, 'button', 'Sign out')).toBeNull();
    expect(hasText(rendered.root, 'Token stored in')).toBe(false);
    expect(hasText(rendered.root, 'No account connected yet.')).toBe(true);

    await choose(getByRole(rendered.root, 'combobox', 'Language'), 'cs');
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([{ language: 'cs' }]);
    // The Czech messages load on demand (their own chunk): the switch shows once they have arrived.
    await vi.waitFor(() => expect(getByRole(rendered.root, 'heading', 'Nastavení')).toBeTruthy(), { timeout: 10_000 });
    await click(getByRole(rendered.root, 'button', 'Zpět'));
    expect(getByRole(rendered.root, 'heading', 'Připojte svůj účet VPS.org')).toBeTruthy();
  });
});

describe('start-up notices', () => {
  const notices = [
    { code: 'settings-reset' as const, backupPath: '/home/u/.config/vps/config.json.corrupt-1' },
    { code: 'vault-reset' as const, backupPath: '/home/u/.config/vps/token.bin.corrupt-1' },
  ];

  it('shows each notice with the backup path until dismissed, and only once across windows', async () => {
    const storage = createMemoryStorage();
    const first = await popup.render({ appInfo: { notices }, servers: [makeView(makeServer(1))] }, { storage });
    const root = first.root;
    expect(hasText(root, 'Your settings file could not be read and was reset to defaults.')).toBe(true);
    expect(hasText(root, 'The old file was kept as /home/u/.config/vps/config.json.corrupt-1.')).toBe(true);
    expect(hasText(root, 'Your saved token could not be read')).toBe(true);
    expect(hasText(root, '/home/u/.config/vps/token.bin.corrupt-1')).toBe(true);

    await click(getByRole(root, 'button', 'Dismiss the settings notice'));
    expect(hasText(root, 'Your settings file could not be read')).toBe(false);
    expect(hasText(root, 'Your saved token could not be read')).toBe(true);
    first.unmount();

    // A new popup window of the same run gets the same notices from main: the dismissed one stays away.
    const rendered = await popup.render({ appInfo: { notices }, servers: [makeView(makeServer(1))] }, { storage });
    expect(hasText(rendered.root, 'Your settings file could not be read')).toBe(false);
    expect(hasText(rendered.root, 'Your saved token could not be read')).toBe(true);
  });

  it('words the notices in Czech and shows them over token setup too', async () => {
    const rendered = await popup.render({ auth: { mode: 'none' }, appInfo: { notices, systemLocale: 'cs-CZ' } });
    expect(hasText(rendered.root, 'Soubor s nastavením nešlo přečíst, nastavení bylo vráceno na výchozí.')).toBe(true);
    expect(hasText(rendered.root, 'Uložený token nešlo přečíst')).toBe(true);
    expect(getByRole(rendered.root, 'textbox', 'API token')).toBeTruthy();
  });
});

const unsigned = (version: string) => ({ code: 'notifications-unsigned' as const, version });

describe('an unsigned macOS build (no notifications)', () => {
  const NOTICE = 'This build is not signed, so macOS does not show its notifications.';
  const ATTENTION = 'The tray icon still turns to ⚠ when a server needs attention.';
  const SETTINGS_LINE = 'macOS does not show notifications of this unsigned build; the tray icon still shows ⚠.';

  it('says so once per version, and under Settings → Show notifications for as long as it holds', async () => {
    const storage = createMemoryStorage();
    const appInfo = { platform: 'darwin', notices: [unsigned('1.4.0')] };
    const first = await popup.render({ appInfo, servers: [makeView(makeServer(1))] }, { storage });
    expect(hasText(first.root, NOTICE)).toBe(true);
    expect(hasText(first.root, ATTENTION)).toBe(true);
    await click(getByRole(first.root, 'button', 'Dismiss the unsigned build notice'));
    expect(hasText(first.root, NOTICE)).toBe(false);
    // Dismissed, it still holds: Settings say it under the notifications switch.
    await click(getByRole(first.root, 'button', 'Settings'));
    const line = first.root.querySelector<HTMLElement>('#settings-notifications-unsigned')!;
    expect(line.textContent).toBe(SETTINGS_LINE);
    expect(line.previousElementSibling?.querySelector('#settings-notifications')).not.toBeNull();
    first.unmount();

    // The next start of the same version stays quiet; a new version that is still unsigned says it again.
    const again = await popup.render({ appInfo, servers: [makeView(makeServer(1))] }, { storage });
    expect(hasText(again.root, NOTICE)).toBe(false);
    again.unmount();
    const next = { platform: 'darwin', notices: [unsigned('1.5.0')] };
    const newer = await popup.render({ appInfo: next, servers: [makeView(makeServer(1))] }, { storage });
    expect(hasText(newer.root, NOTICE)).toBe(true);
  });

  it('found after the page loaded: shown when the popup is next shown; no line in Settings before', async () => {
    const rendered = await popup.render({ appInfo: { platform: 'darwin' }, servers: [makeView(makeServer(1))] });
    await click(getByRole(rendered.root, 'button', 'Settings'));
    expect(getByRole(rendered.root, 'checkbox', 'Show notifications')).toBeTruthy();
    expect(rendered.root.querySelector('#settings-notifications-unsigned')).toBeNull();
    await act(() => rendered.fake.emit(EventChannel.popupShown, { view: null, notices: [unsigned('1.4.0')] }));
    await vi.waitFor(() => expect(hasText(rendered.root, NOTICE)).toBe(true), { timeout: 10_000 });
    expect(rendered.root.querySelector('#settings-notifications-unsigned')?.textContent).toBe(SETTINGS_LINE);
  });

  it('words the notice and the Settings line in Czech', async () => {
    const appInfo = { platform: 'darwin', notices: [unsigned('1.4.0')], systemLocale: 'cs-CZ' };
    const rendered = await popup.render({ appInfo, servers: [makeView(makeServer(1))] });
    await vi.waitFor(
      () =>
        expect(
          hasText(
            rendered.root,
            'Tato verze není podepsaná, a proto macOS nezobrazuje její oznámení. Ikona v liště se přesto změní na ⚠, když server potřebuje pozornost.',
          ),
        ).toBe(true),
      { timeout: 10_000 },
    );
    expect(getByRole(rendered.root, 'button', 'Zavřít upozornění na nepodepsanou verzi')).toBeTruthy();
    await click(getByRole(rendered.root, 'button', 'Nastavení'));
    expect(rendered.root.querySelector('#settings-notifications-unsigned')?.textContent).toBe(
      'macOS nezobrazuje oznámení této nepodepsané verze; ikona v liště přesto ukáže ⚠.',
    );
  });
});
