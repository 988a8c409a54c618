// The keyboard path the global shortcut opens: the popup shown with `search` lands on the list with the
// search box focused (its old text selected), a few letters narrow the list, Enter goes to the top
// match's row, whose Reboot asks inline with the confirming button focused, and confirming sends one
// reboot. (In real Chromium, with real Tab presses: tests/e2e/journeys-keyboard.test.ts.)
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { EventChannel, InvokeChannel } from '../../common/contract';
import { createFakeBridge, viewsByName } from './fake-bridge';
import { click, getByRole, press, queryByRole, settle, typeInto, popupUnderTest } from './dom';

const popup = popupUnderTest();

const SERVERS = viewsByName({ 'db-01': 'stopped', 'web-01': 'active', 'web-02': 'active', 'mail-01': 'active' });

async function shortcutPressed(): Promise<void> {
  const { fake } = popup.current();
  await act(() => fake.emit(EventChannel.popupShown, { view: 'search' }));
  await settle();
}

const search = (root: HTMLElement) => getByRole(root, 'searchbox', 'Search servers') as HTMLInputElement;

describe('keyboard path from the global shortcut', () => {
  it('from another view: back on the list, search focused with its old text selected', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: SERVERS }));
    await typeInto(search(rendered.root), 'mail');
    await click(getByRole(rendered.root, 'button', 'Settings'));
    expect(queryByRole(rendered.root, 'searchbox', 'Search servers')).toBeNull();

    await shortcutPressed();
    const box = search(rendered.root);
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 'mail'.length]);
  });

  it('type part of a name, Enter: the top match’s row; its Reboot asks, confirming sends one reboot', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: SERVERS }));
    const { root, fake } = rendered;
    await shortcutPressed();
    await typeInto(search(root), 'web');
    await press(search(root), 'Enter');
    const focused = document.activeElement as HTMLElement;
    expect(focused.classList.contains('row-main')).toBe(true);
    expect(focused.getAttribute('title')).toBe('web-01');
    // The row's actions are its next tab stops.
    const row = focused.closest('li')!;
    expect(getByRole(row, 'button', 'Reboot web-01').tabIndex).toBe(0);

    // Enter on a focused button is a click.
    await click(getByRole(row, 'button', 'Reboot web-01'));
    const confirm = getByRole(root, 'group', 'Reboot web-01?');
    expect(document.activeElement).toBe(getByRole(confirm, 'button', 'Reboot'));
    expect(fake.callsTo(InvokeChannel.serversReboot)).toEqual([]);
    await click(document.activeElement as HTMLElement);
    // Enter on the button (a click without a pointer): the history records it as by keyboard.
    expect(fake.callsTo(InvokeChannel.serversReboot)).toEqual([{ accountId: 'acct', id: 2, source: 'keyboard' }]);
  });

  it('↓ does the same; Enter with nothing matching stays in the search box', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: SERVERS }));
    const box = search(rendered.root);
    await typeInto(box, 'mail');
    await press(box, 'ArrowDown');
    expect((document.activeElement as HTMLElement).getAttribute('title')).toBe('mail-01');

    await shortcutPressed();
    await typeInto(search(rendered.root), 'nothing-like-this');
    await press(search(rendered.root), 'Enter');
    expect(document.activeElement).toBe(search(rendered.root));
  });

  it('an open confirmation is closed by the shortcut (nothing half-asked stays on screen)', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: SERVERS }));
    await click(getByRole(rendered.root, 'button', 'Reboot web-01'));
    expect(queryByRole(rendered.root, 'group', 'Reboot web-01?')).not.toBeNull();
    await shortcutPressed();
    expect(queryByRole(rendered.root, 'group', 'Reboot web-01?')).toBeNull();
    expect(document.activeElement).toBe(search(rendered.root));
  });

  it('a page still loading when the shortcut was pressed gets the search from the ready handshake', async () => {
    const rendered = await popup.render(createFakeBridge({ servers: SERVERS, requestedView: 'search' }));
    expect(document.activeElement).toBe(search(rendered.root));
  });
});
