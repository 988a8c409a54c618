// The demo a first run lands in: its banner leads to token setup, and Settings shows (and changes)
// whether a start without a token opens the demo.
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { defaultSettings } from '../../main/settings/schema';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { DEMO_AUTH, createFakeBridge, makeView, ok } from './fake-bridge';
import { click, getByRole, hasText, queryByRole, settle, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

const demoServer = makeView(makeServer(1, { name: 'demo-web-01' }));

function banner(root: HTMLElement): HTMLElement {
  const found = root.querySelector<HTMLElement>('[data-testid="demo-banner"]');
  if (!found) throw new Error('no demo banner');
  return found;
}

describe('demo banner', () => {
  it('offers Connect your account, which leaves the demo for token setup with the field focused', async () => {
    const fake = createFakeBridge({ auth: DEMO_AUTH, servers: [demoServer] });
    fake.handle(InvokeChannel.demoStop, () => ok({ mode: 'none' }));
    const rendered = await popup.render(fake);
    const { root } = rendered;
    expect(hasText(banner(root), 'Demo mode: simulated servers, nothing is real.')).toBe(true);
    expect(queryByRole(banner(root), 'button', 'Leave demo')).toBeNull();

    await click(getByRole(banner(root), 'button', 'Connect your account'));
    expect(fake.callsTo(InvokeChannel.demoStop)).toHaveLength(1);
    expect(root.querySelector('[data-testid="demo-banner"]')).toBeNull();
    expect(getByRole(root, 'heading', 'Connect your VPS.org account')).toBeTruthy();
    expect(document.activeElement).toBe(getByRole(root, 'textbox', 'API token'));
  });

  it('is worded in Czech too', async () => {
    const fake = createFakeBridge({ auth: DEMO_AUTH, servers: [demoServer], appInfo: { systemLocale: 'cs-CZ' } });
    const rendered = await popup.render(fake);
    expect(getByRole(banner(rendered.root), 'button', 'Připojit svůj účet')).toBeTruthy();
  });
});

describe('demo mode setting', () => {
  it('shows demoMode as a checkbox, saves a change, and follows a change made by main', async () => {
    const fake = createFakeBridge({ auth: DEMO_AUTH, servers: [demoServer] });
    const rendered = await popup.render(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Settings'));
    const checkbox = getByRole(root, 'checkbox', 'Start in demo mode when no token is stored') as HTMLInputElement;
    expect(checkbox.checked).toBe(true);

    await click(checkbox);
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([{ demoMode: false }]);
    expect(checkbox.checked).toBe(false);

    // e.g. Try the demo from token setup in another window turns it back on.
    await act(() => fake.emit(EventChannel.settingsChanged, { ...defaultSettings(), demoMode: true }));
    await settle();
    expect(checkbox.checked).toBe(true);
  });

  it('is reachable from token setup, unchecked after leaving the demo, and worded in Czech', async () => {
    const fake = createFakeBridge({
      auth: { mode: 'none' },
      settings: { ...defaultSettings(), demoMode: false },
      appInfo: { systemLocale: 'cs-CZ' },
    });
    const rendered = await popup.render(fake);
    const { root } = rendered;
    await click(getByRole(root, 'button', 'Nastavení'));
    const checkbox = getByRole(root, 'checkbox', 'Bez uloženého tokenu spouštět ukázkový režim') as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    await click(checkbox);
    expect(fake.callsTo(InvokeChannel.settingsSet)).toEqual([{ demoMode: true }]);
  });
});
