// Settings' global shortcut: checked as typed (what was typed stays, with the rule in words), saved
// tidied when valid, and what main made of it shown under it: active, off, or why it could not be.
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { EventChannel, InvokeChannel } from '../../../../common/contract';
import { createFakeBridge, fail, ok, WEB_01 } from '../../fake-bridge';
import { choose, click, getByRole, settle, typeInto, popupUnderTest } from '../../dom';

const popup = popupUnderTest();

async function commit(input: HTMLElement): Promise<void> {
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

async function openSettings(fake = createFakeBridge({ servers: [WEB_01] })) {
  const rendered = await popup.render(fake);
  await click(getByRole(rendered.root, 'button', 'Settings'));
  const field = getByRole(rendered.root, 'textbox', 'Global shortcut') as HTMLInputElement;
  const status = () => rendered.root.querySelector('[data-testid="shortcut-status"]')?.textContent ?? null;
  const error = () => rendered.root.querySelector('#settings-shortcut-error')?.textContent ?? null;
  return { ...rendered, fake, field, status, error };
}

describe('settings: global shortcut', () => {
  it('shows the saved shortcut and that it is active', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.shortcutStatus, () =>
      ok({ state: 'active', accelerator: 'CommandOrControl+Alt+Shift+K' }),
    );
    const t = await openSettings(fake);
    expect(t.field.value).toBe('CommandOrControl+Alt+Shift+K');
    expect(t.status()).toBe('CommandOrControl+Alt+Shift+K opens the popup from anywhere.');
  });

  it('a malformed shortcut: the rule in words, what was typed kept, nothing saved', async () => {
    const t = await openSettings();
    await typeInto(t.field, 'Shift+K');
    expect(t.field.getAttribute('aria-invalid')).toBe('true');
    expect(t.error()).toBe('Add Ctrl, Alt, Command or Super.');
    await commit(t.field);
    await typeInto(t.field, 'Ctrl+Alt+');
    expect(t.error()).toBe('Write modifiers and one key joined by +, e.g. Ctrl+Alt+K.');
    await commit(t.field);
    expect(t.field.value).toBe('Ctrl+Alt+');
    expect(t.fake.callsTo(InvokeChannel.settingsSet)).toEqual([]);
  });

  it('a valid one is saved tidied; empty turns it off; main’s answer then shows', async () => {
    const t = await openSettings();
    await typeInto(t.field, ' alt + shift + F9 ');
    expect(t.error()).toBeNull();
    await commit(t.field);
    await typeInto(t.field, '');
    await commit(t.field);
    expect(t.fake.callsTo(InvokeChannel.settingsSet)).toEqual([
      { globalShortcut: 'alt+shift+F9' },
      { globalShortcut: '' },
    ]);
    await act(() => t.fake.emit(EventChannel.shortcutChanged, { state: 'off' }));
    expect(t.status()).toBe('No global shortcut.');
  });

  it('a save main refuses keeps what was typed', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.settingsSet, () => fail({ kind: 'invalid-payload', message: 'no' }));
    const t = await openSettings(fake);
    await typeInto(t.field, 'Ctrl+Alt+J');
    await commit(t.field);
    expect(t.field.value).toBe('Ctrl+Alt+J');
    expect(getByRole(t.root, 'alert').textContent).toMatch(/^Could not save/);
  });

  it('says why it could not be registered, in Czech too, and points Wayland to --toggle', async () => {
    const fake = createFakeBridge({ servers: [WEB_01] });
    fake.handle(InvokeChannel.shortcutStatus, () =>
      ok({ state: 'failed', accelerator: 'CommandOrControl+Alt+Shift+K', reason: 'taken' }),
    );
    const t = await openSettings(fake);
    expect(t.status()).toBe('Another app already uses CommandOrControl+Alt+Shift+K: choose another.');
    await act(() =>
      t.fake.emit(EventChannel.shortcutChanged, {
        state: 'failed',
        accelerator: 'CommandOrControl+Alt+Shift+K',
        reason: 'wayland',
      }),
    );
    expect(t.status()).toContain('vps-org-tray --toggle');
    await choose(getByRole(t.root, 'combobox', 'Language'), 'cs');
    // Czech arrives as a chunk of its own.
    await expect.poll(() => t.status()).not.toContain('Wayland has');
    expect(t.status()).toBe(
      'Wayland globální zkratky nemá: v nastavení svého prostředí přiřaďte klávesu příkazu „vps-org-tray --toggle“.',
    );
    expect(getByRole(t.root, 'textbox', 'Globální klávesová zkratka')).toBeTruthy();
  });
});
