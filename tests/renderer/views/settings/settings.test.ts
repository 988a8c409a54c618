// Settings: each change saved as a patch, a failed save shown, the language switched, signing out.
import { describe, expect, it, vi } from 'vitest';
import { InvokeChannel } from '../../../../common/contract';
import { TOKEN_AUTH, createFakeBridge, fail, ok, WEB_01 } from '../../fake-bridge';
import { act } from 'preact/test-utils';
import { choose, click, getByRole, hasText, queryByRole, settle, typeInto, popupUnderTest } from '../../dom';

const popup = popupUnderTest();

describe('settings', () => {
  it('saves each change as a patch and shows where the token is kept; sign out clears it', async () => {
    const fake = createFakeBridge({
      servers: [WEB_01],
      auth: {
        ...TOKEN_AUTH,
        storage: { backend: 'memory', persisted: false, reason: 'No keyring found: install gnome-keyring.' },
      } as typeof TOKEN_AUTH,
    });
    fake.handle(InvokeChannel.tokenClear, () => ok({ mode: 'none' }));
    const rendered = await popup.render(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Settings'));
    await click(getByRole(root, 'checkbox', 'Rebooting a server'));
    await click(getByRole(root, 'checkbox', 'Launch at login'));
    const interval = getByRole(root, 'spinbutton', 'Check every (seconds)') as HTMLInputElement;
    await typeInto(interval, '5');
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    await typeInto(interval, '120');
    await act(() => {
      interval.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([
      { confirmations: { reboot: false } },
      { launchAtLogin: true },
      { pollIntervals: { idleSeconds: 120 } },
    ]);
    expect(hasText(root, 'Token stored in: memory only.')).toBe(true);
    expect(hasText(root, 'Your token is kept only until you quit.')).toBe(true);
    expect(hasText(root, 'No keyring found: install gnome-keyring.')).toBe(true);
    await click(getByRole(root, 'button', 'Sign out of VPS.org'));
    expect(fake.callsTo(InvokeChannel.tokenClear)).toHaveLength(0);
    await click(getByRole(root, 'button', 'Sign out'));
    expect(fake.callsTo(InvokeChannel.tokenClear)).toHaveLength(1);
    expect(queryByRole(root, 'textbox', 'API token')).not.toBeNull();
  });

  it('shows a failed save', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.settingsSet, () => fail({ kind: 'internal', message: 'EACCES /home/u/.config' }));
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Settings'));
    await click(getByRole(rendered.root, 'checkbox', 'Show notifications'));
    expect(getByRole(rendered.root, 'alert').textContent).toBe(
      'Could not save: Something went wrong inside the app. Please try again.',
    );
  });

  it('switches the whole popup to Czech when the language is overridden', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    const rendered = await popup.render(fake);
    await click(getByRole(rendered.root, 'button', 'Settings'));
    await choose(getByRole(rendered.root, 'combobox', 'Language'), 'cs');
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([{ language: 'cs' }]);
    // The Czech messages load on demand (their own chunk): the switch shows once they have arrived.
    await vi.waitFor(() => expect(getByRole(rendered.root, 'heading', 'Nastavení')).toBeTruthy(), { timeout: 10_000 });
    expect(document.documentElement.lang).toBe('cs');
    await click(getByRole(rendered.root, 'button', 'Zpět'));
    expect(hasText(rendered.root, '1 server')).toBe(true);
    expect(getByRole(rendered.root, 'button', 'Zastavit web-01')).toBeTruthy();
    expect(rendered.root.querySelector('.status-text')?.textContent).toBe('běží');
  });
});
