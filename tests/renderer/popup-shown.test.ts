// Opening the popup from the tray: a normal opening keeps the user's view (no lost work); the tray's
// Settings… opens the settings view, also before a token exists (the language must be reachable).
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { EventChannel, type PopupShown } from '../../common/contract';
import { createFakeBridge, makeView } from './fake-bridge';
import { click, getByRole, queryByRole, settle, typeInto, popupUnderTest } from './dom';
import { makeServer } from '../support/fixtures';

const popup = popupUnderTest();

async function shown(payload: PopupShown): Promise<void> {
  const fake = popup.current().fake;
  await act(() => fake.emit(EventChannel.popupShown, payload));
  await settle();
}

describe('popup shown', () => {
  it('Settings… from the tray opens the settings view and focuses its heading', async () => {
    const rendered = await popup.render({ servers: [makeView(makeServer(1))] });
    (document.activeElement as HTMLElement | null)?.blur();
    await shown({ view: 'settings' });
    const heading = getByRole(rendered.root, 'heading', 'Settings');
    expect(document.activeElement).toBe(heading);
    expect(queryByRole(rendered.root, 'list', 'Servers')).toBeNull();
  });

  it('a normal opening keeps a half-filled form and what was typed', async () => {
    const rendered = await popup.render({ servers: [makeView(makeServer(1))] });
    await click(getByRole(rendered.root.querySelector('header')!, 'button', 'New server'));
    const name = getByRole(rendered.root, 'textbox', 'Name') as HTMLInputElement;
    await typeInto(name, 'half-done');
    await shown({ view: null });
    expect(getByRole(rendered.root, 'heading', 'New server')).toBeTruthy();
    expect((getByRole(rendered.root, 'textbox', 'Name') as HTMLInputElement).value).toBe('half-done');
  });

  it('Settings… while no token is set opens Settings; Back returns to token setup', async () => {
    const rendered = await popup.render(createFakeBridge({ auth: { mode: 'none' } }));
    await shown({ view: 'settings' });
    expect(getByRole(rendered.root, 'heading', 'Settings')).toBeTruthy();
    expect(queryByRole(rendered.root, 'textbox', 'API token')).toBeNull();
    await click(getByRole(rendered.root, 'button', 'Back'));
    expect(getByRole(rendered.root, 'textbox', 'API token')).toBeTruthy();
  });

  it('a page that loads after Settings… was chosen opens Settings from the ready handshake', async () => {
    const rendered = await popup.render(
      createFakeBridge({ servers: [makeView(makeServer(1))], requestedView: 'settings' }),
    );
    expect(getByRole(rendered.root, 'heading', 'Settings')).toBeTruthy();
    expect(queryByRole(rendered.root, 'list', 'Servers')).toBeNull();
  });

  it('a page that loads on a normal opening shows the list', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: [makeView(makeServer(1))] }));
    expect(getByRole(rendered.root, 'list', 'Servers')).toBeTruthy();
    expect(queryByRole(rendered.root, 'heading', 'Settings')).toBeNull();
  });
});
